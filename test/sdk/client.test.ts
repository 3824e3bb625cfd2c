import {
  createGatehouseClient,
  GatehouseApiError,
  unwrap,
  type GatehouseClientOptions,
  type Tokens,
} from '@gatehouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expiredAccessToken,
  signUpOverHttp,
  startGatehouse,
  type RunningGatehouse,
} from './helpers.js';
import { codeAt, wrongCode } from '../mfa/support.js';

/** A fetch that goes to the network and remembers what it saw. */
function recordingFetch() {
  const seen: Array<{ path: string; status: number }> = [];
  const send = async (request: Request) => {
    const response = await fetch(request);
    seen.push({ path: new URL(request.url).pathname, status: response.status });
    return response;
  };
  return { seen, send };
}

describe('@gatehouse/client against a running Gatehouse', () => {
  let gatehouse: RunningGatehouse;
  beforeAll(async () => {
    gatehouse = await startGatehouse();
  });
  afterAll(() => gatehouse.close());

  const client = (options: Partial<GatehouseClientOptions> = {}) =>
    createGatehouseClient({ baseUrl: gatehouse.url, ...options });

  it('signs in and calls typed endpoints; errors come back as GatehouseApiError', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const gh = client();
    const login = await gh.login(user.email, user.password);
    expect('user' in login && login.user.email).toBe(user.email);
    const me = await unwrap(gh.api.GET('/api/users/profile'));
    expect(me).toMatchObject({ id: user.userId, role: 'user', email_verified: false });
    const other = await unwrap(
      gh.api.GET('/api/users/{id}', { params: { path: { id: String(user.userId + 100_000) } } }),
    ).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(GatehouseApiError);
    expect([403, 404]).toContain((other as GatehouseApiError).status);
    const wrong = await gh.login(user.email, 'not the password').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });

  it('signs in with two-step verification: login answers the challenge, verifyMfa the tokens', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const gh = client();
    await gh.login(user.email, user.password);
    const setup = await unwrap(
      gh.api.POST('/api/auth/mfa/totp/setup', { body: { current_password: user.password } }),
    );
    await unwrap(
      gh.api.POST('/api/auth/mfa/totp/confirm', { body: { code: codeAt(setup.secret, -1) } }),
    );

    const other = client();
    const challenge = await other.login(user.email, user.password);
    expect(challenge).toMatchObject({ mfa_required: true, methods: ['totp', 'recovery_code'] });
    expect(other.tokens()).toBeNull();
    if (!('mfa_token' in challenge)) throw new Error('expected the second-step challenge');
    const wrong = await other
      .verifyMfa(challenge.mfa_token, { code: wrongCode(setup.secret) })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 400, code: 'MFA_CODE_INVALID' });
    const tokens = await other.verifyMfa(challenge.mfa_token, { code: codeAt(setup.secret) });
    expect(tokens.user.email).toBe(user.email);
    expect(other.tokens()?.accessToken).toBe(tokens.access_token);
    const me = await unwrap(other.api.GET('/api/users/profile'));
    expect(me.id).toBe(user.userId);
  });

  it('refreshes once for 10 parallel calls made after the access token expired', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const { seen, send } = recordingFetch();
    const changes: Array<Tokens | null> = [];
    const gh = client({
      fetch: send,
      tokens: {
        accessToken: await expiredAccessToken(gatehouse, user.accessToken),
        refreshToken: user.refreshToken,
      },
      onTokens: (tokens) => changes.push(tokens),
    });
    const profiles = await Promise.all(
      Array.from({ length: 10 }, () => unwrap(gh.api.GET('/api/users/profile'))),
    );
    expect(profiles.map((p) => p.id)).toEqual(Array(10).fill(user.userId));
    const refreshes = seen.filter((r) => r.path === '/api/auth/refresh-token');
    expect(refreshes).toEqual([{ path: '/api/auth/refresh-token', status: 200 }]);
    expect(seen.filter((r) => r.path === '/api/users/profile' && r.status === 401)).toHaveLength(
      10,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]!.refreshToken).not.toBe(user.refreshToken); // rotated

    // The rotated session goes on: another expiry, another single refresh.
    gh.setTokens({
      accessToken: await expiredAccessToken(gatehouse, changes[0]!.accessToken),
      refreshToken: changes[0]!.refreshToken,
    });
    await Promise.all([1, 2, 3].map(() => unwrap(gh.api.GET('/api/auth/sessions'))));
    expect(seen.filter((r) => r.path === '/api/auth/refresh-token')).toHaveLength(2);
  });

  it('forgets the tokens when the session has ended, and answers the 401', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const changes: Array<Tokens | null> = [];
    const gh = client({ onTokens: (tokens) => changes.push(tokens) });
    await gh.login(user.email, user.password);
    const session = gh.tokens()!;
    const expired = await expiredAccessToken(gatehouse, session.accessToken);
    await gh.logout();
    gh.setTokens({ accessToken: expired, refreshToken: session.refreshToken });
    const err = await unwrap(gh.api.GET('/api/users/profile')).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401 });
    expect(gh.tokens()).toBeNull();
    expect(changes.at(-1)).toBeNull();
  });
});

describe('@gatehouse/client and Retry-After', () => {
  // One hashing slot and no waiting: parallel sign-ins are shed with 503 + Retry-After.
  let gatehouse: RunningGatehouse;
  beforeAll(async () => {
    gatehouse = await startGatehouse({
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_MAX_WAIT_MS: '0',
      BCRYPT_COST: '8',
    });
  });
  afterAll(() => gatehouse.close());

  it('waits as Retry-After says and tries again, until every sign-in of a burst succeeds', async () => {
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await signUpOverHttp(gatehouse.url));
    const { seen, send } = recordingFetch();
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    const results = await Promise.all(
      users.map((user) =>
        createGatehouseClient({ baseUrl: gatehouse.url, fetch: send, sleep, maxRetries: 5 }).login(
          user.email,
          user.password,
        ),
      ),
    );
    expect(results.map((r) => 'user' in r && r.user.email)).toEqual(users.map((u) => u.email));
    expect(seen.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(waits.length).toBe(seen.filter((r) => r.status === 503).length);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
  });

  it('gives up and returns the 503 when the retries are used up or Retry-After is too long', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    for (const options of [{ maxRetries: 0 }, { maxRetryAfterSeconds: 0 }]) {
      const { seen, send } = recordingFetch();
      const gh = createGatehouseClient({ baseUrl: gatehouse.url, fetch: send, ...options });
      const burst = await Promise.allSettled(
        [1, 2, 3].map(() => gh.login(user.email, user.password)),
      );
      const refused = burst.filter((r) => r.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r.reason).toMatchObject({ status: 503 });
      expect(seen).toHaveLength(3); // no request was sent twice
    }
  });
});
