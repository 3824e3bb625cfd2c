import type { PasskeyRow } from '../db/types.js';
import { toIso } from '../http/serializers.js';

/** The public shape of a passkey: never the key, the credential id or the user handle. */
export function toPasskeyResponse(row: PasskeyRow) {
  return {
    id: row.id,
    name: row.name,
    created_at: toIso(row.created_at),
    last_used_at: toIso(row.last_used_at),
    backed_up: row.backed_up,
    transports: row.transports,
  };
}
