import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './types.js';

// int8 (bigserial ids, counts) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A statement whose text starts with `/* prepared:<name> *\/` runs as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every call (about a third of
 * the server time of the refresh rotation, measured). Only for static SQL with explicit columns:
 * a prepared `select *` would fail after a migration changes the table.
 */
const PREPARED = /^\/\* prepared:([a-z0-9_]+) \*\//;

/** The pool as Kysely sees it, with marked statements sent as prepared statements. */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient =>
    ({
      query(text: unknown, parameters?: ReadonlyArray<unknown>) {
        const name = typeof text === 'string' ? PREPARED.exec(text)?.[1] : undefined;
        if (name) return client.query({ name, text: text as string, values: [...parameters!] });
        return client.query(text as string, parameters as unknown[]);
      },
      release: (destroy?: boolean) => client.release(destroy),
    }) as unknown as PostgresPoolClient;
  return {
    async connect() {
      const client = await pool.connect();
      let adapter = wrapped.get(client);
      if (!adapter) wrapped.set(client, (adapter = wrap(client)));
      return adapter;
    },
    end: () => pool.end(),
  };
}

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  poolWaitMs: number;
  statementTimeoutMs: number;
  slowQueryMs: number;
  logger: Logger;
  onQuery?: (durationMs: number) => void;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Creates the pool and Kysely instance; every pool and client error is handled, never thrown. */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    // Covers both connecting and waiting for a free client: a full pool answers 503, not a hang.
    connectionTimeoutMillis: options.poolWaitMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    statement_timeout: options.statementTimeoutMs,
    // Client-side guard for a server that vanished without closing the socket.
    query_timeout: options.statementTimeoutMs + 1000,
    application_name: 'gatehouse',
  });
  // An idle client losing its server emits here; without a listener the process would crash.
  pool.on('error', (err) =>
    options.logger.warn({ err: { message: err.message } }, 'database connection lost'),
  );
  pool.on('connect', (client) => {
    client.on('error', (err) =>
      options.logger.warn({ err: { message: err.message } }, 'database client error'),
    );
  });

  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    log(event) {
      const ms = event.queryDurationMillis;
      options.onQuery?.(ms);
      if (event.level === 'query' && ms >= options.slowQueryMs) {
        options.logger.warn({ durationMs: Math.round(ms), sql: event.query.sql }, 'slow query');
      }
    },
  });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}
