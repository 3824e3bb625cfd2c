import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Email sign-in: one outstanding request per address (a new one replaces it), carrying a link
// token and a 6-digit code, both stored hashed. user_id is null when the address had no account
// yet (EMAIL_SIGN_UP creates it on first use).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table email_sign_ins (
    id bigserial primary key,
    email_normalized text collate "C" not null unique,
    email text not null,
    user_id integer references users(id) on delete cascade,
    token_hash bytea not null unique,
    code_hash bytea not null,
    attempts integer not null default 0,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`.execute(db);
  await db.schema
    .createIndex('email_sign_ins_expires_idx')
    .on('email_sign_ins')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('email_sign_ins_user_idx')
    .on('email_sign_ins')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_sign_ins').execute();
}
