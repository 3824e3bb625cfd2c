import { sql } from 'kysely';
import type {
  Executor,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
} from '../db/types.js';

export async function listEndpoints(db: Executor): Promise<WebhookEndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
}

export async function findEndpoint(
  db: Executor,
  id: number,
): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEndpoint(
  db: Executor,
  values: {
    url: string;
    description: string;
    event_types: string[];
    enabled: boolean;
    secret_sealed: string;
  },
): Promise<WebhookEndpointRow> {
  return db.insertInto('webhook_endpoints').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateEndpoint(
  db: Executor,
  id: number,
  changes: Partial<{
    url: string;
    description: string;
    event_types: string[];
    enabled: boolean;
    disabled_at: Date | null;
    failing_since: Date | null;
  }>,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteEndpoint(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Enabled endpoints subscribed to `type`. */
export async function subscribedEndpoints(
  db: Executor,
  type: string,
): Promise<Array<{ id: number }>> {
  return db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('enabled', '=', true)
    .where(sql<boolean>`${type} = any(event_types)`)
    .execute();
}

/** The event types at least one enabled endpoint subscribes to. */
export async function subscribedEventTypes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(sql<string>`unnest(event_types)`.as('type'))
    .where('enabled', '=', true)
    .distinct()
    .execute();
  return rows.map((row) => row.type);
}

export async function insertDeliveries(
  db: Executor,
  rows: Array<{ endpoint_id: number; event_id: string; event_type: string; payload: string }>,
): Promise<Array<{ id: number }>> {
  if (rows.length === 0) return [];
  return db.insertInto('webhook_deliveries').values(rows).returning('id').execute();
}

export async function listDeliveries(
  db: Executor,
  endpointId: number,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findDelivery(
  db: Executor,
  id: number,
): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the delivery row for the attempt under way (another worker with a stale copy waits). */
export async function lockDelivery(
  db: Executor,
  id: number,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Executor,
  id: number,
  outcome: {
    status: WebhookDeliveryStatus;
    responseCode: number | null;
    error: string | null;
    nextAttemptAt: Date | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      last_response_code: outcome.responseCode,
      last_error: outcome.error,
      last_attempt_at: outcome.at,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.status === 'delivered' ? outcome.at : null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function setDeliveryStatus(
  db: Executor,
  id: number,
  status: WebhookDeliveryStatus,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status, last_error: error, next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/** Marks an endpoint failing from `at` on, unless it already was; returns since when it fails. */
export async function markFailing(
  db: Executor,
  endpointId: number,
  at: Date,
): Promise<Date | null> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: sql<Date>`coalesce(failing_since, ${at})` })
    .where('id', '=', endpointId)
    .returning('failing_since')
    .executeTakeFirst();
  return row?.failing_since ?? null;
}

export async function clearFailing(db: Executor, endpointId: number): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: null })
    .where('id', '=', endpointId)
    .where('failing_since', 'is not', null)
    .execute();
}

/** Disables an endpoint that kept failing, and gives up its other pending deliveries. */
export async function disableEndpoint(db: Executor, endpointId: number, at: Date): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ enabled: false, disabled_at: at, updated_at: at })
    .where('id', '=', endpointId)
    .execute();
}
