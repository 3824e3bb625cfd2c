import type { Locale } from '../i18n/locales.js';
import { sql } from 'kysely';
import type { AuditEventRow, Executor } from '../db/types.js';
import type { AuditEventType } from './events.js';

/** Keys of `details` that may hold an email address; removed when the account is deleted. */
export const PERSONAL_DETAIL_KEYS = ['email', 'old_email', 'new_email'];

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  /** The request's language (never stored in audit events): new accounts and mails it causes. */
  locale?: Locale;
}

export interface AuditEventInput {
  type: AuditEventType;
  userId: number | null;
  /** Who acted, when not the user themself (an admin). */
  actorId?: number | null;
  context: RequestContext;
  details?: Record<string, unknown>;
}

/** The row of one audit event. */
export function auditEventValues(event: AuditEventInput) {
  return {
    type: event.type,
    user_id: event.userId,
    actor_id: event.actorId ?? null,
    ip: event.context.ip,
    user_agent: event.context.userAgent,
    details: JSON.stringify(event.details ?? {}),
  };
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function appendAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  await db.insertInto('audit_events').values(auditEventValues(event)).execute();
}

/** One page of a user's audit events, newest first (index audit_events_user_idx). */
export async function listAuditEventsOfUser(
  db: Executor,
  userId: number,
  page: { limit: number; offset: number },
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many audit events the user has (the audit list's `total`). */
export async function countAuditEventsOfUser(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Every event about the user, newest first (data export). */
export async function listAllAuditEventsOfUser(
  db: Executor,
  userId: number,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Events the user caused on other accounts (as an admin), newest first (data export). */
export async function listAuditEventsByActor(
  db: Executor,
  actorId: number,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('actor_id', '=', actorId)
    .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '!=', actorId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Pseudonymises what the trail holds about a deleted account, inside the deletion's transaction.
 * Kept: event ids, types, times, the numeric user id (which no longer resolves to anyone; ids are
 * never reused) and non-personal details (session ids, reasons, roles). Dropped: ip addresses,
 * user agents and email addresses on the user's own events; ip and user agent on events they caused.
 */
export async function pseudonymiseAuditEvents(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('audit_events')
    .set({
      ip: null,
      user_agent: null,
      details: sql`details - ${sql.val(PERSONAL_DETAIL_KEYS)}::text[]`,
    })
    .where('user_id', '=', userId)
    .execute();
  // On other accounts' events only the network facts were the deleted admin's; the details are theirs.
  await db
    .updateTable('audit_events')
    .set({ ip: null, user_agent: null })
    .where('actor_id', '=', userId)
    .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '!=', userId)]))
    .execute();
}
