/** Where a signed-in user lands when no (valid) returnTo is given. */
export const DEFAULT_AFTER_SIGN_IN = '/account';

/**
 * Accepts only root-relative paths on this origin. Rejects absolute URLs, protocol-relative
 * `//host`, backslash tricks (`/\host`, which browsers treat as `//host`), control characters
 * and the sign-in page itself (no loops).
 */
export function safeReturnTo(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, 'https://gatehouse.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://gatehouse.invalid') return null;
  if (url.pathname === '/sign-in') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/sign-in?returnTo=…[&reason=expired]` for the given current location. */
export function signInPath(current: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const safe = safeReturnTo(current);
  if (safe && safe !== '/') params.set('returnTo', safe);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}
