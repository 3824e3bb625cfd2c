import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, and never edit after release.
// Two-step verification: one TOTP secret per user (sealed under KEY_ENCRYPTION_KEY), and the
// user's recovery codes (hashed, single use).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    // AES-256-GCM under a key derived from KEY_ENCRYPTION_KEY (never the secret in clear).
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    // Null while set up but not yet confirmed with a code: then it does not protect sign-in.
    .addColumn('confirmed_at', 'timestamptz')
    // The last 30-second step whose code was accepted: a code is accepted once (compare-and-set).
    .addColumn('last_used_step', 'bigint')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // HMAC (TOKEN_SECRET) of the user id and the code; the code itself is shown once and never stored.
    .addColumn('code_hash', 'bytea', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('recovery_codes_user_hash_idx')
    .on('recovery_codes')
    .columns(['user_id', 'code_hash'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.dropTable('user_totp').execute();
}
