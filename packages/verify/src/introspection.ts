import { VerifyError } from './errors.js';

export interface IntrospectionOptions {
  /** RFC 7662 endpoint. */
  endpoint: string;
  clientId: string;
  clientSecret: string;
  /** How long an answer is reused, in seconds. */
  cacheSeconds: number;
  fetch: typeof fetch;
  timeoutMs: number;
}

const CACHE_MAX = 10_000;

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined for Basic auth. */
function basicAuth(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}

/**
 * Asks Gatehouse whether a token is still active (RFC 7662). Answers are cached for a few seconds
 * and concurrent questions about one token share one request, so a burst costs one round trip.
 */
export function createIntrospector(options: IntrospectionOptions) {
  const answers = new Map<string, { active: boolean; untilMs: number }>();
  const pending = new Map<string, Promise<boolean>>();

  async function ask(token: string): Promise<boolean> {
    let response: Response;
    try {
      response = await options.fetch(options.endpoint, {
        method: 'POST',
        headers: {
          authorization: basicAuth(options.clientId, options.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      throw new VerifyError('unavailable', 'The token introspection endpoint is unreachable', {
        cause,
      });
    }
    const body = (await response.json().catch(() => null)) as { active?: unknown } | null;
    if (!response.ok || typeof body?.active !== 'boolean')
      throw new VerifyError(
        'unavailable',
        `Token introspection failed with status ${response.status}`,
      );
    return body.active;
  }

  return async function isActive(token: string): Promise<boolean> {
    const now = Date.now();
    const cached = answers.get(token);
    if (cached && cached.untilMs > now) return cached.active;
    const inFlight = pending.get(token);
    if (inFlight) return inFlight;
    const question = ask(token)
      .then((active) => {
        if (answers.size >= CACHE_MAX) {
          for (const [key, value] of answers) if (value.untilMs <= now) answers.delete(key);
          if (answers.size >= CACHE_MAX) answers.clear();
        }
        answers.set(token, { active, untilMs: Date.now() + options.cacheSeconds * 1000 });
        return active;
      })
      .finally(() => pending.delete(token));
    pending.set(token, question);
    return question;
  };
}
