export interface RetryPolicy {
  /** Retries of one request after 429 or 503 with Retry-After. */
  maxRetries: number;
  /** A longer Retry-After is not waited for: the answer goes back to the caller. */
  maxRetryAfterSeconds: number;
  sleep: (ms: number) => Promise<void>;
}

/** How long Retry-After asks to wait, in milliseconds; null when the answer is not to be retried. */
export function retryDelayMs(response: Response, maxSeconds: number): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header)
    : (Date.parse(header) - Date.now()) / 1000; // RFC 9110 also allows an HTTP date
  if (!Number.isFinite(seconds) || seconds > maxSeconds) return null;
  return Math.max(0, seconds * 1000);
}

/**
 * Sends a request, and sends it again as Retry-After asks (bounded by the policy). Gatehouse
 * answers 429 and 503 before it acts on a request, so repeating even a POST is safe.
 */
export async function fetchWithRetry(
  send: (request: Request) => Promise<Response>,
  request: Request,
  policy: RetryPolicy,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(request.clone());
    const delay =
      attempt < policy.maxRetries ? retryDelayMs(response, policy.maxRetryAfterSeconds) : null;
    if (delay === null) return response;
    await response.body?.cancel();
    await policy.sleep(delay);
  }
}
