import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (any database) of the PostgreSQL the tests use. */
    testServerUrl: string;
    /** A migrated database that each test file clones (CREATE DATABASE … TEMPLATE). */
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the run's PostgreSQL; drop() removes it. */
export async function createTestDatabase(): Promise<TestDatabase & { name: string }> {
  const serverUrl = inject('testServerUrl');
  const name = `gh_t_${process.ppid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Polls until `count` other connections of the holder's database wait for a lock, so a race test
 * knows its requests really queue in PostgreSQL before it lets go.
 */
export async function waitForLockWaiters(holder: pg.Client, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    // Inside a transaction PostgreSQL keeps serving the first snapshot of pg_stat_activity:
    // without clearing it, a first look taken before the requests arrived would never change.
    await holder.query('select pg_stat_clear_snapshot()');
    const { rows } = await holder.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (Number(rows[0]!.n) >= count) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${count} connections wait for a lock`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
