import type { UserRow } from '../db/types.js';
import { toIso } from '../http/serializers.js';
import type { Locale } from '../i18n/locales.js';

export interface UserResponse {
  id: number;
  email: string;
  name: string;
  role: 'user' | 'admin';
  email_verified: boolean;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** The chosen language, or null: follow the browser. */
  locale: Locale | null;
  /** Admin views only: the user's second factors. */
  mfa?: { totp: boolean; passkeys: number };
}

/** The public shape of a user: never the password hash. `factors`: admin views only. */
export function toUserResponse(
  user: Omit<UserRow, 'password_hash'>,
  factors?: { totp: boolean; passkeys: number },
): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    email_verified: user.email_verified,
    created_at: toIso(user.created_at),
    updated_at: toIso(user.updated_at),
    last_login_at: toIso(user.last_login_at),
    locale: user.locale,
    ...(factors && { mfa: { totp: factors.totp, passkeys: factors.passkeys } }),
  };
}

const responses = new WeakMap<object, UserResponse>();
/**
 * toUserResponse for a row that is never modified once read (the live-session cache's copy):
 * computed once per row, since formatting the dates was the profile route's largest own cost.
 */
export function cachedUserResponse(user: Omit<UserRow, 'password_hash'>): UserResponse {
  let response = responses.get(user);
  if (!response) {
    response = toUserResponse(user);
    responses.set(user, response);
  }
  return response;
}
