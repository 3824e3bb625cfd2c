import type { Transaction } from 'kysely';
import type { Database } from '../db/types.js';

/** Every event a webhook endpoint can subscribe to (Standard Webhooks `type`). */
export const WEBHOOK_EVENTS = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.email_verified',
  'session.created',
  'session.revoked',
  'password.changed',
  'mfa.enabled',
  'mfa.disabled',
  'organization.created',
  'organization.deleted',
  'organization.member_added',
  'organization.member_removed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/**
 * Records that `type` happened, in the transaction of the change it reports: it is delivered only
 * if that transaction commits, and is never lost once it has. Features take this as a dependency
 * (`emitEvent`) so they stay testable without the webhook feature.
 */
export type EmitEvent = (
  trx: Transaction<Database>,
  type: WebhookEventType,
  data: Record<string, unknown>,
) => Promise<void>;

/** Emits nothing: the default until the webhook feature is wired in. */
export const emitNothing: EmitEvent = async () => {};
