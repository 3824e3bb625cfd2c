import { AppError } from '../errors/app-error.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { JWKS_MAX_AGE_SECONDS, type KeyStore } from '../auth/key-store.js';
import type { Database } from '../db/types.js';
import type { App } from '../http/types.js';
import type { SharedState } from '../state/port.js';
import type { Metrics } from './metrics.js';
import { timingSafeEqual } from 'node:crypto';

export interface OpsDeps {
  db: Kysely<Database>;
  state: SharedState;
  keys: KeyStore;
  metrics: Metrics;
  metricsToken?: string;
  isDraining: () => boolean;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function tokenMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerOpsRoutes(app: App, deps: OpsDeps): void {
  app.get(
    '/health/live',
    { schema: { tags: ['operations'], summary: '200 while the process runs' } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['operations'],
        summary: '200 when the database (and Redis) answer; 503 otherwise',
      },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        withTimeout(sql`select 1`.execute(deps.db), 1500).then(
          () => true,
          () => false,
        ),
        deps.state.kind === 'redis'
          ? withTimeout(deps.state.ping(), 1500).catch(() => false)
          : Promise.resolve(true),
      ]);
      const checks = {
        database: database ? 'up' : 'down',
        ...(deps.state.kind === 'redis' ? { redis: redis ? 'up' : 'down' } : {}),
      };
      const ready = database && redis && !deps.isDraining();
      if (!ready) reply.header('retry-after', '5');
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : deps.isDraining() ? 'draining' : 'unavailable', checks });
    },
  );

  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: ['operations'], summary: 'Public keys that verify access tokens' } },
    async (_request, reply) => {
      // Rotated keys are published KEY_ANNOUNCE_SECONDS (more than this) before they sign.
      reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      return deps.keys.jwks();
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } },
    async (request, reply) => {
      if (deps.metricsToken && !tokenMatches(request.headers.authorization, deps.metricsToken)) {
        reply.header('www-authenticate', 'Bearer');
        throw new AppError('UNAUTHENTICATED');
      }
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
