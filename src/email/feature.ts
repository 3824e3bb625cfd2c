import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PasswordHasher } from '../auth/passwords.js';
import type { Config } from '../config/index.js';
import type { AfterCommit } from '../db/transaction.js';
import type { Database, UserRow } from '../db/types.js';
import type { Feature } from '../http/types.js';
import type { Metrics } from '../ops/metrics.js';
import type { SessionService } from '../sessions/service.js';
import { createMailer } from './mailer.js';
import { createMailQueue, type InvitationInput } from './mail-queue.js';
import { mailLocale, type Locale } from '../i18n/locales.js';
import { OutboxWorker } from './outbox-worker.js';
import { countPendingMails } from './outbox-repository.js';
import { registerEmailRoutes } from './routes.js';
import { deriveMailKey } from './sealed.js';
import { retireEmailTokens } from './token-repository.js';
import { createEmailService } from './service.js';
import type { EmitEvent } from '../webhooks/events.js';

/** Mail side effects other features trigger inside their own transactions. */
export interface EmailHooks {
  /**
   * Queue the verification mail for this user's current address, inside the caller's transaction;
   * the mail worker wakes once it committed. In the user's language, else the request's.
   */
  queueVerification(
    trx: Kysely<Database>,
    afterCommit: AfterCommit,
    user: UserRow,
    requestLocale?: Locale,
  ): Promise<void>;
  /** Spends the user's outstanding reset links (the password changed), inside the caller's transaction. */
  retirePasswordResets(trx: Kysely<Database>, userId: number): Promise<void>;
  /** Queues an organization invitation mail inside the caller's transaction; wakes the worker after. */
  queueInvitation(
    trx: Kysely<Database>,
    afterCommit: AfterCommit,
    input: InvitationInput,
  ): Promise<void>;
  /** Queue an email sign-in mail (link and code, in `locale`) inside the caller's transaction. */
  queueEmailSignIn(
    trx: Kysely<Database>,
    afterCommit: AfterCommit,
    recipient: { id: number | null; email: string; name: string },
    secrets: { token: string; code: string },
    locale: Locale,
  ): Promise<void>;
}

export interface EmailFeatureDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  hasher: PasswordHasher;
  sessions: SessionService;
  /** Drops cached copies of the user on every instance. */
  invalidateUser: (userId: number) => Promise<void>;
  authenticate: preHandlerAsyncHookHandler;
  guards: Partial<Record<'forgotPassword' | 'resendVerification', preHandlerAsyncHookHandler>>;
  /** Webhook events of the email flows, in their transactions. */
  emitEvent?: EmitEvent;
}

export interface EmailFeature extends Feature {
  hooks: EmailHooks;
}

/** Verification and password-reset mail: tokens, the mail outbox and its worker, and the routes. */
export function createEmailFeature(deps: EmailFeatureDeps): EmailFeature {
  const { db, config, logger } = deps;
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
    metrics: deps.metrics,
    pollIntervalMs: config.MAIL_POLL_INTERVAL_MS,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
  });
  deps.metrics.sources.mailPending = () => countPendingMails(db);

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
    async queueVerification(trx, afterCommit, user, requestLocale) {
      if (user.email_verified) return;
      await queue.queueVerification(trx, user, mailLocale(user.locale, requestLocale));
      afterCommit(() => worker.kick());
    },
    retirePasswordResets: (trx, userId) => retireEmailTokens(trx, userId, 'reset_password'),
    async queueInvitation(trx, afterCommit, input) {
      await queue.queueInvitation(trx, input);
      afterCommit(() => worker.kick());
    },
    async queueEmailSignIn(trx, afterCommit, recipient, secrets, locale) {
      await queue.queueEmailSignIn(trx, recipient, secrets, locale);
      afterCommit(() => worker.kick());
    },
  };

  const service = createEmailService({
    db,
    hasher: deps.hasher,
    sessions: deps.sessions,
    queue,
    invalidateUser: deps.invalidateUser,
    kick: () => worker.kick(),
    emitEvent: deps.emitEvent,
  });

  return {
    hooks,
    routes(app) {
      registerEmailRoutes(app, {
        service,
        authenticate: deps.authenticate,
        guards: deps.guards,
        background,
      });
    },
    start() {
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
