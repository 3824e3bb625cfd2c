import type { Kysely } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { Database, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { Limits } from '../state/limits.js';
import type { PasswordHasher } from './passwords.js';

export type AssertCurrentPassword = (
  user: UserRow,
  given: string | undefined,
  context: RequestContext,
) => Promise<void>;

/**
 * Re-authentication for sensitive changes to one's own account (email, password, deletion,
 * two-step verification). A wrong current password is a password guess like a failed login, so it
 * counts against the same per-account limits.
 */
export function createCurrentPasswordCheck(deps: {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  limits: Limits;
}): AssertCurrentPassword {
  return async function assertCurrentPassword(user, given, context) {
    if (!given) {
      throw new AppError('CURRENT_PASSWORD_INVALID', {
        errors: { current_password: 'Enter your current password to make this change' },
      });
    }
    await deps.limits.beforeLogin(user.email, context.ip);
    let matches: boolean;
    try {
      matches = await deps.hasher.verify(given, user.password_hash);
    } catch (err) {
      await deps.limits.loginAborted(user.email, context.ip);
      throw err;
    }
    if (matches) {
      await deps.limits.loginSucceeded(user.email, context.ip);
      return;
    }
    await deps.limits.loginFailed(user.email, context.ip);
    await appendAuditEvent(deps.db, { type: AUDIT_EVENTS.REAUTH_FAILED, userId: user.id, context });
    throw new AppError('CURRENT_PASSWORD_INVALID', {
      errors: { current_password: 'The current password is incorrect' },
    });
  };
}
