import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisEnv = () => ({
  REDIS_URL,
  REDIS_KEY_PREFIX: `gh-test:${randomBytes(6).toString('hex')}:`,
});

let addressCounter = 0;
const from = () => ({ 'x-forwarded-for': `192.0.2.${++addressCounter}` });

/** Fixed windows are clock-aligned for the global limit: keep a test inside one minute. */
async function awayFromMinuteEnd(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 100);
}

describe('per-route limits per client address (Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      ...redisEnv(),
      TRUST_PROXY: 'true',
      RATE_LIMIT_REGISTER_PER_HOUR: '2',
      RATE_LIMIT_REFRESH_PER_MINUTE: '3',
      RATE_LIMIT_EMAIL_PER_HOUR: '3',
      RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: '3',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (headers: Record<string, string>, email = uniqueEmail()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, name: 'Rate', password: GOOD_PASSWORD },
      headers,
    });

  /** Registers from a fresh address (the register limit is tiny here) and signs in. */
  const newSession = async () => {
    const email = uniqueEmail();
    expect((await register(from(), email)).statusCode).toBe(201);
    return login(t.app, email, GOOD_PASSWORD);
  };

  it('limits registrations per address, with Retry-After within the hour', async () => {
    const address = from();
    expect((await register(address)).statusCode).toBe(201);
    expect((await register(address)).statusCode).toBe(201);
    const res = await register(address);
    expectError(res, 429, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another address (TRUST_PROXY=true: taken from X-Forwarded-For) is not affected.
    expect((await register(from())).statusCode).toBe(201);
  });

  it('does not count requests refused by validation', async () => {
    const address = from();
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'not-an-email', name: 'x', password: GOOD_PASSWORD },
        headers: address,
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await register(address)).statusCode).toBe(201);
  });

  it('limits refresh-token requests per address', async () => {
    const session = await newSession();
    const address = from();
    const refresh = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/refresh-token',
        payload: { refresh_token: 'not-a-real-token' },
        headers: address,
      });
    for (let i = 0; i < 3; i++) expect((await refresh()).statusCode).toBe(401);
    const res = await refresh();
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A valid token from the limited address is refused too; from elsewhere it works.
    const valid = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      payload: { refresh_token: session.refreshToken },
      headers: from(),
    });
    expect(valid.statusCode).toBe(200);
  });

  it('limits forgot-password per address and per recipient', async () => {
    const forgot = (email: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/forgot-password',
        payload: { email },
        headers,
      });
    const address = from();
    for (let i = 0; i < 3; i++) expect((await forgot(uniqueEmail(), address)).statusCode).toBe(200);
    expectError(await forgot(uniqueEmail(), address), 429, 'RATE_LIMITED');

    // One inbox from many addresses: refused past the per-recipient limit, whatever the spelling.
    const victim = uniqueEmail('victim');
    expect((await forgot(victim, from())).statusCode).toBe(200);
    expect((await forgot(victim.toUpperCase(), from())).statusCode).toBe(200);
    expect((await forgot(` ${victim} `, from())).statusCode).toBe(200);
    const res = await forgot(victim, from());
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits resend-verification per address and per user, sharing the mail allowance', async () => {
    const session = await newSession();
    const resend = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/resend-verification',
        headers: { ...session.auth, ...headers },
      });
    for (let i = 0; i < 3; i++) expect((await resend(from())).statusCode).toBe(200);
    expectError(await resend(from()), 429, 'RATE_LIMITED');

    const address = from();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: uniqueEmail() },
      headers: address,
    });
    const otherSession = await newSession();
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/resend-verification',
        headers: { ...otherSession.auth, ...address },
      });
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    // The address has used its 3 (one forgot-password, two resends); the user only 2 of 3.
    expectError(await send(), 429, 'RATE_LIMITED');
  });
});

describe('global per-address limit on /api', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      ...redisEnv(),
      TRUST_PROXY: 'true',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '5',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the request past the limit with 429 + Retry-After, known route or not', async () => {
    await awayFromMinuteEnd();
    const address = from();
    const statuses: number[] = [];
    for (const url of ['/api/users/profile', '/api/nope', '/api/users/profile', '/api', '/api/x'])
      statuses.push((await t.app.inject({ method: 'GET', url, headers: address })).statusCode);
    expect(statuses).toEqual([401, 404, 401, 404, 404]);
    const res = await t.app.inject({ method: 'GET', url: '/api/users/profile', headers: address });
    expectError(res, 429, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Refused in onRequest, before the body is parsed.
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{not json',
      headers: { ...address, 'content-type': 'application/json' },
    });
    expectError(post, 429, 'RATE_LIMITED');
  });

  it('exempts health and metrics, and counts each address on its own', async () => {
    await awayFromMinuteEnd();
    const address = from();
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'GET', url: '/api/users/profile', headers: address });
    for (const url of ['/health/live', '/health/ready', '/metrics']) {
      expect((await t.app.inject({ method: 'GET', url, headers: address })).statusCode).toBe(200);
    }
    const other = await t.app.inject({ method: 'GET', url: '/api/users/profile', headers: from() });
    expect(other.statusCode).toBe(401);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/gatehouse_rate_limited_total\{limiter="global"\} [1-9]/);
  });
});

describe('TRUST_PROXY off: X-Forwarded-For is ignored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ...redisEnv(), RATE_LIMIT_REGISTER_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts every request from the socket address, whatever the header claims', async () => {
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail(), name: 'Spoof', password: GOOD_PASSWORD },
        headers: from(),
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    expectError(await send(), 429, 'RATE_LIMITED');
  });
});
