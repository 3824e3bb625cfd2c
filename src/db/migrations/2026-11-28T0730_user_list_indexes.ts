import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Indexes behind the admin user list (sort, search) and the data export's actor look-up.

export async function up(db: Kysely<any>): Promise<void> {
  // Sort orders of GET /api/users; `id` is the stable tiebreak. Email sorts by the existing
  // unique index on lower(email). A backward scan of the last_login_at index gives `asc nulls first`.
  await sql`create index users_created_at_idx on users (created_at, id)`.execute(db);
  await sql`create index users_name_lower_idx on users (lower(name), id)`.execute(db);
  await sql`create index users_last_login_idx on users (last_login_at desc nulls last, id desc)`.execute(
    db,
  );
  await sql`create index audit_events_actor_idx on audit_events (actor_id) where actor_id is not null`.execute(
    db,
  );

  // Substring search (ILIKE '%term%') needs trigram indexes. pg_trgm ships with PostgreSQL's contrib
  // (the embedded server included) and is a trusted extension, but a locked-down server may refuse it:
  // then the list still works, with a sequential scan for searches. The block runs in a subtransaction
  // so a refusal does not abort the migration's transaction.
  await sql`
    do $$
    begin
      create extension if not exists pg_trgm;
    exception when others then
      raise notice 'pg_trgm unavailable (%): user search runs without trigram indexes', sqlerrm;
    end
    $$`.execute(db);
  const trgm = await sql<{
    schema: string;
  }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(
    db,
  );
  const schema = trgm.rows[0]?.schema;
  if (schema) {
    const ops = sql.raw(`${quoteIdent(schema)}.gin_trgm_ops`);
    await sql`create index users_email_trgm_idx on users using gin (email ${ops})`.execute(db);
    await sql`create index users_name_trgm_idx on users using gin (name ${ops})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The extension stays: other objects in the database may use it, and it holds no data.
  await sql`drop index if exists users_name_trgm_idx`.execute(db);
  await sql`drop index if exists users_email_trgm_idx`.execute(db);
  await sql`drop index if exists audit_events_actor_idx`.execute(db);
  await sql`drop index if exists users_last_login_idx`.execute(db);
  await sql`drop index if exists users_name_lower_idx`.execute(db);
  await sql`drop index if exists users_created_at_idx`.execute(db);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
