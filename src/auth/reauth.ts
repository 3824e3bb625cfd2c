import type { Kysely } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { Database, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { Limits } from '../state/limits.js';
import type { SharedState } from '../state/port.js';
import type { PasswordHasher } from './passwords.js';

/** How long a passkey assertion stands in for current_password on the session that made it. */
export const REAUTH_TTL_SECONDS = 300;

const markerKey = (sessionId: number) => `reauth:session:${sessionId}`;

/** The current-password check as features take it (the password alone, no passkey marker). */
export type AssertCurrentPassword = (
  user: UserRow,
  given: string | undefined,
  context: RequestContext,
) => Promise<void>;

export interface ReauthDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  limits: Limits;
  /** Shared state: a marker set at one instance is seen at every other. */
  state: SharedState;
}

export type Reauthentication = ReturnType<typeof createReauthentication>;

/**
 * Re-authentication for sensitive changes to one's own account (email, password, deletion,
 * disabling two-step verification, removing a passkey): the current password, or a passkey
 * assertion this session made within the last five minutes.
 */
export function createReauthentication(deps: ReauthDeps) {
  /** Records that this session just proved its person with a passkey. */
  async function markReauthenticated(sessionId: number): Promise<void> {
    await deps.state.set(markerKey(sessionId), '1', REAUTH_TTL_SECONDS);
  }

  /**
   * The one check. With `given` the password must be right; a wrong one is a password guess, so it
   * counts against the same per-account limits as a failed login. Without it, the session (when
   * one is named) must hold a recent passkey re-authentication.
   */
  async function assertReauthenticated(
    user: UserRow,
    sessionId: number | null,
    given: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    if (!given) {
      if (sessionId !== null && (await deps.state.get(markerKey(sessionId))) !== null) return;
      throw new AppError('CURRENT_PASSWORD_INVALID', {
        errors: {
          current_password:
            sessionId === null
              ? 'Enter your current password to make this change'
              : 'Enter your current password (or confirm with a passkey) to make this change',
        },
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
  }

  /** The password alone, for changes a passkey may not stand in for (TOTP setup, new codes). */
  const assertCurrentPassword: AssertCurrentPassword = (user, given, context) =>
    assertReauthenticated(user, null, given, context);

  return { markReauthenticated, assertReauthenticated, assertCurrentPassword };
}
