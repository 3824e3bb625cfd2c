import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  registerUser,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ACCOUNT_MAX = 3;
const ADDRESS_MAX = 6;
const SLOWDOWN_AFTER = 1;

let addressCounter = 0;
/** A fresh client address per test (TRUST_PROXY is on), so tests do not share counters. */
const newAddress = () => `198.51.100.${++addressCounter}`;

describe.each([
  ['memory', {}],
  ['redis', { REDIS_URL, REDIS_KEY_PREFIX: `gh-test:${randomBytes(6).toString('hex')}:` }],
])('login brute-force protection (%s)', (_kind, stateEnv) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      ...stateEnv,
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: String(ACCOUNT_MAX),
      RATE_LIMIT_LOGIN_IP_MAX: String(ADDRESS_MAX),
      RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: String(SLOWDOWN_AFTER),
      RATE_LIMIT_LOGIN_WINDOW_SECONDS: '60',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = async (email: string, password: string, address: string) => {
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      headers: { 'x-forwarded-for': address },
    });
    return { res, ms: performance.now() - started };
  };
  const metric = async (pattern: RegExp) => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(pattern.exec(text)?.[1] ?? 0);
  };

  it('refuses an account with 429 + Retry-After after the maximum failures, the right password too', async () => {
    const user = await registerUser(t.app);
    const limitedBefore = await metric(/gatehouse_logins_total\{outcome="limited"\} (\d+)/);
    for (let i = 0; i < ACCOUNT_MAX; i++) {
      // Each from another address: the account counter alone must trip.
      expectError(
        (await attempt(user.email, 'wrong-password', newAddress())).res,
        401,
        'INVALID_CREDENTIALS',
      );
    }
    const { res, ms } = await attempt(user.email, 'wrong-password', newAddress());
    expectError(res, 429, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(ms).toBeLessThan(200); // refused before any delay or hashing

    expectError((await attempt(user.email, user.password, newAddress())).res, 429, 'RATE_LIMITED');
    // Another spelling of the same address shares the counter.
    const shouted = `  ${user.email.toUpperCase()} `;
    expectError((await attempt(shouted, user.password, newAddress())).res, 429, 'RATE_LIMITED');

    expect(await metric(/gatehouse_logins_total\{outcome="limited"\} (\d+)/)).toBe(
      limitedBefore + 3,
    );
    expect(
      await metric(/gatehouse_rate_limited_total\{limiter="login_account"\} (\d+)/),
    ).toBeGreaterThanOrEqual(3);
  });

  it('limits unknown accounts exactly like known ones (no enumeration)', async () => {
    const unknown = uniqueEmail('nobody');
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_MAX; i++)
      statuses.push((await attempt(unknown, 'wrong-password', newAddress())).res.statusCode);
    expect(statuses).toEqual([...Array<number>(ACCOUNT_MAX).fill(401), 429]);
  });

  it('delays each attempt after the slowdown threshold without blocking other requests', async () => {
    const user = await registerUser(t.app);
    const address = newAddress();
    const first = await attempt(user.email, 'wrong-password', address);
    expect(first.ms).toBeLessThan(200);
    // One failure before: 250 ms; two failures before: 500 ms.
    const pending = attempt(user.email, 'wrong-password', address);
    const liveStarted = performance.now();
    const live = await t.app.inject({ method: 'GET', url: '/health/live' });
    const liveMs = performance.now() - liveStarted;
    const second = await pending;
    const third = await attempt(user.email, 'wrong-password', address);
    expect(live.statusCode).toBe(200);
    expect(liveMs).toBeLessThan(100);
    expect(second.res.statusCode).toBe(401);
    expect(second.ms).toBeGreaterThanOrEqual(240);
    expect(third.res.statusCode).toBe(401);
    expect(third.ms).toBeGreaterThanOrEqual(490);
    console.log(
      `slowdown: ${first.ms.toFixed(0)} ms, ${second.ms.toFixed(0)} ms, ${third.ms.toFixed(0)} ms; ` +
        `/health/live during a delay: ${liveMs.toFixed(1)} ms`,
    );
  });

  it('a successful login resets the account counter', async () => {
    const user = await registerUser(t.app);
    for (let i = 0; i < ACCOUNT_MAX - 1; i++)
      expect((await attempt(user.email, 'wrong-password', newAddress())).res.statusCode).toBe(401);
    expect((await attempt(user.email, user.password, newAddress())).res.statusCode).toBe(200);
    for (let i = 0; i < ACCOUNT_MAX; i++)
      expect((await attempt(user.email, 'wrong-password', newAddress())).res.statusCode).toBe(401);
    expect((await attempt(user.email, 'wrong-password', newAddress())).res.statusCode).toBe(429);
  });

  it('limits a client address across accounts, counting failures only', async () => {
    const address = newAddress();
    const user = await registerUser(t.app);
    // Successful logins from the address do not use up its allowance.
    for (let i = 0; i < 3; i++)
      expect((await attempt(user.email, GOOD_PASSWORD, address)).res.statusCode).toBe(200);
    for (let i = 0; i < ADDRESS_MAX; i++)
      expect((await attempt(uniqueEmail('spray'), 'wrong-password', address)).res.statusCode).toBe(
        401,
      );
    const { res } = await attempt(uniqueEmail('spray'), 'wrong-password', address);
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      await metric(/gatehouse_rate_limited_total\{limiter="login_address"\} (\d+)/),
    ).toBeGreaterThanOrEqual(1);
    // The same account from another address is still allowed (TRUST_PROXY: X-Forwarded-For).
    expect((await attempt(user.email, GOOD_PASSWORD, newAddress())).res.statusCode).toBe(200);
  });

  it('a parallel burst of guesses cannot get past the maximum', async () => {
    const user = await registerUser(t.app);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => attempt(user.email, 'wrong-password', newAddress())),
    );
    const statuses = results.map((r) => r.res.statusCode).sort();
    expect(statuses).toEqual([
      ...Array<number>(ACCOUNT_MAX).fill(401),
      ...Array<number>(20 - ACCOUNT_MAX).fill(429),
    ]);
  });
});
