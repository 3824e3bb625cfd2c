import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import * as audit from './repository.js';
import { toAuditActionResponse, toAuditEventResponse } from './serializers.js';

export interface PageRequest {
  page: number;
  limit: number;
}

/** One page of the user's audit trail, newest first, with the total count. */
export async function listUserAuditEvents(
  db: Kysely<Database>,
  userId: number,
  request: PageRequest,
  viewerIsAdmin: boolean,
) {
  const offset = (request.page - 1) * request.limit;
  const [rows, total] = await Promise.all([
    audit.listAuditEventsOfUser(db, userId, { limit: request.limit, offset }),
    audit.countAuditEventsOfUser(db, userId),
  ]);
  return {
    items: rows.map((row) => toAuditEventResponse(row, viewerIsAdmin)),
    page: request.page,
    limit: request.limit,
    total,
  };
}

/** Everything the trail holds about the user, for the data export. */
export async function exportUserAuditEvents(
  db: Kysely<Database>,
  userId: number,
  viewerIsAdmin: boolean,
) {
  const [events, actions] = await Promise.all([
    audit.listAllAuditEventsOfUser(db, userId),
    audit.listAuditEventsByActor(db, userId),
  ]);
  return {
    audit_events: events.map((row) => toAuditEventResponse(row, viewerIsAdmin)),
    admin_actions: actions.map(toAuditActionResponse),
  };
}
