import { formatMessage } from '../i18n/catalog.js';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { inTransaction } from '../db/transaction.js';
import type { Database, WebhookDeliveryRow, WebhookEndpointRow } from '../db/types.js';
import { seal, unseal } from '../email/sealed.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/queue.js';
import { checkTarget, ForbiddenTargetError, type Resolve } from './address-guard.js';
import type { EmitEvent, WebhookEventType } from './events.js';
import { postJson } from './post.js';
import * as repo from './repository.js';

/** The job that makes one delivery attempt. */
export const DELIVER_JOB = 'webhook-deliver';

export interface DeliverJobData {
  delivery_id: number;
}

export interface RetryPolicy {
  /** First retry delay in seconds; doubles per retry, with jitter, up to `maxDelaySeconds`. */
  delaySeconds: number;
  maxDelaySeconds: number;
  /** Retries after the first attempt. */
  limit: number;
}

/** About a day: 1, 2, 4 ... min, then 4 h apart (pg-boss adds jitter: each delay is 50-100 % of that). */
export function defaultRetryPolicy(delaySeconds: number): RetryPolicy {
  return { delaySeconds, maxDelaySeconds: 4 * 3600, limit: 14 };
}

export interface WebhookServiceDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  logger: Logger;
  /** Seals endpoint secrets at rest (derived from KEY_ENCRYPTION_KEY). */
  sealKey: Buffer;
  allowPrivate: boolean;
  timeoutMs: number;
  retry: RetryPolicy;
  /** An endpoint whose deliveries fail without a success for this long is disabled. */
  disableAfterMs: number;
  now?: () => Date;
  resolve?: Resolve;
}

export interface EndpointInput {
  url: string;
  event_types: WebhookEventType[];
  description?: string;
  enabled?: boolean;
}

/** `whsec_` and 32 random bytes in base64: the secret format standardwebhooks verifiers take. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The Standard Webhooks message id: unique per event, the same on every attempt. */
function newEventId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

export type WebhookService = ReturnType<typeof createWebhookService>;

/** Endpoints, the emitter features call in their transactions, and the delivery job. */
export function createWebhookService(deps: WebhookServiceDeps) {
  const { db, queue, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function assertAllowedUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, { allowPrivate: deps.allowPrivate, resolve: deps.resolve });
    } catch (err) {
      if (err instanceof ForbiddenTargetError)
        throw new AppError('WEBHOOK_URL_REFUSED', {
          message: formatMessage('en', 'error.webhookUrlRefusedBecause', { reason: err.message }),
          errors: { url: err.message },
        });
      throw err;
    }
  }

  async function existing(id: number): Promise<WebhookEndpointRow> {
    const endpoint = await repo.findEndpoint(db, id);
    if (!endpoint) throw new AppError('WEBHOOK_NOT_FOUND');
    return endpoint;
  }

  const emit: EmitEvent = async (trx, type, data) => {
    const endpoints = await repo.subscribedEndpoints(trx, type);
    if (endpoints.length === 0) return;
    const eventId = newEventId();
    const payload = JSON.stringify({ type, timestamp: now().toISOString(), data });
    const rows = await repo.insertDeliveries(
      trx,
      endpoints.map((endpoint) => ({
        endpoint_id: endpoint.id,
        event_id: eventId,
        event_type: type,
        payload,
      })),
    );
    for (const row of rows) await enqueue(trx, row.id);
  };

  async function enqueue(trx: Parameters<EmitEvent>[0], deliveryId: number): Promise<void> {
    await queue.send(trx, DELIVER_JOB, { delivery_id: deliveryId } satisfies DeliverJobData);
  }

  /** One attempt; throws (so the queue retries later) when it failed and may be retried. */
  async function deliver(deliveryId: number, retryCount: number, retryLimit: number) {
    const delivery = await repo.findDelivery(db, deliveryId);
    if (!delivery || delivery.status !== 'pending') return; // deleted, or done by a redelivery
    const endpoint = await repo.findEndpoint(db, delivery.endpoint_id);
    if (!endpoint) return;
    if (!endpoint.enabled) {
      await repo.setDeliveryStatus(db, delivery.id, 'failed', 'the endpoint is disabled');
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const at = now();
    let responseCode: number | null = null;
    let error: string | null = null;
    try {
      const target = await checkTarget(endpoint.url, {
        allowPrivate: deps.allowPrivate,
        resolve: deps.resolve,
      });
      const secret = unseal(endpoint.secret_sealed, deps.sealKey);
      const headers = {
        'webhook-id': delivery.event_id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(delivery.event_id, at, body),
      };
      const result = await postJson(target, headers, body, deps.timeoutMs);
      responseCode = result.status;
      if (result.status < 200 || result.status > 299) error = `answered ${result.status}`;
    } catch (err) {
      error =
        err instanceof ForbiddenTargetError
          ? `refused: ${err.message}`
          : (err as Error).message || 'request failed';
    }

    if (error === null) {
      await inTransaction(db, async (trx) => {
        await repo.recordAttempt(trx, delivery.id, {
          status: 'delivered',
          responseCode,
          error: null,
          nextAttemptAt: null,
          at,
        });
        await repo.clearFailing(trx, endpoint.id);
      });
      return;
    }

    const outcome = await inTransaction(db, async (trx) => {
      const failingSince = await repo.markFailing(trx, endpoint.id, at);
      if (failingSince && at.getTime() - failingSince.getTime() >= deps.disableAfterMs) {
        await repo.disableEndpoint(trx, endpoint.id, at);
        await repo.recordAttempt(trx, delivery.id, {
          status: 'failed',
          responseCode,
          error: `${error}; the endpoint kept failing and was disabled`,
          nextAttemptAt: null,
          at,
        });
        return 'disabled' as const;
      }
      const last = retryCount >= retryLimit;
      // pg-boss picks the real delay (with jitter): this is the latest it will be.
      const delay = Math.min(deps.retry.maxDelaySeconds, deps.retry.delaySeconds * 2 ** retryCount);
      await repo.recordAttempt(trx, delivery.id, {
        status: last ? 'failed' : 'pending',
        responseCode,
        error,
        nextAttemptAt: last ? null : new Date(at.getTime() + delay * 1000),
        at,
      });
      return last ? ('given_up' as const) : ('retry' as const);
    });
    if (outcome === 'disabled') {
      logger.warn({ endpointId: endpoint.id }, 'webhook endpoint disabled after failing too long');
    }
    throw new Error(`webhook delivery ${delivery.id} failed: ${error}`);
  }

  return {
    emit,
    deliver,

    list: () => repo.listEndpoints(db),

    get: existing,

    async create(input: EndpointInput): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
      await assertAllowedUrl(input.url);
      const secret = newSecret();
      const endpoint = await repo.insertEndpoint(db, {
        url: input.url,
        description: input.description ?? '',
        event_types: [...new Set(input.event_types)],
        enabled: input.enabled ?? true,
        secret_sealed: seal(secret, deps.sealKey),
      });
      return { endpoint, secret };
    },

    async update(id: number, changes: Partial<EndpointInput>): Promise<WebhookEndpointRow> {
      const before = await existing(id);
      if (changes.url !== undefined && changes.url !== before.url)
        await assertAllowedUrl(changes.url);
      const enabling = changes.enabled === true && !before.enabled;
      const updated = await repo.updateEndpoint(db, id, {
        ...(changes.url !== undefined && { url: changes.url }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.event_types !== undefined && {
          event_types: [...new Set(changes.event_types)],
        }),
        ...(changes.enabled !== undefined && { enabled: changes.enabled }),
        // Enabled again by hand: its failure history starts over.
        ...(enabling && { disabled_at: null, failing_since: null }),
      });
      if (!updated) throw new AppError('WEBHOOK_NOT_FOUND');
      return updated;
    },

    async remove(id: number): Promise<void> {
      if (!(await repo.deleteEndpoint(db, id))) throw new AppError('WEBHOOK_NOT_FOUND');
    },

    async deliveries(id: number, limit: number): Promise<WebhookDeliveryRow[]> {
      await existing(id);
      return repo.listDeliveries(db, id, limit);
    },

    /** Sends a delivery again (same webhook-id), now, whatever its status. */
    async redeliver(endpointId: number, deliveryId: number): Promise<WebhookDeliveryRow> {
      return inTransaction(db, async (trx) => {
        const delivery = await repo.lockDelivery(trx, deliveryId);
        if (!delivery || delivery.endpoint_id !== endpointId)
          throw new AppError('WEBHOOK_NOT_FOUND', { message: 'Delivery not found' });
        await repo.setDeliveryStatus(trx, deliveryId, 'pending', null);
        await enqueue(trx, deliveryId);
        return { ...delivery, status: 'pending' as const, last_error: null, next_attempt_at: null };
      });
    },
  };
}
