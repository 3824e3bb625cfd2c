import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { pino, type Logger } from 'pino';
import { AccessTokens } from './auth/access-tokens.js';
import {
  KEY_RELOAD_INTERVAL_SECONDS,
  KeyStore,
  ensureSigningKey,
  keyVerifyWindowSeconds,
} from './auth/key-store.js';
import { PasswordHasher } from './auth/passwords.js';
import { registerAuthRoutes } from './auth/routes.js';
import { createAuthService } from './auth/service.js';
import type { Config } from './config/index.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { createAuthenticate } from './http/authenticate.js';
import { handleFrameworkError, registerErrorHandler } from './http/error-handler.js';
import { buildValidator } from './http/validation.js';
import { createAccessLog, LazyRequestLogger, loggerOptions, requestIdFor } from './http/logging.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { corsOptions } from './http/origin.js';
import { parseJsonBody } from './http/json-body.js';
import type { App } from './http/types.js';
import { registerWebApp } from './http/web.js';
import { closeSilentConnections, serverTimeouts } from './http/slow-clients.js';
import { ensureAdmin } from './ops/bootstrap.js';
import { createMetrics } from './ops/metrics.js';
import { registerOpsRoutes } from './ops/routes.js';
import { LiveSessionCache } from './sessions/live-session-cache.js';
import { registerSessionRoutes } from './sessions/routes.js';
import { createSessionService } from './sessions/service.js';
import { createMemoryState } from './state/memory.js';
import { createRedisState } from './state/redis.js';
import { registerUserRoutes } from './users/routes.js';
import type { AppContext } from './app-context.js';
import { createEmailFeature } from './email/feature.js';
import { startCleanupScheduler } from './ops/cleanup.js';
import type { Services } from './services.js';
import { createLimits } from './state/limits.js';
import { requireRole } from './http/authenticate.js';
import { createOidcFeature } from './oidc/feature.js';

export interface BuildOptions {
  /** Replaces the pino logger (tests capture log output). */
  logger?: Logger;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Readiness fails from the moment shutdown begins. */
    draining: boolean;
  }
}

async function createContext(config: Config, logger: Logger): Promise<AppContext> {
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

async function closeContext(ctx: AppContext): Promise<void> {
  ctx.cache.close();
  await ctx.state.close();
  await ctx.hasher.close();
  await ctx.database.close();
}

/** Builds the whole service from its config: the one place things are wired together. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger ?? pino(loggerOptions(config.LOG_LEVEL));
  const ctx = await createContext(config, logger);
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    try {
      await ensureAdmin(
        { db: ctx.database.db, hasher: ctx.hasher, cache: ctx.cache },
        config.ADMIN_EMAIL,
        config.ADMIN_PASSWORD,
        logger,
        { promoteExisting: false },
      );
    } catch (err) {
      await closeContext(ctx);
      throw err;
    }
  }

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.BODY_LIMIT_BYTES,
    ...serverTimeouts(config),
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    genReqId: (req) => requestIdFor(req),
    // One access-log line per request instead, from onResponse below.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (parent, bindings, childOptions) =>
      new LazyRequestLogger(
        parent as Logger,
        bindings,
        childOptions,
      ) as unknown as FastifyBaseLogger,
    routerOptions: { maxParamLength: 200 },
    // Router-level rejections (bad URL encoding, over-long params) answer in the envelope too.
    frameworkErrors: handleFrameworkError,
    // Request bodies are validated without type coercion; query strings and params coerce.
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  closeSilentConnections(app.server, config);
  app.decorate('ctx', ctx);
  app.decorate('draining', false);
  app.decorateRequest('auth', null);
  // A POST without a body but with a JSON content type is common from browsers: treat it as no body.
  // JSON only: any other body type answers 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // No body at all validates as JSON null, so optional bodies are declared `Union([Object, Null])`.
  // Per-request hooks on the hot path take callbacks, not async functions (no promise per hook).
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined) request.body = null;
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // While draining, tell keep-alive clients to reconnect (to another instance).
    if (app.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  const logRequest = createAccessLog(logger);
  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    ctx.metrics.httpRequests.inc(labels);
    ctx.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    logRequest(request, reply);
    done();
  });

  await app.register(fastifyCookie);
  if (config.corsOrigins.length > 0) {
    await app.register(fastifyCors, corsOptions(config.corsOrigins));
  }
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  await registerOpenApi(app, config);

  const { db } = ctx.database;
  const accessTokens = new AccessTokens(ctx.keys, {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const authenticate = createAuthenticate({ accessTokens, cache: ctx.cache });
  const limits = createLimits(ctx);
  const email = createEmailFeature(ctx);
  const sessions = createSessionService({
    db,
    accessTokens,
    cache: ctx.cache,
    tokenSecret: config.TOKEN_SECRET,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    sessionMaxLifetimeDays: config.SESSION_MAX_LIFETIME_DAYS,
    refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    onRefreshOutcome: (outcome) => ctx.metrics.refreshes.inc({ outcome }),
    onSessionsRevoked: (count) => ctx.metrics.sessionsRevoked.inc(count),
  });
  const auth = createAuthService({
    db,
    hasher: ctx.hasher,
    sessions,
    requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
    limits,
    onUserCreated: (trx, user) => email.hooks.queueVerification(trx, user),
    invalidateUser: (userId) => ctx.cache.invalidateUser(userId),
    onLoginOutcome: (outcome) => ctx.metrics.logins.inc({ outcome }),
  });

  const services: Services = {
    ctx,
    db,
    accessTokens,
    sessions,
    auth,
    limits,
    email: email.hooks,
    authenticate,
    requireAdmin: requireRole('admin'),
  };

  // Feature modules: each registers its own routes and hooks from the shared services.
  limits.register(app);
  registerAuthRoutes(app, {
    auth,
    sessions,
    authenticate,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    appUrl: config.APP_URL,
    allowedOrigins: [new URL(config.APP_URL).origin, ...config.corsOrigins],
    guards: limits.guards,
  });
  registerSessionRoutes(app, { sessions, authenticate });
  registerUserRoutes(app, services);
  email.register(app, services);
  createOidcFeature({
    db,
    keys: ctx.keys,
    logger,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    authenticate,
    requireAdmin: services.requireAdmin,
  }).routes(app);
  registerOpsRoutes(app, {
    db,
    state: ctx.state,
    keys: ctx.keys,
    metrics: ctx.metrics,
    metricsToken: config.METRICS_TOKEN,
    isDraining: () => app.draining,
  });
  await registerWebApp(app);

  const stopCleanup = startCleanupScheduler(ctx);
  await email.start();

  // Another instance or the CLI may rotate the signing key: publish it within a minute (it signs
  // only KEY_ANNOUNCE_SECONDS after the rotation).
  const keyReload = setInterval(
    () =>
      ctx.keys
        .reload()
        .catch((err) => logger.warn({ err: { message: err.message } }, 'key reload failed')),
    KEY_RELOAD_INTERVAL_SECONDS * 1000,
  );
  keyReload.unref();

  app.addHook('onClose', async () => {
    clearInterval(keyReload);
    await stopCleanup(); // waits for a run in progress before the pool closes
    await email.stop();
    await closeContext(ctx);
  });
  return app;
}
