import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';

const PROXY = '10.1.2.3';

/**
 * TRUST_PROXY as production allows it: the proxies' addresses. The client address is the
 * rightmost X-Forwarded-For hop no trusted proxy added, so hops a client writes itself (to the
 * left of what the proxy appends) never choose its per-address bucket.
 * @see issue 13, "Trust boundaries"
 */
describe('client address behind trusted proxies (TRUST_PROXY=10.0.0.0/8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ TRUST_PROXY: '10.0.0.0/8', RATE_LIMIT_REGISTER_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (remoteAddress: string, forwardedFor?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: uniqueEmail(), name: 'Address', password: GOOD_PASSWORD },
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      remoteAddress,
    });

  it('ignores a forged leftmost hop: the hop the proxy appended is the address', async () => {
    // The client sends "X-Forwarded-For: <forged>"; the proxy appends the address it saw.
    const client = '203.0.113.7';
    expect((await register(PROXY, `198.51.100.1, ${client}`)).statusCode).toBe(201);
    expect((await register(PROXY, `198.51.100.2, ${client}`)).statusCode).toBe(201);
    expectError(await register(PROXY, `198.51.100.3, ${client}`), 429, 'RATE_LIMITED');
    // A real other client behind the same proxy has its own bucket.
    expect((await register(PROXY, '203.0.113.8')).statusCode).toBe(201);
  });

  it('walks back through every trusted proxy, and no further', async () => {
    const client = '203.0.113.20';
    // client -> edge proxy 10.9.9.9 -> inner proxy (PROXY) -> Gatehouse
    expect((await register(PROXY, `192.0.2.1, ${client}, 10.9.9.9`)).statusCode).toBe(201);
    expect((await register(PROXY, `192.0.2.2, ${client}, 10.9.9.9`)).statusCode).toBe(201);
    expectError(await register(PROXY, `192.0.2.3, ${client}`), 429, 'RATE_LIMITED');
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const direct = '198.51.100.50';
    expect((await register(direct, '192.0.2.10')).statusCode).toBe(201);
    expect((await register(direct, '192.0.2.11')).statusCode).toBe(201);
    expectError(await register(direct, '192.0.2.12'), 429, 'RATE_LIMITED');
  });
});
