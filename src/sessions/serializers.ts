import type { SessionRow } from '../db/types.js';
import { toIso } from '../http/serializers.js';

/** Public shape of a session: never a token or its hash. */
export function toSessionResponse(row: SessionRow, currentSessionId: number) {
  return {
    id: row.id,
    created_at: toIso(row.created_at),
    last_used_at: toIso(row.last_used_at),
    ip: row.ip,
    user_agent: row.user_agent,
    current: row.id === currentSessionId,
  };
}
