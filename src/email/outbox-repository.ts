import { sql } from 'kysely';
import type { Executor, MailOutboxRow } from '../db/types.js';

/** Inserts a queued mail; returns its id (what the send job carries). */
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
): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      user_id: values.userId,
      to: values.to,
      subject: values.subject,
      text: values.text,
      html: values.html,
      message_id: values.messageId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Counts one more attempt of a mail still pending and returns it; undefined once it was sent,
 * given up or deleted (a job that runs again after that has nothing to do). The send job runs
 * one mail at a time (one live job per mail), so no lease is needed.
 */
export async function startMailAttempt(
  db: Executor,
  id: number,
): Promise<MailOutboxRow | undefined> {
  return db
    .updateTable('mail_outbox')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Ids of pending mails (neither sent nor given up) after `afterId`, in id order. */
export async function pendingMailIds(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => Number(row.id));
}

/** Sent: the bodies (with their one-time links) are dropped, the metadata kept. */
export async function markMailSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: sql`now()`, last_error: null, text: '', html: '' })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt that will be retried: the error is kept for the operator. */
export async function recordMailError(db: Executor, id: number, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ last_error: error }).where('id', '=', id).execute();
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
