import { currentLocale } from '../i18n';
import { parseEnvelope, type Parsed } from './envelope';
import { ApiError } from './errors';
import { serverRetryDelayMs, waitForServer } from './serverWait';

export interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

/**
 * One API request: JSON in, envelope unwrapped, ApiError thrown on failure. A 503 with
 * `Retry-After` is sent again by itself (within SERVER_RETRY_LIMITS) while subscribers show
 * that it is waiting.
 */
export async function send<T>(path: string, options: SendOptions = {}): Promise<T> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    const parsed = await roundTrip<T>(path, options);
    if (parsed.ok) return parsed.data;
    const delayMs = serverRetryDelayMs(parsed.error, attempt, waitedMs);
    if (delayMs === null) throw parsed.error;
    waitedMs += delayMs;
    await waitForServer(delayMs, options.signal);
  }
}

/** One HTTP round trip to the API. */
async function roundTrip<T>(path: string, options: SendOptions): Promise<Parsed<T>> {
  // The API answers in the app's language (messages in the envelope, mails sent from here on).
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // Same origin only: the HttpOnly refresh cookie rides along, nothing goes cross-site.
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: '' });
  }
  let body: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return parseEnvelope<T>(response.status, body, response.headers.get('Retry-After'));
}
