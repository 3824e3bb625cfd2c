import type { Kysely } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, UserRow } from '../db/types.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import * as users from '../users/repository.js';

export interface SignInDeps {
  db: Kysely<Database>;
  sessions: SessionService;
  /** Drops cached copies of the user on every instance (last_login_at changed). */
  invalidateUser: (userId: number) => Promise<void>;
}

/**
 * The last step of every sign-in (password alone, or password then a second step): a session for
 * the user whose password hash is still `checkedHash`. Compare-and-set on that hash: a reset,
 * password change or deletion that committed meanwhile leaves nothing to sign in to (null).
 */
export async function finishSignIn(
  deps: SignInDeps,
  userId: number,
  checkedHash: string,
  context: RequestContext,
  options: { upgradedHash?: string; details?: Record<string, unknown> } = {},
): Promise<{ user: UserRow; tokens: IssuedTokens } | null> {
  return inTransaction(deps.db, async (trx, afterCommit) => {
    const fresh = await users.recordLogin(trx, userId, checkedHash, options.upgradedHash);
    if (!fresh) return null;
    afterCommit(() => deps.invalidateUser(userId));
    const tokens = await deps.sessions.startSession(trx, fresh, context);
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.LOGIN_SUCCEEDED,
      userId,
      context,
      details: { session_id: tokens.sessionId, ...options.details },
    });
    return { user: fresh, tokens };
  });
}
