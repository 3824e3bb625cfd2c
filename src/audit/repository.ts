import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.js';
import type { AuditEventType } from './events.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventInput {
  type: AuditEventType;
  userId: number | null;
  /** Who acted, when not the user themself (an admin). */
  actorId?: number | null;
  context: RequestContext;
  details?: Record<string, unknown>;
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function appendAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      type: event.type,
      user_id: event.userId,
      actor_id: event.actorId ?? null,
      ip: event.context.ip,
      user_agent: event.context.userAgent,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
