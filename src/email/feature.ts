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
import type { JobQueue } from '../jobs/queue.js';
import { mailLocale, type Locale } from '../i18n/locales.js';
import { countPendingMails } from './outbox-repository.js';
import { registerEmailRoutes } from './routes.js';
import { deriveMailKey } from './sealed.js';
import { enqueuePendingMails, MAIL_SEND_JOB, mailSendJob } from './send-job.js';
import { retireEmailTokens } from './token-repository.js';
import { createEmailService } from './service.js';
import type { EmitEvent } from '../webhooks/events.js';

/** Mail side effects other features trigger inside their own transactions. */
export interface EmailHooks {
  /**
   * Queue the verification mail for this user's current address, inside the caller's transaction;
   * the mail job's worker wakes once it committed. In the user's language, else the request's.
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
  /** The job queue the send jobs go through (defined here, before it starts). */
  jobs: JobQueue;
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

/**
 * Verification and password-reset mail: tokens, the mail outbox and its send job on the job
 * queue, and the routes.
 */
export function createEmailFeature(deps: EmailFeatureDeps): EmailFeature {
  const { db, config, logger, jobs } = deps;
  const key = deriveMailKey(Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'));
  const queue = createMailQueue({ appUrl: config.APP_URL, from: config.MAIL_FROM, key, jobs });
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: config.mailOutboxDir,
    logger,
    logLinks: config.NODE_ENV !== 'production',
  });
  jobs.define(
    mailSendJob({
      db,
      mailer,
      key,
      logger,
      metrics: deps.metrics,
      retry: {
        retryBaseMs: config.MAIL_RETRY_BASE_MS,
        retryMaxMs: config.MAIL_RETRY_MAX_MS,
        maxAttempts: config.MAIL_MAX_ATTEMPTS,
      },
    }),
  );
  // After commit: this instance sends at once instead of at its next poll.
  const wake = () => jobs.wake(MAIL_SEND_JOB);
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
      afterCommit(wake);
    },
    retirePasswordResets: (trx, userId) => retireEmailTokens(trx, userId, 'reset_password'),
    async queueInvitation(trx, afterCommit, input) {
      await queue.queueInvitation(trx, input);
      afterCommit(wake);
    },
    async queueEmailSignIn(trx, afterCommit, recipient, secrets, locale) {
      await queue.queueEmailSignIn(trx, recipient, secrets, locale);
      afterCommit(wake);
    },
  };

  const service = createEmailService({
    db,
    hasher: deps.hasher,
    sessions: deps.sessions,
    queue,
    invalidateUser: deps.invalidateUser,
    kick: wake,
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
    async start() {
      // Mail queued before the outbox moved onto the job queue (or whose job was lost) gets one.
      // Not fatal: the rows stay, and the next start (of any instance) looks again.
      try {
        const pending = await enqueuePendingMails(db, jobs);
        if (pending > 0) logger.info({ pending }, 'pending mail checked for send jobs');
      } catch (err) {
        logger.warn(
          { err: { message: (err as Error).message } },
          'could not check pending mail for send jobs',
        );
      }
    },
    async stop() {
      // Finish reset requests already answered; unsent mail stays queued with its job. The job
      // queue stops after this feature and waits for sends under way: the transport opens one
      // connection per mail (no pool), so closing it here cuts none of them.
      await Promise.allSettled([...inFlight]);
      mailer.close();
    },
  };
}
