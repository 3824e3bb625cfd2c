import { mailLocale, type Locale } from '../i18n/locales.js';
import { createHmac, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { hashToken, newOpaqueToken } from '../auth/opaque-tokens.js';
import type { SecondStepChallenge } from '../auth/service.js';
import { finishSignIn } from '../auth/sign-in.js';
import { inTransaction, type AfterCommit } from '../db/transaction.js';
import type { Database, EmailSignInRow, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import { emailKey, normalizeEmail } from '../users/email.js';
import * as users from '../users/repository.js';
import * as requests from './repository.js';

export const EMAIL_SIGN_IN_TTL_SECONDS = 15 * 60;

/**
 * The password_hash of an account created by email sign-up: not a bcrypt hash, so no password
 * ever matches it (bcrypt compares it as false) until the person sets one through a reset link.
 */
export const NO_PASSWORD = '!no-password';

export interface EmailSignInServiceDeps {
  db: Kysely<Database>;
  sessions: SessionService;
  /** Drops cached copies of the user on every instance. */
  invalidateUser: (userId: number) => Promise<void>;
  /** TOKEN_SECRET: keys the hash of the 6-digit codes (a plain hash of 10^6 values is no secret). */
  tokenSecret: string;
  /** EMAIL_SIGN_UP: an address without an account gets one on its first email sign-in. */
  signUp: boolean;
  /** Queues the mail inside the caller's transaction (the email feature's hook). */
  queueMail: (
    trx: Kysely<Database>,
    afterCommit: AfterCommit,
    recipient: { id: number | null; email: string; name: string },
    secrets: { token: string; code: string },
    locale: Locale,
  ) => Promise<void>;
  /** Two-step verification: a challenge when the account has a second factor, null otherwise. */
  secondStep?: (user: UserRow, context: RequestContext) => Promise<SecondStepChallenge | null>;
}

export type EmailSignInResult =
  | { user: UserRow; tokens: IssuedTokens; challenge?: undefined }
  | { challenge: SecondStepChallenge };

export type EmailSignInService = ReturnType<typeof createEmailSignInService>;

type Failure = 'wrong_code' | 'no_request' | 'no_account' | 'address_changed';

/** Six decimal digits from the CSPRNG. */
export function newSignInCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** Sign-in without a password: a mailed link or code, each single use for 15 minutes. */
export function createEmailSignInService(deps: EmailSignInServiceDeps) {
  const { db } = deps;

  const codeHash = (key: string, code: string) =>
    createHmac('sha256', deps.tokenSecret).update(`email-sign-in\0${key}\0${code}`).digest();

  /**
   * Mails a link and a code when the address has an account (or EMAIL_SIGN_UP is on); does
   * nothing otherwise. Runs off the request path, so the answer cannot tell the cases apart.
   */
  async function request(emailInput: string, context: RequestContext): Promise<void> {
    const email = normalizeEmail(emailInput);
    if (!email) return;
    const user = await users.findUserByEmail(db, email);
    if (!user && !deps.signUp) return;
    // The mail goes to the address stored on the account, never to the spelling typed.
    const recipient = user
      ? { id: user.id, email: user.email, name: user.name }
      : { id: null, email, name: '' };
    const key = emailKey(recipient.email);
    const token = newOpaqueToken();
    const code = newSignInCode();
    await inTransaction(db, async (trx, afterCommit) => {
      await requests.replaceSignIn(trx, {
        emailNormalized: key,
        email: recipient.email,
        userId: recipient.id,
        tokenHash: hashToken(token),
        codeHash: codeHash(key, code),
        expiresAt: new Date(Date.now() + EMAIL_SIGN_IN_TTL_SECONDS * 1000),
      });
      await deps.queueMail(
        trx,
        afterCommit,
        recipient,
        { token, code },
        mailLocale(user?.locale, context.locale),
      );
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.EMAIL_SIGN_IN_REQUESTED,
        userId: recipient.id,
        context,
        details: recipient.id === null ? { sign_up: true } : {},
      });
    });
  }

  /** The account a spent request signs in to: created now for an email sign-up. */
  async function ownerOf(
    trx: Kysely<Database>,
    row: EmailSignInRow,
    context: RequestContext,
  ): Promise<UserRow | Failure> {
    if (row.user_id !== null) {
      const user = await users.lockUserById(trx, row.user_id);
      if (!user) return 'no_account';
      // The request counts only while the account still has the address it was mailed to.
      return emailKey(user.email) === row.email_normalized ? user : 'address_changed';
    }
    // Requested without an account: one made since then (registration) has this very address.
    const existing = await users.findUserByEmail(trx, row.email);
    if (existing) return (await users.lockUserById(trx, existing.id)) ?? 'no_account';
    if (!deps.signUp) return 'no_account';
    const created = await users.insertUser(trx, {
      email: row.email,
      // The person gives a name afterwards: the web app asks for it while it is empty.
      name: '',
      password_hash: NO_PASSWORD,
      email_verified: true,
      // The language of the request that completes the sign-up, like a registration's.
      locale: context.locale ?? null,
    });
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.ACCOUNT_CREATED,
      userId: created.id,
      context,
      details: { method: 'email_sign_in' },
    });
    return created;
  }

  /**
   * Spends a link token or a code and signs in (or answers the second-step challenge). Every kind
   * of failure answers the same error; a wrong code counts against its request (5 kill it).
   */
  async function verify(
    input: { token: string } | { email: string; code: string },
    context: RequestContext,
  ): Promise<EmailSignInResult> {
    const method = 'token' in input ? 'link' : 'code';
    const outcome = await inTransaction(db, async (trx, afterCommit) => {
      let row: EmailSignInRow | undefined;
      if ('token' in input) {
        row = await requests.consumeByToken(trx, hashToken(input.token));
      } else {
        const email = normalizeEmail(input.email);
        const key = email ? emailKey(email) : '';
        row = email ? await requests.presentCode(trx, key, codeHash(key, input.code)) : undefined;
        // A wrong code: the counted attempt commits with this transaction.
        if (row && !row.used_at) return { failure: 'wrong_code' as const, row };
      }
      if (!row) return { failure: 'no_request' as const, row };
      const owner = await ownerOf(trx, row, context);
      if (typeof owner === 'string') return { failure: owner, row };
      afterCommit(() => deps.invalidateUser(owner.id));
      let user = owner;
      let revoked = 0;
      if (!owner.email_verified) {
        // The code reached the address: that proves control of it.
        user = (await users.updateUser(trx, owner.id, { email_verified: true })) ?? owner;
        await appendAuditEvent(trx, {
          type: AUDIT_EVENTS.EMAIL_VERIFIED,
          userId: owner.id,
          context,
          details: { email: owner.email },
        });
        // Someone else may have registered this address before its owner came (pre-hijacking):
        // whatever sessions the unverified account had are not the owner's, so they end.
        revoked = (
          await deps.sessions.revokeAllSessions(trx, afterCommit, owner.id, 'email_verified', null)
        ).length;
      }
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.EMAIL_SIGN_IN_SUCCEEDED,
        userId: owner.id,
        context,
        details: { method, ...(revoked > 0 ? { sessions_revoked: revoked } : {}) },
      });
      return { user };
    });
    if ('failure' in outcome) {
      const row = outcome.row;
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.EMAIL_SIGN_IN_FAILED,
        userId: row?.user_id ?? null,
        context,
        details: {
          method,
          reason: outcome.failure,
          ...(outcome.failure === 'wrong_code' && row ? { attempts: row.attempts } : {}),
        },
      });
      throw new AppError('SIGN_IN_CODE_INVALID');
    }
    const { user } = outcome;
    const challenge = (await deps.secondStep?.(user, context)) ?? null;
    if (challenge) return { challenge };
    // Compare-and-set on the password hash read above, like every sign-in.
    const result = await finishSignIn(deps, user.id, user.password_hash, context, {
      details: { method: 'email' },
    });
    if (!result) throw new AppError('SIGN_IN_CODE_INVALID');
    return result;
  }

  return { request, verify };
}
