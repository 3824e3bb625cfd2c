import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/types.js';
import { deriveSealingKey } from '../email/sealed.js';
import type { Feature } from '../http/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { LiveSessionCache } from '../sessions/live-session-cache.js';
import type { Resolve } from './address-guard.js';
import type { EmitEvent } from './events.js';
import { registerWebhookRoutes } from './routes.js';
import {
  createWebhookService,
  DELIVER_JOB,
  defaultRetryPolicy,
  type DeliverJobData,
  type WebhookService,
} from './service.js';

export interface WebhookFeatureDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  logger: Logger;
  keyEncryptionKey: Buffer;
  allowPrivate: boolean;
  timeoutSeconds: number;
  retryDelaySeconds: number;
  disableAfterHours: number;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
  /** Keeps the subscribed event types per instance, invalidated on every instance. */
  cache?: Pick<LiveSessionCache, 'record' | 'invalidateRecord'>;
  /** Tests replace the clock and DNS. */
  now?: () => Date;
  resolve?: Resolve;
}

export interface WebhookFeature extends Feature {
  /** What other features call inside their transactions. */
  emitEvent: EmitEvent;
  service: WebhookService;
}

/** The key endpoint secrets are sealed with (also used by the CLI). */
export function webhookSealKey(keyEncryptionKey: Buffer): Buffer {
  return deriveSealingKey(keyEncryptionKey, 'gatehouse webhook secrets v1');
}

/** Webhook endpoints (admin API), the event emitter and the delivery job on the job queue. */
export function createWebhookFeature(deps: WebhookFeatureDeps): WebhookFeature {
  const retry = defaultRetryPolicy(deps.retryDelaySeconds);
  const service = createWebhookService({
    db: deps.db,
    queue: deps.queue,
    logger: deps.logger,
    sealKey: webhookSealKey(deps.keyEncryptionKey),
    allowPrivate: deps.allowPrivate,
    timeoutMs: deps.timeoutSeconds * 1000,
    retry,
    disableAfterMs: deps.disableAfterHours * 3600 * 1000,
    cache: deps.cache,
    now: deps.now,
    resolve: deps.resolve,
  });
  deps.queue.define<DeliverJobData>({
    name: DELIVER_JOB,
    queue: {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: true,
      retryDelayMax: retry.maxDelaySeconds,
      // An attempt takes at most the timeout; a worker that died mid-attempt frees the job after this.
      expireInSeconds: deps.timeoutSeconds + 50,
      // Retries span about a day: keep waiting jobs two days, finished ones a week.
      retentionSeconds: 2 * 86400,
      deleteAfterSeconds: 7 * 86400,
    },
    concurrency: 4,
    handler: (job) => service.deliver(job.data.delivery_id, job.retryCount, job.retryLimit),
  });
  return {
    emitEvent: service.emit,
    service,
    routes: (app) =>
      registerWebhookRoutes(app, {
        service,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
      }),
  };
}
