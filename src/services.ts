import type { Kysely } from 'kysely';
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { AppContext } from './app-context.js';
import type { AfterCommit } from './db/transaction.js';
import type { Database, UserRow } from './db/types.js';
import type { SessionService } from './sessions/service.js';

/** Rate limits and brute-force protection, implemented in state/. */
export interface Limits {
  /** preHandlers per rate-limited route. */
  guards: Partial<
    Record<
      'register' | 'login' | 'refresh' | 'forgotPassword' | 'resendVerification',
      preHandlerAsyncHookHandler
    >
  >;
  /**
   * Before checking a password: reserves one failure for the account and the address, then throws
   * AppError RATE_LIMITED (429 + Retry-After) or delays the attempt. Exactly one of the three
   * calls below must follow once the attempt ends.
   */
  beforeLogin(email: string, ip: string | null): Promise<void>;
  /** The password was wrong (the reserved failure stays counted). */
  loginFailed(email: string, ip: string | null): Promise<void>;
  /** The password was right: resets the account's failures. */
  loginSucceeded(email: string, ip: string | null): Promise<void>;
  /** The attempt ended before the password was judged (503 shed, database error): gives it back. */
  loginAborted(email: string, ip: string | null): Promise<void>;
  /**
   * Before mail goes to `recipient` at the request of `ip`: counts it against the per-address and
   * per-recipient mail limits (shared with forgot-password), or throws RATE_LIMITED past either.
   */
  beforeMail(recipient: string, ip: string | null): Promise<void>;
}

/** Mail side effects other features trigger, implemented in email/. */
export interface EmailHooks {
  /**
   * Queue the verification mail for this user's current address, inside the caller's transaction;
   * the mail worker wakes once it committed.
   */
  queueVerification(trx: Kysely<Database>, afterCommit: AfterCommit, user: UserRow): Promise<void>;
  /** Spends the user's outstanding reset links (the password changed), inside the caller's transaction. */
  retirePasswordResets(trx: Kysely<Database>, userId: number): Promise<void>;
}

/** Everything a feature's routes may use; built once in app.ts. */
export interface Services {
  ctx: AppContext;
  db: Kysely<Database>;
  sessions: SessionService;
  limits: Limits;
  email: EmailHooks;
  /** preHandler: valid access token with a live session → request.auth. */
  authenticate: preHandlerAsyncHookHandler;
  /** preHandler (after authenticate): admins only. */
  requireAdmin: preHandlerAsyncHookHandler;
}
