import { ApiError } from '../api/errors';
import { send } from '../api/http';
import type { TokenData, User } from '../api/types';

/**
 * The signed-in session, outside React: the access token lives only in this module's memory;
 * the refresh token is an HttpOnly cookie the browser sends to /api/auth on its own.
 */
export type SessionEvent =
  { type: 'changed'; user: User | null } | { type: 'expired' } | { type: 'signed-out-elsewhere' };

type Listener = (event: SessionEvent) => void;

const LOCK_NAME = 'gatehouse-refresh';
/** Refresh a little before the access token expires so requests rarely meet a 401. */
const EXPIRY_MARGIN_MS = 15_000;

let accessToken: string | null = null;
let expiresAt = 0;
let user: User | null = null;
let activeOrganizationId: number | null = null;
let inflight: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gatehouse-auth');

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getUser(): User | null {
  return user;
}

export function setUser(next: User): void {
  user = next;
  emit({ type: 'changed', user });
}

/** The access token, or null when there is none or it is about to expire. */
export function getFreshAccessToken(now: number = Date.now()): string | null {
  return accessToken && now < expiresAt - EXPIRY_MARGIN_MS ? accessToken : null;
}

/**
 * The `org_id` claim of an access token (the session's active organization), read without
 * verifying: the server verifies every token; this only decides what the page shows.
 */
export function organizationIdOf(token: string): number | null {
  try {
    const part = token.split('.')[1] ?? '';
    const payload = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as {
      org_id?: unknown;
    };
    return typeof payload.org_id === 'number' ? payload.org_id : null;
  } catch {
    return null;
  }
}

/** The organization the current access token carries, or null. */
export function getActiveOrganizationId(): number | null {
  return activeOrganizationId;
}

export function acceptTokens(data: TokenData): User {
  accessToken = data.access_token;
  activeOrganizationId = organizationIdOf(data.access_token);
  expiresAt = Date.now() + Math.max(30, data.expires_in) * 1000;
  user = data.user;
  emit({ type: 'changed', user });
  return data.user;
}

export function clearSession(options: { broadcast?: boolean } = {}): void {
  accessToken = null;
  activeOrganizationId = null;
  expiresAt = 0;
  user = null;
  inflight = null;
  if (options.broadcast) channel?.postMessage('signed-out');
  emit({ type: 'changed', user: null });
}

/** The refresh failed for good (not a network blip): drop the session and tell the app. */
export function expireSession(): void {
  const hadSession = user !== null;
  clearSession();
  if (hadSession) emit({ type: 'expired' });
}

async function doRefresh(): Promise<boolean> {
  try {
    const data = await send<TokenData>('/api/auth/refresh-token', {
      method: 'POST',
      body: { transport: 'cookie' },
    });
    acceptTokens(data);
    return true;
  } catch (error) {
    // 400/401: no cookie, or it was revoked/expired. Anything else (network, 429, 503) is
    // transient and must not sign the user out.
    if (
      error instanceof ApiError &&
      (error.status === 401 || error.status === 400 || error.status === 403)
    ) {
      return false;
    }
    throw error;
  }
}

/**
 * Single-flight refresh. In this tab concurrent callers share one promise; across tabs the
 * Web Locks API makes tabs take turns, so two tabs never present the same refresh token at once
 * (a reused token past the grace window ends the whole session).
 */
export function refreshSession(): Promise<boolean> {
  if (inflight) return inflight;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The lock callback's promise is awaited by request(), so it resolves to the boolean itself.
  const run = (
    locks ? locks.request(LOCK_NAME, () => doRefresh()) : doRefresh()
  ) as Promise<boolean>;
  const current = run.finally(() => {
    if (inflight === current) inflight = null;
  });
  inflight = current;
  return current;
}

channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signed-out' && user) {
    clearSession();
    emit({ type: 'signed-out-elsewhere' });
  }
});
