import { ApiError } from '../api/errors';

/** Backoff between sign-out attempts: 1 s, 2 s, 4 s … up to 30 s (or the server's Retry-After). */
export const SIGN_OUT_BACKOFF = { firstDelayMs: 1000, maxDelayMs: 30_000 } as const;

export interface SignOutRetry {
  /** Attempts that failed so far. */
  attempt: number;
  /** Wait before the next attempt. */
  delayMs: number;
  error: unknown;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Ends the session on the server, trying again until the server confirms it. Only then may the
 * app show the person as signed out: dropping the access token while the refresh cookie still
 * works would leave a live session behind a signed-out screen. A 401 means the session is
 * already over (the refresh was refused too), which is what signing out wanted.
 */
export async function endServerSession(
  logout: () => Promise<unknown>,
  onRetry: (retry: SignOutRetry) => void = () => {},
  wait: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await logout();
      return;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      const backoff = Math.min(
        SIGN_OUT_BACKOFF.maxDelayMs,
        SIGN_OUT_BACKOFF.firstDelayMs * 2 ** (attempt - 1),
      );
      const asked = error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : 0;
      const delayMs = Math.max(backoff, asked);
      onRetry({ attempt, delayMs, error });
      await wait(delayMs);
    }
  }
}
