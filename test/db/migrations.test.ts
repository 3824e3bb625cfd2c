import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStatus } from '../../src/db/migrator.js';
import { migrations } from '../../src/db/migrations/index.js';
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

  it('enforces case-insensitive email uniqueness in the database itself', async () => {
    await sql`insert into users (email, password_hash, name) values ('Case@Example.com', 'x', 'a')`.execute(
      db,
    );
    await expect(
      sql`insert into users (email, password_hash, name) values ('case@example.COM', 'x', 'b')`.execute(
        db,
      ),
    ).rejects.toMatchObject({
      code: '23505',
      constraint: 'users_email_lower_key',
    });
  });

  it('refuses a role outside user/admin', async () => {
    await expect(
      sql`insert into users (email, password_hash, name, role) values ('r@example.com', 'x', 'a', 'root')`.execute(
        db,
      ),
    ).rejects.toMatchObject({
      code: '23514',
    });
  });
});
