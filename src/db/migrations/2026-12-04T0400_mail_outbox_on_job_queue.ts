import { sql, type Kysely } from 'kysely';

/**
 * The mail outbox moved onto the job queue (a `mail-send` job per mail carries its retries): the
 * polling loop's claim lease and due index go. Pending mail is found by id for the sweep that
 * gives mail queued before this change its job, and for the pending gauge.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists mail_outbox_due_idx`.execute(db);
  await db.schema.alterTable('mail_outbox').dropColumn('next_attempt_at').execute();
  await sql`create index mail_outbox_pending_idx on mail_outbox (id) where sent_at is null and failed_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists mail_outbox_pending_idx`.execute(db);
  // Pending mail is due at once for the polling worker of the earlier version.
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where sent_at is null and failed_at is null`.execute(
    db,
  );
}
