import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// WebAuthn credentials (passkeys): several per person, deleted with the account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The credential id as the authenticator gave it, base64url; unique across every account.
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    // COSE public key: public, so stored in clear.
    .addColumn('public_key', 'bytea', (c) => c.notNull())
    // The user handle the credential was created with (random, never the user id or email).
    .addColumn('user_handle', 'text', (c) => c.notNull())
    .addColumn('sign_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('backup_eligible', 'boolean', (c) => c.notNull())
    .addColumn('backed_up', 'boolean', (c) => c.notNull())
    .addColumn('transports', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('passkeys_user_idx').on('passkeys').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('passkeys').execute();
}
