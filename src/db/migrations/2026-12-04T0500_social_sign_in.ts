import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Social sign-in: upstream providers added at run time (CLI, admin API; the client secret sealed
// under KEY_ENCRYPTION_KEY) and the identities linked to accounts, one per (provider, subject).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table social_providers (
    id text collate "C" primary key,
    preset text not null,
    display_name text not null,
    issuer text,
    client_id text not null,
    client_secret_sealed text,
    scopes text,
    store_tokens boolean not null default false,
    endpoints jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table user_identities (
    id bigserial primary key,
    user_id integer not null references users(id) on delete cascade,
    provider text collate "C" not null,
    subject text collate "C" not null,
    email text,
    tokens_sealed text,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    unique (provider, subject)
  )`.execute(db);
  await db.schema
    .createIndex('user_identities_user_idx')
    .on('user_identities')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_identities').execute();
  await db.schema.dropTable('social_providers').execute();
}
