import { sql } from 'kysely';
import type { Executor, MailOutboxRow } from '../db/types.js';

export async function insertMail(
  db: Executor,
  values: {
    userId: number | null;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
  },
): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      user_id: values.userId,
      to: values.to,
      subject: values.subject,
      text: values.text,
      html: values.html,
      message_id: values.messageId,
    })
    .execute();
}

/**
 * Claims up to `limit` due mails for one send attempt. SKIP LOCKED lets several instances claim
 * at once without waiting or overlapping, and the lease (next_attempt_at pushed `leaseMs` ahead)
 * keeps a claimed row away from every other worker while it is being sent, without holding a
 * transaction open across the SMTP conversation. A worker that dies mid-send leaves the row to
 * be retried, with the same Message-ID, once the lease runs out.
 */
export async function claimDueMails(
  db: Executor,
  limit: number,
  leaseMs: number,
): Promise<MailOutboxRow[]> {
  return db
    .updateTable('mail_outbox')
    .set({
      attempts: sql<number>`attempts + 1`,
      next_attempt_at: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('mail_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Sent: the bodies (with their one-time links) are dropped, the metadata kept. */
export async function markMailSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: sql`now()`, last_error: null, text: '', html: '' })
    .where('id', '=', id)
    .execute();
}

export async function scheduleMailRetry(
  db: Executor,
  id: number,
  delayMs: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      next_attempt_at: sql`now() + ${Math.round(delayMs)} * interval '1 millisecond'`,
      last_error: error,
    })
    .where('id', '=', id)
    .execute();
}

/** Given up: kept for the operator (last_error), bodies dropped. */
export async function markMailFailed(db: Executor, id: number, error: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ failed_at: sql`now()`, last_error: error, text: '', html: '' })
    .where('id', '=', id)
    .execute();
}

export async function countPendingMails(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
