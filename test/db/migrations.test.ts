import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStatus } from '../../src/db/migrator.js';
import { migrations } from '../../src/db/migrations/index.js';
import { emailKey } from '../../src/users/email.js';
import { createTestDatabase } from '../helpers/database.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<unknown>;

/** Columns, indexes and constraints of the public schema, as comparable text. */
async function describeSchema(): Promise<string[]> {
  const columns = await sql<{ d: string }>`
    select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') as d
    from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
    db,
  );
  const indexes = await sql<{ d: string }>`
    select indexdef as d from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
    db,
  );
  const constraints = await sql<{ d: string }>`
    select conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid) as d
    from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'kysely_%'`.execute(
    db,
  );
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.d).sort();
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }),
  });
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

describe('migrations', () => {
  it('are listed in the order the migrator runs them (by name)', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
  });

  it('runs up → down (all) → up and ends with the same schema', async () => {
    const total = Object.keys(migrations).length;
    const before = await describeSchema();
    expect(before.length).toBeGreaterThan(20);
    for (let i = 0; i < total; i++) await migrateDown(db);
    const empty = await describeSchema();
    expect(empty).toEqual([]);
    const status = await migrationStatus(db);
    expect(status.every((m) => m.executedAt === undefined)).toBe(true);
    await migrateToLatest(db);
    expect(await describeSchema()).toEqual(before);
  });

  it('enforces email uniqueness in the database itself, on the key, byte for byte', async () => {
    await sql`insert into users (email, email_normalized, password_hash, name)
              values ('Case@Example.com', 'case@example.com', 'x', 'a')`.execute(db);
    await expect(
      sql`insert into users (email, email_normalized, password_hash, name)
          values ('CASE@example.com', 'case@example.com', 'x', 'b')`.execute(db),
    ).rejects.toMatchObject({ code: '23505', constraint: 'users_email_normalized_key' });
    // No locale folds anything: keys that differ in one byte are two addresses.
    await sql`insert into users (email, email_normalized, password_hash, name)
              values ('CASE@example.com', 'Case@example.com', 'x', 'c')`.execute(db);
    await sql`delete from users`.execute(db);
  });

  it('refuses a role outside user/admin', async () => {
    await expect(
      sql`insert into users (email, email_normalized, password_hash, name, role)
          values ('r@example.com', 'r@example.com', 'x', 'a', 'root')`.execute(db),
    ).rejects.toMatchObject({
      code: '23514',
    });
  });

  describe('email_normalized backfill', () => {
    /** Undoes the email_normalized migration and every later one. */
    const migrateDownPastKeys = async () => {
      const names = Object.keys(migrations);
      const later = names.length - names.indexOf('2026-12-03T1700_email_normalized');
      for (let i = 0; i < later; i++) await migrateDown(db);
    };
    const insertLegacy = (email: string) =>
      sql<{ id: number }>`insert into users (email, password_hash, name)
                          values (${email}, 'x', 'legacy') returning id`.execute(db);
    const keys = async () =>
      (
        await sql<{ email: string; email_normalized: string }>`
        select email, email_normalized from users order by id`.execute(db)
      ).rows;

    it('computes the key of every existing account, as the application does', async () => {
      await migrateDownPastKeys();
      const emails = ['Élodie@example.com', 'ΟΔΟΣ@example.com', 'İLKER@example.com', 'Straße@x.de'];
      for (const email of emails) await insertLegacy(email);
      await migrateToLatest(db);
      expect(await keys()).toEqual(
        emails.map((email) => ({ email, email_normalized: emailKey(email) })),
      );
      await sql`delete from users`.execute(db);
    });

    it('refuses to migrate accounts that are one address spelled differently, naming them', async () => {
      await migrateDownPastKeys();
      // lower() kept these apart (ς and σ); the key makes them one address.
      const first = (await insertLegacy('οδος@example.com')).rows[0]!.id;
      const second = (await insertLegacy('ΟΔΟΣ@example.com')).rows[0]!.id;
      await expect(migrateToLatest(db)).rejects.toThrow(`${first} and ${second}`);
      await sql`update users set email = 'someone.else@example.com' where id = ${second}`.execute(
        db,
      );
      await migrateToLatest(db);
      expect((await keys()).map((r) => r.email_normalized)).toEqual([
        'οδοσ@example.com',
        'someone.else@example.com',
      ]);
    });
  });
});
