import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/transaction.js';
import type { Database } from '../../src/db/types.js';
import { createTestDatabase } from '../helpers/database.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;
/** A second connection: what other instances see while the transaction is open. */
let observer: pg.Client;

const countAudit = async (type: string) => {
  const { rows } = await observer.query<{ n: number }>(
    'select count(*)::int as n from audit_events where type = $1',
    [type],
  );
  return rows[0]!.n;
};

const insertAudit = (trx: Kysely<Database>, type: string) =>
  sql`insert into audit_events (type, details) values (${type}, '{}'::jsonb)`.execute(trx);

beforeAll(async () => {
  database = await createTestDatabase();
  db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }),
  });
  observer = new pg.Client({ connectionString: database.url });
  await observer.connect();
});
afterAll(async () => {
  await observer.end();
  await db.destroy();
  await database.drop();
});

describe('inTransaction', () => {
  it('runs after-commit work once the commit returned, in the order queued', async () => {
    const seen: Array<{ step: string; committedRows: number }> = [];
    const result = await inTransaction(db, async (trx, afterCommit) => {
      await insertAudit(trx, 'tx_commit');
      afterCommit(async () => {
        seen.push({ step: 'first', committedRows: await countAudit('tx_commit') });
      });
      await insertAudit(trx, 'tx_commit');
      afterCommit(() => {
        seen.push({ step: 'second', committedRows: -1 });
      });
      // Queued, not run: another connection does not see the rows yet, and nothing ran.
      expect(await countAudit('tx_commit')).toBe(0);
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([
      { step: 'first', committedRows: 2 },
      { step: 'second', committedRows: -1 },
    ]);
  });

  it('drops after-commit work when the transaction rolls back', async () => {
    let ran = false;
    await expect(
      inTransaction(db, async (trx, afterCommit) => {
        await insertAudit(trx, 'tx_rollback');
        afterCommit(() => {
          ran = true;
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(ran).toBe(false);
    expect(await countAudit('tx_rollback')).toBe(0);
  });

  it('drops after-commit work when the commit itself fails', async () => {
    let ran = false;
    await expect(
      inTransaction(db, async (trx, afterCommit) => {
        // A deferred constraint is checked at COMMIT: the work succeeds, the commit does not.
        await sql`create temporary table tx_deferred (id int unique deferrable initially deferred)`.execute(
          trx,
        );
        await sql`insert into tx_deferred values (1), (1)`.execute(trx);
        afterCommit(() => {
          ran = true;
        });
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(ran).toBe(false);
  });
});
