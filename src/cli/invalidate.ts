import { LiveSessionCache, type RecordKind } from '../sessions/live-session-cache.js';
import { createRedisState } from '../state/redis.js';
import type { CliContext } from './context.js';

/**
 * Tells running instances (through Redis) that a cached record changed, so none keeps its copy.
 * Without Redis instances keep no copy of such records, and there is nothing to tell.
 */
export async function broadcastInvalidation(
  ctx: CliContext,
  kind: RecordKind,
  key: string,
): Promise<void> {
  const { config, db, logger } = ctx;
  if (!config.REDIS_URL) return;
  const state = createRedisState(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
  const cache = new LiveSessionCache(db, state);
  try {
    await cache.invalidateRecord(kind, key);
  } finally {
    cache.close();
    await state.close();
  }
}
