import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Sessions have an absolute lifetime counted from created_at (SESSION_MAX_LIFETIME_DAYS): the
// scheduled cleanup finds those past it through this index instead of scanning the table.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sessions_created_idx on sessions (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index sessions_created_idx`.execute(db);
}
