import type { Logger } from 'pino';
import { KeyStore, ensureSigningKey, keyVerifyWindowSeconds } from './auth/key-store.js';
import { PasswordHasher } from './auth/passwords.js';
import type { Config } from './config/index.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { LiveSessionCache } from './sessions/live-session-cache.js';
import { createMemoryState } from './state/memory.js';
import type { SharedState } from './state/port.js';
import { createRedisState } from './state/redis.js';

/** The shared resources of one app, built once; buildApp hands each feature the parts it uses. */
export interface AppContext {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  state: SharedState;
  metrics: Metrics;
  keys: KeyStore;
  hasher: PasswordHasher;
  cache: LiveSessionCache;
}

/** Opens the database, shared state, signing keys, hasher and live-session cache. */
export async function createContext(config: Config, logger: Logger): Promise<AppContext> {
  if (!config.DATABASE_URL)
    throw new Error(
      'DATABASE_URL must be resolved before buildApp (main.ts starts the embedded database)',
    );
  const metrics = createMetrics({ redis: Boolean(config.REDIS_URL) });
  const database = createDatabase({
    url: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    poolWaitMs: config.DATABASE_POOL_WAIT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    slowQueryMs: config.SLOW_QUERY_MS,
    logger,
    onQuery: (ms) => metrics.dbQueryDuration.observe(ms / 1000),
  });
  metrics.sources.pool = () => ({
    total: database.pool.totalCount,
    idle: database.pool.idleCount,
    waiting: database.pool.waitingCount,
  });
  try {
    if (config.MIGRATE_ON_START) await migrateToLatest(database.db);
    const kek = Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64');
    await ensureSigningKey(database.db, kek);
    // Tokens signed with a retired key verify for one access-token lifetime (plus clock skew).
    const keys = new KeyStore(
      database.db,
      kek,
      keyVerifyWindowSeconds(config.ACCESS_TOKEN_TTL_SECONDS),
    );
    await keys.reload();
    const state = config.REDIS_URL
      ? createRedisState(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger)
      : createMemoryState();
    metrics.sources.redisUp = () => (config.REDIS_URL ? state.isHealthy() : null);
    const hasher = new PasswordHasher({
      cost: config.BCRYPT_COST,
      concurrency: config.hashConcurrency,
      maxWaitMs: config.PASSWORD_HASH_MAX_WAIT_MS,
      nice: config.PASSWORD_HASH_NICE,
      onQueueChange: (queued, running) => {
        metrics.hashQueue.set(queued);
        metrics.hashRunning.set(running);
      },
      onWait: (ms) => metrics.hashWait.observe(ms / 1000),
    });
    const cache = new LiveSessionCache(database.db, state);
    await cache.start();
    return { config, logger, database, state, metrics, keys, hasher, cache };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

/** Closes what createContext opened. */
export async function closeContext(ctx: AppContext): Promise<void> {
  ctx.cache.close();
  await ctx.state.close();
  await ctx.hasher.close();
  await ctx.database.close();
}
