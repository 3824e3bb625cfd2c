import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// OpenID provider storage: registered clients, and the oidc-provider adapter's one table
// (codes, grants, sessions, interactions, tokens), so that every instance sees the same state.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 of the secret (secrets are 256-bit random, so a fast hash suffices); null for public clients.
    .addColumn('secret_hash', 'text')
    .addColumn('first_party', 'boolean', (c) => c.notNull().defaultTo(false))
    // Client metadata (RFC 7591 names) other than the id and the secret.
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('oidc_payloads')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('uid', 'text')
    // The person the row belongs to: deleting the account deletes its codes, grants and tokens.
    .addColumn('account_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    // The Gatehouse session the person signed in with: revoking it ends what it issued.
    .addColumn('session_id', 'integer', (c) => c.references('sessions.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('consumed_at', 'timestamptz')
    .addPrimaryKeyConstraint('oidc_payloads_pkey', ['type', 'id'])
    .execute();
  await db.schema
    .createIndex('oidc_payloads_grant_idx')
    .on('oidc_payloads')
    .column('grant_id')
    .where(sql.ref('grant_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('oidc_payloads_uid_idx')
    .on('oidc_payloads')
    .columns(['type', 'uid'])
    .where(sql.ref('uid'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('oidc_payloads_user_code_idx')
    .on('oidc_payloads')
    .columns(['type', 'user_code'])
    .where(sql.ref('user_code'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('oidc_payloads_account_idx')
    .on('oidc_payloads')
    .columns(['account_id', 'type'])
    .where(sql.ref('account_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('oidc_payloads_session_idx')
    .on('oidc_payloads')
    .column('session_id')
    .where(sql.ref('session_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('oidc_payloads_expires_idx')
    .on('oidc_payloads')
    .column('expires_at')
    .where(sql.ref('expires_at'), 'is not', null)
    .execute();

  // Revocation reaches the apps in the same transaction as the change, whichever code path
  // (logout, session revocation, refresh-token reuse, password change or reset) made it.
  await sql`create function oidc_end_session_rows() returns trigger language plpgsql as $$
    begin
      delete from oidc_payloads where session_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger sessions_revoke_oidc after update of revoked_at on sessions
    for each row when (old.revoked_at is null and new.revoked_at is not null)
    execute function oidc_end_session_rows()`.execute(db);
  // A new password ends every token and sign-in the apps hold (consents stay).
  await sql`create function oidc_end_account_rows() returns trigger language plpgsql as $$
    begin
      delete from oidc_payloads where account_id = new.id and type <> 'Grant';
      return null;
    end $$`.execute(db);
  await sql`create trigger users_password_oidc after update of password_hash on users
    for each row when (old.password_hash is distinct from new.password_hash)
    execute function oidc_end_account_rows()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger users_password_oidc on users`.execute(db);
  await sql`drop function oidc_end_account_rows()`.execute(db);
  await sql`drop trigger sessions_revoke_oidc on sessions`.execute(db);
  await sql`drop function oidc_end_session_rows()`.execute(db);
  await db.schema.dropTable('oidc_payloads').execute();
  await db.schema.dropTable('oidc_clients').execute();
}
