import type { Kysely } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { inTransaction, type AfterCommit } from '../db/transaction.js';
import type { Database, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { SessionService, IssuedTokens } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import { normalizeEmail, validateEmail } from '../users/email.js';
import { validateName } from '../users/name.js';
import * as users from '../users/repository.js';
import { validateNewPassword, type PasswordHasher } from './passwords.js';
import { emitNothing, type EmitEvent } from '../webhooks/events.js';
import { userEventData } from '../webhooks/payloads.js';
import { finishSignIn } from './sign-in.js';

export interface AuthServiceDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  sessions: SessionService;
  requireEmailVerification: boolean;
  limits: Limits;
  onLoginOutcome?: (outcome: 'success' | 'wrong_credentials' | 'unverified' | 'shed') => void;
  /** Drops cached copies of the user on every instance (last_login_at changed). */
  invalidateUser: (userId: number) => Promise<void>;
  /** Called after a user row is created (email verification hooks in here). */
  onUserCreated?: (trx: Kysely<Database>, afterCommit: AfterCommit, user: UserRow) => Promise<void>;
  /** Webhook events (user.created), in the change's transaction. */
  emitEvent?: EmitEvent;
  /**
   * After the right password: a challenge when the user has a second factor (no session yet),
   * null to sign in at once. Two-step verification hooks in here.
   */
  secondStep?: (user: UserRow, context: RequestContext) => Promise<SecondStepChallenge | null>;
}

/** The answer to a right password when a second step is still due: no tokens yet. */
export interface SecondStepChallenge {
  mfa_required: true;
  mfa_token: string;
  methods: string[];
}

export type LoginResult =
  | { user: UserRow; tokens: IssuedTokens; challenge?: undefined }
  | { challenge: SecondStepChallenge };

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthServiceDeps) {
  const { db, hasher } = deps;

  async function register(
    input: { email: string; name: string; password: string },
    context: RequestContext,
  ): Promise<UserRow> {
    const email = validateEmail(input.email);
    const name = validateName(input.name);
    validateNewPassword(input.password);
    // Cheap early answer that also saves a hash; the unique index still decides races.
    if (await users.findUserByEmail(db, email)) {
      throw new AppError('EMAIL_TAKEN', {
        errors: { email: 'Email address is already registered' },
      });
    }
    const passwordHash = await hasher.hash(input.password);
    return inTransaction(db, async (trx, afterCommit) => {
      // The request's language becomes the account's, so the first mail is already in it.
      const user = await users.insertUser(trx, {
        email,
        name,
        password_hash: passwordHash,
        locale: context.locale ?? null,
      });
      await appendAuditEvent(trx, { type: AUDIT_EVENTS.ACCOUNT_CREATED, userId: user.id, context });
      await deps.onUserCreated?.(trx, afterCommit, user);
      await (deps.emitEvent ?? emitNothing)(trx, 'user.created', userEventData(user));
      return user;
    });
  }

  /**
   * The account for this address, if any, and whether the password is its own. An unknown address
   * is checked against the dummy hash: both kinds of failure cost one bcrypt comparison each.
   */
  async function checkPassword(
    emailInput: string,
    password: string,
  ): Promise<{ user: UserRow | undefined; matches: boolean }> {
    const email = normalizeEmail(emailInput);
    const user = email ? await users.findUserByEmail(db, email) : undefined;
    const matches = user
      ? await hasher.verify(password, user.password_hash)
      : await hasher.verifyAgainstDummy(password);
    return { user, matches };
  }

  /**
   * A wrong guess. It stays counted whatever happens next (the failure was reserved before the
   * check, and nothing below gives it back), and the audit write is the same statement for an
   * unknown address and a wrong password: neither status, body nor database work tells them apart.
   */
  async function rejectGuess(
    email: string,
    user: UserRow | undefined,
    context: RequestContext,
  ): Promise<never> {
    await deps.limits.loginFailed(email, context.ip);
    deps.onLoginOutcome?.('wrong_credentials');
    await appendAuditEvent(db, {
      type: AUDIT_EVENTS.LOGIN_FAILED,
      userId: user?.id ?? null,
      context,
      details: { reason: user ? 'wrong_password' : 'unknown_account' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  /** A hash at the configured cost for a stored one made at another; none when the hasher is busy. */
  async function upgradedHash(user: UserRow, password: string): Promise<string | undefined> {
    if (!hasher.needsRehash(user.password_hash)) return undefined;
    try {
      return await hasher.hash(password);
    } catch (err) {
      // Shed under load: this sign-in goes ahead with the old hash, a later one upgrades it.
      if (err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE') return undefined;
      throw err;
    }
  }

  async function login(
    input: { email: string; password: string },
    context: RequestContext,
  ): Promise<LoginResult> {
    // Brute-force protection: counted per account and address before any password is checked.
    await deps.limits.beforeLogin(input.email, context.ip);
    let checked: Awaited<ReturnType<typeof checkPassword>>;
    try {
      checked = await checkPassword(input.email, input.password);
    } catch (err) {
      // Answered 503 (hash queue full or database down) before any password was judged.
      await deps.limits.loginAborted(input.email, context.ip);
      if (err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE')
        deps.onLoginOutcome?.('shed');
      throw err;
    }
    const { user, matches } = checked;
    if (!user || !matches) return rejectGuess(input.email, user, context);
    if (deps.requireEmailVerification && !user.email_verified) {
      // The password was right: not a failed guess.
      await deps.limits.loginSucceeded(input.email, context.ip);
      deps.onLoginOutcome?.('unverified');
      throw new AppError('EMAIL_NOT_VERIFIED');
    }
    let challenge: SecondStepChallenge | null;
    try {
      challenge = (await deps.secondStep?.(user, context)) ?? null;
    } catch (err) {
      await deps.limits.loginAborted(input.email, context.ip);
      throw err;
    }
    if (challenge) {
      // Not over yet: the reservation is given back, but the account's earlier failures (wrong
      // passwords and wrong codes) stay counted until the second step succeeds.
      await deps.limits.loginAborted(input.email, context.ip);
      return { challenge };
    }
    // The password was right: not a failed guess.
    await deps.limits.loginSucceeded(input.email, context.ip);
    const upgrade = await upgradedHash(user, input.password);
    // Compare-and-set on the hash that was checked: a reset, password change or deletion that
    // committed while bcrypt ran leaves nothing to sign in to (and no session outlives it).
    const result = await finishSignIn(deps, user.id, user.password_hash, context, {
      upgradedHash: upgrade,
    });
    if (!result) {
      deps.onLoginOutcome?.('wrong_credentials');
      throw new AppError('INVALID_CREDENTIALS');
    }
    deps.onLoginOutcome?.('success');
    return result;
  }

  return { register, login };
}
