import type { AuditEventRow } from '../db/types.js';
import { toIso } from '../http/serializers.js';

/**
 * Public shape of an audit event. When someone else (an admin) acted, the ip and user agent are
 * theirs, not the account holder's: only admins see them.
 */
export function toAuditEventResponse(row: AuditEventRow, viewerIsAdmin: boolean) {
  const othersNetwork = row.actor_id !== null && row.actor_id !== row.user_id && !viewerIsAdmin;
  return {
    id: row.id,
    type: row.type,
    ip: othersNetwork ? null : row.ip,
    user_agent: othersNetwork ? null : row.user_agent,
    created_at: toIso(row.created_at),
    details: row.details ?? {},
    actor_id: row.actor_id,
  };
}

/** An event the user caused on another account: no details, they describe the other person. */
export function toAuditActionResponse(row: AuditEventRow) {
  return {
    id: row.id,
    type: row.type,
    user_id: row.user_id,
    ip: row.ip,
    user_agent: row.user_agent,
    created_at: toIso(row.created_at),
  };
}
