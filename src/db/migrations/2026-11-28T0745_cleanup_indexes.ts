import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Indexes behind the scheduled cleanup (src/ops/cleanup.ts): without them every cleanup batch
// would scan the whole table, and refresh_tokens (one row per rotation) is the largest one.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sessions_revoked_idx on sessions (revoked_at) where revoked_at is not null`.execute(
    db,
  );
  await sql`create index refresh_tokens_expires_idx on refresh_tokens (expires_at)`.execute(db);
  await sql`create index mail_outbox_done_idx on mail_outbox (coalesce(sent_at, failed_at)) where sent_at is not null or failed_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index mail_outbox_done_idx`.execute(db);
  await sql`drop index refresh_tokens_expires_idx`.execute(db);
  await sql`drop index sessions_revoked_idx`.execute(db);
}
