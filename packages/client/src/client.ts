import createClient, { type Client } from 'openapi-fetch';
import { toApiError, unwrap } from './errors.js';
import { fetchWithRetry, type RetryPolicy } from './retry.js';
import type { paths } from './schema.js';

/** What a session holds. `refreshToken` is null when it lives only in the HttpOnly cookie. */
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

export interface GatehouseClientOptions {
  /** Where Gatehouse is, e.g. "https://auth.example.com" (or "" for the same origin in a browser). */
  baseUrl: string;
  /**
   * "body" (default) keeps the refresh token in this client (servers, CLIs); "cookie" leaves it in
   * the HttpOnly cookie Gatehouse sets (browsers), so scripts on the page never see it.
   */
  transport?: 'body' | 'cookie';
  /** A session to resume. */
  tokens?: Tokens | null;
  /** Told about every new pair of tokens, and null when the session has ended (store them here). */
  onTokens?: (tokens: Tokens | null) => void;
  /** Retries of one request after 429/503 with Retry-After; default 2. */
  maxRetries?: number;
  /** The longest Retry-After waited for, in seconds; default 10. */
  maxRetryAfterSeconds?: number;
  fetch?: (request: Request) => Promise<Response>;
  /** Replaces the timer used for Retry-After (tests). */
  sleep?: (ms: number) => Promise<void>;
}

type LoginData = NonNullable<
  paths['/api/auth/login']['post']['responses'][200]['content']['application/json']['data']
>;
type TokenData = NonNullable<
  paths['/api/auth/mfa/verify']['post']['responses'][200]['content']['application/json']['data']
>;
/** The answer to a right password when two-step verification is on: no tokens yet. */
export type MfaChallenge = Extract<LoginData, { mfa_required: true }>;

export interface GatehouseClient {
  /** The typed REST client: `api.GET('/api/users/{id}', { params: { path: { id } } })`. */
  readonly api: Client<paths>;
  /**
   * Signs in and keeps the tokens; with two-step verification on, answers the challenge
   * (`mfa_required: true`) instead: finish with verifyMfa.
   */
  login(email: string, password: string): Promise<LoginData>;
  /** The second step of sign-in: a code from the authenticator app, or a recovery code. */
  verifyMfa(
    mfaToken: string,
    proof: { code: string } | { recovery_code: string },
  ): Promise<TokenData>;
  /** Ends the session at Gatehouse and forgets the tokens. */
  logout(): Promise<void>;
  /** Rotates the refresh token now; concurrent callers share one refresh. False when the session is over. */
  refresh(): Promise<boolean>;
  tokens(): Tokens | null;
  setTokens(tokens: Tokens | null): void;
}

// A 401 from these means wrong credentials or a dead refresh token, never a stale access token.
const NO_REFRESH_PATHS = [
  '/api/auth/login',
  '/api/auth/refresh-token',
  '/api/auth/register',
  '/api/auth/mfa/verify',
];

/** A client for one Gatehouse; each keeps its own session. */
export function createGatehouseClient(options: GatehouseClientOptions): GatehouseClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const transport = options.transport ?? 'body';
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 2,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 10,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  let current: Tokens | null = options.tokens ?? null;
  let refreshing: Promise<boolean> | null = null;

  function setTokens(tokens: Tokens | null): void {
    current = tokens;
    options.onTokens?.(tokens);
  }

  function withToken(request: Request, accessToken: string | undefined): Request {
    const copy = request.clone();
    if (accessToken) copy.headers.set('authorization', `Bearer ${accessToken}`);
    return copy;
  }

  async function rotate(): Promise<boolean> {
    if (transport === 'body' && !current?.refreshToken) return false;
    const body = transport === 'cookie' ? { transport } : { refresh_token: current!.refreshToken };
    const request = new Request(`${baseUrl}/api/auth/refresh-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'include',
    });
    const response = await fetchWithRetry(send, request, policy);
    if (response.status === 401) {
      setTokens(null); // the session ended (revoked, expired or reused): sign in again
      return false;
    }
    const payload = (await response.json().catch(() => null)) as { data?: TokenData } | null;
    if (!response.ok || !payload?.data) throw toApiError(response, payload);
    const { access_token: accessToken, refresh_token: refreshToken } = payload.data;
    setTokens({ accessToken, refreshToken: refreshToken ?? null });
    return true;
  }

  /**
   * Single flight: however many requests see a 401 at once, one refresh runs and they all wait for
   * it (rotation makes a refresh token single-use, so parallel refreshes would race each other).
   */
  function refreshAfter(staleAccessToken: string | undefined): Promise<boolean> {
    if (current && current.accessToken !== staleAccessToken) return Promise.resolve(true);
    refreshing ??= rotate().finally(() => (refreshing = null));
    return refreshing;
  }

  async function authorizedFetch(request: Request): Promise<Response> {
    const accessToken = current?.accessToken;
    const response = await fetchWithRetry(send, withToken(request, accessToken), policy);
    const path = new URL(request.url).pathname;
    if (response.status !== 401 || NO_REFRESH_PATHS.includes(path)) return response;
    if (!accessToken && transport === 'body') return response;
    if (!(await refreshAfter(accessToken))) return response;
    await response.body?.cancel();
    return fetchWithRetry(send, withToken(request, current?.accessToken), policy);
  }

  const api = createClient<paths>({
    baseUrl,
    fetch: authorizedFetch,
    credentials: transport === 'cookie' ? 'include' : 'same-origin',
  });

  return {
    api,
    async login(email, password) {
      const body = transport === 'cookie' ? { email, password, transport } : { email, password };
      const data = await unwrap(api.POST('/api/auth/login', { body }));
      if ('access_token' in data)
        setTokens({ accessToken: data.access_token, refreshToken: data.refresh_token ?? null });
      return data;
    },
    async verifyMfa(mfaToken, proof) {
      const body = {
        mfa_token: mfaToken,
        ...proof,
        ...(transport === 'cookie' && { transport }),
      };
      const data = await unwrap(api.POST('/api/auth/mfa/verify', { body }));
      setTokens({ accessToken: data.access_token, refreshToken: data.refresh_token ?? null });
      return data;
    },
    async logout() {
      const refreshToken = current?.refreshToken;
      try {
        const body = refreshToken ? { refresh_token: refreshToken } : {};
        await unwrap(api.POST('/api/auth/logout', { body }));
      } finally {
        setTokens(null);
      }
    },
    refresh: () => refreshAfter(current?.accessToken),
    tokens: () => current,
    setTokens,
  };
}
