import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { pino, type Logger } from 'pino';
import { AccessTokens } from './auth/access-tokens.js';
import { createAuthFeature } from './auth/feature.js';
import type { Config } from './config/index.js';
import { createAuthenticate, requireRole } from './http/authenticate.js';
import { handleFrameworkError, registerErrorHandler } from './http/error-handler.js';
import { registerLocalizedMessages } from './i18n/api-messages.js';
import { registerRequestLocale } from './i18n/request-locale.js';
import { buildValidator } from './http/validation.js';
import { createAccessLog, LazyRequestLogger, loggerOptions, requestIdFor } from './http/logging.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { corsOptions } from './http/origin.js';
import { parseJsonBody } from './http/json-body.js';
import type { App, Feature } from './http/types.js';
import { registerWebApp } from './http/web.js';
import { closeSilentConnections, serverTimeouts } from './http/slow-clients.js';
import { ensureAdmin } from './ops/bootstrap.js';
import { createOpsFeature } from './ops/feature.js';
import { createSessionsFeature } from './sessions/feature.js';
import { createUsersFeature } from './users/feature.js';
import { closeContext, createContext, type AppContext } from './app-context.js';
import { createEmailFeature } from './email/feature.js';
import { createLimits } from './state/limits.js';
import { createOidcFeature } from './oidc/feature.js';
import { createOrganizationsFeature } from './organizations/feature.js';
import { releaseOwnedOrganizations } from './organizations/ownership.js';
import { createJobsFeature } from './jobs/feature.js';
import { JobQueue } from './jobs/queue.js';
import { createWebhookFeature } from './webhooks/feature.js';
import { createPasskeysFeature } from './passkeys/feature.js';
import { createReauthentication } from './auth/reauth.js';
import { createEmailSignInFeature } from './email-sign-in/feature.js';
import { createMfaFeature } from './mfa/feature.js';
import { createSocialFeature } from './social/feature.js';

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

/** Every feature, each given only what it uses, in the order their routes register and start. */
function createFeatures(ctx: AppContext, isDraining: () => boolean): Feature[] {
  const { config, logger, metrics, hasher, cache } = ctx;
  const { db } = ctx.database;
  const accessTokens = new AccessTokens(ctx.keys, {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const authenticate = createAuthenticate({ accessTokens, cache });
  const requireAdmin = requireRole('admin');
  const invalidateUser = (userId: number) => cache.invalidateUser(userId);

  const limits = createLimits({ config, state: ctx.state, metrics, logger });
  // One durable job queue per instance; features define their jobs on it before it starts.
  const queue = new JobQueue({
    databaseUrl: config.DATABASE_URL!,
    logger,
    pollIntervalSeconds: config.JOBS_POLL_INTERVAL_MS / 1000,
    onFailure: (task) => metrics.jobFailures.inc({ task }),
  });
  metrics.sources.jobQueues = () => queue.gauges();
  const webhooks = createWebhookFeature({
    db,
    queue,
    logger,
    keyEncryptionKey: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'),
    allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
    timeoutSeconds: config.WEBHOOK_TIMEOUT_SECONDS,
    retryDelaySeconds: config.WEBHOOK_RETRY_DELAY_SECONDS,
    disableAfterHours: config.WEBHOOK_DISABLE_AFTER_HOURS,
    authenticate,
    requireAdmin,
    cache,
  });
  const { emitEvent } = webhooks;
  const reauth = createReauthentication({ db, hasher, limits, state: ctx.state });
  const sessions = createSessionsFeature({
    db,
    accessTokens,
    cache,
    authenticate,
    tokenSecret: config.TOKEN_SECRET,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    sessionMaxLifetimeDays: config.SESSION_MAX_LIFETIME_DAYS,
    refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    onRefreshOutcome: (outcome) => metrics.refreshes.inc({ outcome }),
    onSessionsRevoked: (count) => metrics.sessionsRevoked.inc(count),
    emitEvent,
  });
  const email = createEmailFeature({
    db,
    config,
    logger,
    metrics,
    jobs: queue,
    hasher,
    sessions: sessions.service,
    invalidateUser,
    authenticate,
    guards: limits.guards,
    emitEvent,
  });
  // Registered before the features whose routes its enrolment check (a preHandler hook) covers.
  const mfa = createMfaFeature({
    db,
    state: ctx.state,
    hasher,
    sessions: sessions.service,
    limits,
    reauth,
    authenticate,
    requireAdmin,
    emitEvent,
    invalidateUser,
    keyEncryptionKey: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'),
    tokenSecret: config.TOKEN_SECRET,
    appUrl: config.APP_URL,
    issuer: new URL(config.APP_URL).hostname,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    mfaTokenTtlSeconds: config.MFA_TOKEN_TTL_SECONDS,
    requiredForAdmins: config.MFA_REQUIRED_FOR_ADMINS,
  });
  return [
    // First: started before, and stopped after, every feature that enqueues jobs.
    createJobsFeature(queue),
    limits,
    mfa,
    sessions,
    email,
    createAuthFeature({
      db,
      hasher,
      sessions: sessions.service,
      limits,
      authenticate,
      requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      appUrl: config.APP_URL,
      allowedOrigins: [new URL(config.APP_URL).origin, ...config.corsOrigins],
      guards: limits.guards,
      onUserCreated: (trx, afterCommit, user) =>
        email.hooks.queueVerification(trx, afterCommit, user),
      invalidateUser,
      onLoginOutcome: (outcome) => metrics.logins.inc({ outcome }),
      emitEvent,
      secondStep: mfa.service.secondStep,
    }),
    createPasskeysFeature({
      db,
      state: ctx.state,
      sessions: sessions.service,
      limits,
      reauth,
      appUrl: config.APP_URL,
      requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
      invalidateUser,
      onLoginOutcome: (outcome) => metrics.logins.inc({ outcome }),
      authenticate,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      mfa: mfa.service,
    }),
    // After email: its in-flight requests finish (stop runs in reverse) before the mail transport closes.
    createEmailSignInFeature({
      db,
      logger,
      sessions: sessions.service,
      invalidateUser,
      tokenSecret: config.TOKEN_SECRET,
      signUp: config.EMAIL_SIGN_UP,
      queueMail: email.hooks.queueEmailSignIn,
      secondStep: mfa.service.secondStep,
      // Shares forgot-password's mail allowance: per client address and per recipient.
      guard: limits.guards.forgotPassword,
      appUrl: config.APP_URL,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    }),
    createSocialFeature({
      db,
      state: ctx.state,
      sessions: sessions.service,
      invalidateUser,
      keyEncryptionKey: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'),
      envProviders: config.socialProviders,
      allowHttp: config.SOCIAL_ALLOW_HTTP,
      appUrl: config.APP_URL,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      authenticate,
      requireAdmin,
      // A start can create an account: limited per client address like registration.
      guard: limits.guards.register,
      secondStep: mfa.service.secondStep,
    }),
    createUsersFeature({
      db,
      hasher,
      sessions: sessions.service,
      // No organization is left without an owner (docs/organizations.md).
      beforeDelete: (trx, userId) => releaseOwnedOrganizations(trx, userId, emitEvent),
      email: email.hooks,
      limits,
      reauth,
      invalidateUser,
      authenticate,
      requireAdmin,
      emitEvent,
    }),
    createOrganizationsFeature({
      db,
      email: email.hooks,
      sessions: sessions.service,
      invalidateUser,
      invalidateSession: (sessionId) => cache.invalidateSession(sessionId),
      emitEvent,
      limits,
      creation: config.ORG_CREATION,
      authenticate,
      requireAdmin,
    }),
    createOidcFeature({
      db,
      keys: ctx.keys,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      cache,
      authenticate,
      requireAdmin,
    }),
    webhooks,
    createOpsFeature({
      db,
      config,
      logger,
      state: ctx.state,
      keys: ctx.keys,
      metrics,
      metricsToken: config.METRICS_TOKEN,
      isDraining,
      queue,
    }),
  ];
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
  registerRequestLocale(app);
  registerLocalizedMessages(app);
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

  const features = createFeatures(ctx, () => app.draining);
  for (const feature of features) await feature.routes(app);
  await registerWebApp(app);
  for (const feature of features) await feature.start?.();
  app.addHook('onClose', async () => {
    for (const feature of [...features].reverse()) await feature.stop?.();
    await closeContext(ctx);
  });
  return app;
}
