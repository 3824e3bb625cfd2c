import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EmailTokenPurpose, UserRow } from '../db/types.js';
import { hashToken, newOpaqueToken } from '../auth/opaque-tokens.js';
import type { Locale } from '../i18n/locales.js';
import * as outbox from './outbox-repository.js';
import { seal } from './sealed.js';
import {
  invitationMail,
  emailSignInMail,
  pageLink,
  passwordResetMail,
  verificationMail,
  type MailContent,
} from './templates.js';
import { insertEmailToken } from './token-repository.js';

export const VERIFY_EMAIL_TTL_SECONDS = 24 * 60 * 60; // 24 hours
export const RESET_PASSWORD_TTL_SECONDS = 60 * 60; // 1 hour
export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60; // 7 days

export interface MailQueueDeps {
  appUrl: string;
  /** MAIL_FROM; its domain names the Message-IDs. */
  from: string;
  /** Seals bodies at rest (see sealed.ts). */
  key: Buffer;
}

type User = Pick<UserRow, 'id' | 'email' | 'name'>;
/** An invitation mail: to an address (maybe without an account), in the language chosen for it. */
export interface InvitationInput {
  email: string;
  token: string;
  organization: string;
  inviter: string;
  locale: Locale;
}
/** A recipient that may have no account yet (email sign-up). */
type Recipient = { id: number | null; email: string; name: string };

export type MailQueue = ReturnType<typeof createMailQueue>;

function messageIdDomain(from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1];
  return domain ?? 'gatehouse.invalid';
}

/** Issues one-time tokens and queues the mails that carry them, inside the caller's transaction. */
export function createMailQueue(deps: MailQueueDeps) {
  const domain = messageIdDomain(deps.from);

  async function issueToken(
    trx: Kysely<Database>,
    user: User,
    purpose: EmailTokenPurpose,
    ttlSeconds: number,
  ): Promise<string> {
    const token = newOpaqueToken();
    await insertEmailToken(trx, {
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      email: user.email,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000),
    });
    return token;
  }

  async function enqueue(
    trx: Kysely<Database>,
    user: Pick<User, 'email'> & { id: number | null },
    content: MailContent,
  ): Promise<void> {
    await outbox.insertMail(trx, {
      userId: user.id,
      // Always the address stored on the account, never one a request typed (an invitation:
      // the address invited, which may have no account yet).
      to: user.email,
      subject: content.subject,
      text: seal(content.text, deps.key),
      html: seal(content.html, deps.key),
      messageId: `${randomUUID()}@${domain}`,
    });
  }

  /** Queues the verification mail for the user's current address (24 h link). */
  async function queueVerification(
    trx: Kysely<Database>,
    user: User,
    locale: Locale,
  ): Promise<void> {
    const token = await issueToken(trx, user, 'verify_email', VERIFY_EMAIL_TTL_SECONDS);
    const link = pageLink(deps.appUrl, 'verify-email', token);
    await enqueue(trx, user, verificationMail(locale, { name: user.name, link }));
  }

  /** Queues the password-reset mail to the account's stored address (1 h link). */
  async function queuePasswordReset(
    trx: Kysely<Database>,
    user: User,
    locale: Locale,
  ): Promise<void> {
    const token = await issueToken(trx, user, 'reset_password', RESET_PASSWORD_TTL_SECONDS);
    const link = pageLink(deps.appUrl, 'reset-password', token);
    await enqueue(trx, user, passwordResetMail(locale, { name: user.name, link }));
  }

  /**
   * Queues an invitation to `email` (no account needed) with a link to the accept page; the
   * caller stores the token's hash on the invitation.
   */
  async function queueInvitation(trx: Kysely<Database>, input: InvitationInput): Promise<void> {
    const link = pageLink(deps.appUrl, 'invitations/accept', input.token);
    await enqueue(
      trx,
      { id: null, email: input.email },
      invitationMail(input.locale, {
        organization: input.organization,
        inviter: input.inviter,
        link,
      }),
    );
  }

  /**
   * Queues an email sign-in mail (link and code, issued by the caller) to `recipient.email`: the
   * account's stored address, or the typed one when there is no account yet (email sign-up).
   */
  async function queueEmailSignIn(
    trx: Kysely<Database>,
    recipient: Recipient,
    secrets: { token: string; code: string },
    locale: Locale,
  ): Promise<void> {
    const link = pageLink(deps.appUrl, 'email-sign-in', secrets.token);
    await enqueue(
      trx,
      recipient,
      emailSignInMail(locale, { name: recipient.name, link, code: secrets.code }),
    );
  }

  return { queueVerification, queuePasswordReset, queueInvitation, queueEmailSignIn };
}
