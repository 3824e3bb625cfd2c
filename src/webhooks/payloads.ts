import type { UserRow } from '../db/types.js';

/** The `data` of user.* events: the public profile, never the password hash. */
export function userEventData(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    email_verified: user.email_verified,
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
  };
}
