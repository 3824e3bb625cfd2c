import type { ApiError } from './errors';

/**
 * A 503 with `Retry-After` means the server shed the request without doing it (busy hashing,
 * restarting, a dependency briefly down), so the client sends it again by itself, within limits:
 * a person waits at most this long before seeing the error.
 */
export const SERVER_RETRY_LIMITS = { attempts: 3, totalWaitMs: 15_000 } as const;

/**
 * How long to wait before attempt `attempt + 1`, or null to give up: only a 503 that says when
 * to come back, and only while the attempts and the total wait stay within the limits.
 */
export function serverRetryDelayMs(error: ApiError, attempt: number, waitedMs: number) {
  if (error.status !== 503 || error.retryAfter === null) return null;
  const delayMs = error.retryAfter * 1000;
  if (attempt >= SERVER_RETRY_LIMITS.attempts) return null;
  if (waitedMs + delayMs > SERVER_RETRY_LIMITS.totalWaitMs) return null;
  return delayMs;
}

/** The waits in progress: each is the time (ms since the epoch) its next attempt goes. */
const waits = new Set<{ until: number }>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** When the latest pending retry goes (ms since the epoch), or null when nothing waits. */
export function serverWaitUntil(): number | null {
  let latest: number | null = null;
  for (const wait of waits) latest = Math.max(latest ?? 0, wait.until);
  return latest;
}

export function subscribeServerWait(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sleeps `ms` while telling subscribers that a request waits for the server. */
export function waitForServer(ms: number, signal?: AbortSignal): Promise<void> {
  const wait = { until: Date.now() + ms };
  waits.add(wait);
  changed();
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      waits.delete(wait);
      changed();
    };
    const aborted = () => {
      done();
      reject(new DOMException('The request was aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted);
  });
}
