import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './types.js';

// int8 (bigserial ids, counts) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

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
    dialect: new PostgresDialect({ pool }),
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
