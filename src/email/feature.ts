import type { AppContext } from '../app-context.js';
import type { App } from '../http/types.js';
import type { EmailHooks, Services } from '../services.js';
import { createMailer } from './mailer.js';
import { createMailQueue } from './mail-queue.js';
import { OutboxWorker } from './outbox-worker.js';
import { countPendingMails } from './outbox-repository.js';
import { registerEmailRoutes } from './routes.js';
import { deriveMailKey } from './sealed.js';
import { retireEmailTokens } from './token-repository.js';
import { createEmailService } from './service.js';

export interface EmailFeature {
  hooks: EmailHooks;
  register(app: App, services: Services): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Verification and password-reset mail: tokens, the mail outbox and its worker, and the routes. */
export function createEmailFeature(ctx: AppContext): EmailFeature {
  const { config, logger } = ctx;
  const { db } = ctx.database;
  const key = deriveMailKey(Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'));
  const queue = createMailQueue({ appUrl: config.APP_URL, from: config.MAIL_FROM, key });
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: config.mailOutboxDir,
    logger,
    logLinks: config.NODE_ENV !== 'production',
  });
  const worker = new OutboxWorker({
    db,
    mailer,
    key,
    logger,
    metrics: ctx.metrics,
    pollIntervalMs: config.MAIL_POLL_INTERVAL_MS,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
  });
  ctx.metrics.sources.mailPending = () => countPendingMails(db);

  const inFlight = new Set<Promise<void>>();
  const background = (work: () => Promise<void>) => {
    const task = work()
      .catch((err: Error) =>
        logger.error({ err: { message: err.message } }, 'queued mail request failed'),
      )
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  const hooks: EmailHooks = {
    async queueVerification(trx, afterCommit, user) {
      if (user.email_verified) return;
      await queue.queueVerification(trx, user);
      afterCommit(() => worker.kick());
    },
    retirePasswordResets: (trx, userId) => retireEmailTokens(trx, userId, 'reset_password'),
  };

  return {
    hooks,
    register(app, services) {
      const service = createEmailService({
        db,
        hasher: ctx.hasher,
        sessions: services.sessions,
        queue,
        invalidateUser: (userId) => ctx.cache.invalidateUser(userId),
        kick: () => worker.kick(),
      });
      registerEmailRoutes(app, {
        service,
        authenticate: services.authenticate,
        guards: {
          forgotPassword: services.limits.guards.forgotPassword,
          resendVerification: services.limits.guards.resendVerification,
        },
        background,
      });
    },
    async start() {
      worker.start();
    },
    async stop() {
      // Finish reset requests already answered, then the pass under way; unsent mail stays queued.
      await Promise.allSettled([...inFlight]);
      await worker.stop();
      mailer.close();
    },
  };
}
