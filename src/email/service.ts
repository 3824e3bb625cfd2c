import type { Kysely } from 'kysely';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { hashToken } from '../auth/opaque-tokens.js';
import { validateNewPassword, type PasswordHasher } from '../auth/passwords.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, EmailTokenPurpose, EmailTokenRow, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { mailLocale, type Locale } from '../i18n/locales.js';
import type { SessionService } from '../sessions/service.js';
import { emailKey, normalizeEmail } from '../users/email.js';
import * as users from '../users/repository.js';
import type { MailQueue } from './mail-queue.js';
import * as tokens from './token-repository.js';
import { emitNothing, type EmitEvent } from '../webhooks/events.js';
import { userEventData } from '../webhooks/payloads.js';

export interface EmailServiceDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  sessions: SessionService;
  queue: MailQueue;
  /** Drops cached copies of the user on every instance. */
  invalidateUser: (userId: number) => Promise<void>;
  /** Wakes the outbox worker (after a transaction that queued mail committed). */
  kick: () => void;
  /** Webhook events (user.email_verified, password.changed), in the change's transaction. */
  emitEvent?: EmitEvent;
}

export type EmailService = ReturnType<typeof createEmailService>;

/** A token counts only while the account still has the address the link was sent to. */
function addressStillMatches(token: EmailTokenRow, user: UserRow | undefined): user is UserRow {
  return !!user && emailKey(user.email) === emailKey(token.email);
}

/** Email verification and password reset: the flows behind the four mail routes. */
export function createEmailService(deps: EmailServiceDeps) {
  const { db } = deps;
  const emitEvent = deps.emitEvent ?? emitNothing;

  /** Spends a live token and locks its user; null for any kind of invalid token. */
  async function spend(
    trx: Kysely<Database>,
    token: string,
    purpose: EmailTokenPurpose,
  ): Promise<UserRow | null> {
    const row = await tokens.consumeEmailToken(trx, hashToken(token), purpose);
    if (!row) return null;
    const user = await users.lockUserById(trx, row.user_id);
    return addressStillMatches(row, user) ? user : null;
  }

  /** Marks the address verified; throws INVALID_TOKEN for an unknown, used, expired or stale token. */
  async function verifyEmail(token: string, context: RequestContext): Promise<UserRow> {
    const user = await inTransaction(db, async (trx, afterCommit) => {
      const owner = await spend(trx, token, 'verify_email');
      if (!owner) return null;
      afterCommit(() => deps.invalidateUser(owner.id));
      // Any other link sent for this address has nothing left to do.
      await tokens.retireEmailTokens(trx, owner.id, 'verify_email');
      if (owner.email_verified) return owner;
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.EMAIL_VERIFIED,
        userId: owner.id,
        context,
        details: { email: owner.email },
      });
      const verified = (await users.updateUser(trx, owner.id, { email_verified: true })) ?? owner;
      await emitEvent(trx, 'user.email_verified', userEventData(verified));
      return verified;
    });
    if (!user) throw new AppError('INVALID_TOKEN');
    return user;
  }

  /** Queues a new verification mail unless the address is already verified. */
  async function resendVerification(
    userId: number,
    requestLocale: Locale,
  ): Promise<'queued' | 'already_verified'> {
    return inTransaction(db, async (trx, afterCommit) => {
      const user = await users.findUserById(trx, userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (user.email_verified) return 'already_verified' as const;
      await deps.queue.queueVerification(trx, user, mailLocale(user.locale, requestLocale));
      afterCommit(deps.kick);
      return 'queued' as const;
    });
  }

  /**
   * Queues a reset mail when an account has this address; does nothing otherwise. Runs off the
   * request path, so the answer (and its timing) cannot tell whether the account exists.
   */
  async function requestPasswordReset(emailInput: string, context: RequestContext) {
    const email = normalizeEmail(emailInput);
    const user = email ? await users.findUserByEmail(db, email) : undefined;
    if (!user) return;
    await inTransaction(db, async (trx, afterCommit) => {
      // The mail goes to user.email, the address on the account, never to the spelling typed:
      // a look-alike address that happens to match must not receive the owner's link.
      await deps.queue.queuePasswordReset(trx, user, mailLocale(user.locale, context.locale));
      afterCommit(deps.kick);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSWORD_RESET_REQUESTED,
        userId: user.id,
        context,
      });
    });
  }

  /** Sets a new password from a reset link and ends every session of the user. */
  async function resetPassword(
    input: { token: string; password: string },
    context: RequestContext,
  ): Promise<void> {
    validateNewPassword(input.password);
    // Cheap check first: a made-up token must not cost a bcrypt hash.
    if (!(await tokens.findLiveEmailToken(db, hashToken(input.token), 'reset_password')))
      throw new AppError('INVALID_TOKEN');
    const passwordHash = await deps.hasher.hash(input.password);
    const reset = await inTransaction(db, async (trx, afterCommit) => {
      const user = await spend(trx, input.token, 'reset_password');
      if (!user) return false;
      await users.updateUser(trx, user.id, {
        password_hash: passwordHash,
        // The link reached the account's address, which proves control of it; without this an
        // unverified user under REQUIRE_EMAIL_VERIFICATION could never sign in to ask for a new link.
        email_verified: true,
      });
      // Whoever knew the old password (or held a session) is locked out at once.
      const revoked = await deps.sessions.revokeAllSessions(
        trx,
        afterCommit,
        user.id,
        'password_reset',
        null,
      );
      await tokens.retireEmailTokens(trx, user.id, 'reset_password');
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSWORD_RESET,
        userId: user.id,
        context,
        details: { sessions_revoked: revoked.length },
      });
      await emitEvent(trx, 'password.changed', {
        user_id: user.id,
        by: 'reset',
        sessions_ended: revoked.length,
      });
      return true;
    });
    if (!reset) throw new AppError('INVALID_TOKEN');
  }

  return { verifyEmail, resendVerification, requestPasswordReset, resetPassword };
}
