import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { capturingLogger } from '../helpers/logs.js';
import { startRedisServer, startRelay, type RedisServer } from './processes.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { TEST_ENV } from '../helpers/env.js';

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

const ready = async (t: TestApp) => {
  const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
  return { status: res.statusCode, redis: res.json().checks.redis as string };
};

/**
 * A private redis-server is stopped and restarted under two apps: one configured to fail open,
 * one to fail closed. Neither may answer 500, and both recover by themselves.
 */
describe('shared state outage', () => {
  let redis: RedisServer;
  let open: TestApp;
  let closed: TestApp;
  const openLog = capturingLogger();
  let openUser: { email: string; password: string };
  let closedSession: SignedIn;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'gh-outage:' };
    open = await buildTestApp({ ...env, RATE_LIMIT_FAIL_OPEN: 'true' }, { logger: openLog.logger });
    closed = await buildTestApp({ ...env, RATE_LIMIT_FAIL_OPEN: 'false' });
    openUser = await registerUser(open.app);
    const closedUser = await registerUser(closed.app);
    closedSession = await login(closed.app, closedUser.email, closedUser.password);
  });
  afterAll(async () => {
    await open?.close();
    await closed?.close();
    await redis?.stop();
  });

  it('reports Redis down in readiness, fails open or closed per RATE_LIMIT_FAIL_OPEN, and recovers', async () => {
    expect(await ready(open)).toEqual({ status: 200, redis: 'up' });
    await redis.stop();
    await until(async () => (await ready(open)).redis === 'down');
    expect((await ready(closed)).status).toBe(503);

    // Fail open: sign-in, registration and the rate-limited routes keep working.
    for (let i = 0; i < 3; i++) await login(open.app, openUser.email, openUser.password);
    expect(
      (
        await open.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email: uniqueEmail(), name: 'During outage', password: GOOD_PASSWORD },
        })
      ).statusCode,
    ).toBe(201);
    const openMetrics = (await open.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(openMetrics).toMatch(
      /gatehouse_shared_state_errors_total\{operation="login.check"\} [1-9]/,
    );
    expect(openMetrics).toMatch(
      /gatehouse_shared_state_errors_total\{operation="limit.register"\} 1/,
    );
    expect(openMetrics).toMatch(/gatehouse_redis_up 0/);
    const warnings = openLog.entries().filter((l) => l.msg.startsWith('shared state unavailable'));
    expect(warnings).toHaveLength(1); // once per outage, not once per request

    // Fail closed: limited routes answer 503 + Retry-After (never 500); the rest keeps serving.
    const refused = await closed.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail(), password: 'whatever-password' },
    });
    expectError(refused, 503, 'SERVICE_UNAVAILABLE');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expectError(
      await closed.app.inject({
        method: 'POST',
        url: '/api/auth/forgot-password',
        payload: { email: uniqueEmail() },
      }),
      503,
      'SERVICE_UNAVAILABLE',
    );
    const profile = await closed.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: closedSession.auth,
    });
    expect(profile.statusCode).toBe(200); // the global limit runs on local counts

    // Back: both reconnect by themselves and enforce limits again.
    await redis.start();
    await until(async () => (await ready(open)).status === 200);
    await until(async () => (await ready(closed)).status === 200);
    await login(closed.app, closedSession.email, closedSession.password);
    await login(open.app, openUser.email, openUser.password);
    expect(openLog.entries().filter((l) => l.msg.startsWith('shared state is back'))).toHaveLength(
      1,
    );
    expect((await open.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(
      /gatehouse_redis_up 1/,
    );
  });

  it('starts while Redis is down and connects (and subscribes) once it is up', async () => {
    await redis.stop();
    const late = await buildTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'gh-outage-late:' });
    try {
      expect((await ready(late)).status).toBe(503);
      const user = await registerUser(late.app);
      const session = await login(late.app, user.email, user.password);
      await redis.start();
      await until(async () => (await ready(late)).status === 200);
      // The invalidation channel was subscribed once Redis came up.
      const probe = new Redis(redis.url);
      const [, subscribers] = (await probe.pubsub('NUMSUB', 'gh-outage-late:invalidate')) as [
        string,
        number,
      ];
      probe.disconnect();
      expect(subscribers).toBe(1);
      const profile = () =>
        late.app.inject({ method: 'GET', url: '/api/users/profile', headers: session.auth });
      expect((await profile()).statusCode).toBe(200);
      await late.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.auth });
      expect((await profile()).statusCode).toBe(401);
    } finally {
      await late.close();
    }
  });

  // Failing open applies to the global limit only: sign-in throttling counts per instance.
  // @see issue 13, "Trust boundaries"
  it('keeps throttling sign-ins on per-instance counters while Redis is down (fail open)', async () => {
    const throttled = await buildTestApp({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'gh-outage-throttle:',
      RATE_LIMIT_FAIL_OPEN: 'true',
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: '3',
      RATE_LIMIT_REGISTER_PER_HOUR: '2',
    });
    try {
      const user = await registerUser(throttled.app);
      await redis.stop();
      await until(async () => (await ready(throttled)).redis === 'down');
      const attempt = (password: string) =>
        throttled.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password },
        });
      for (let i = 0; i < 3; i++)
        expectError(await attempt('wrong password here'), 401, 'INVALID_CREDENTIALS');
      expectError(await attempt('wrong password here'), 429, 'RATE_LIMITED');
      expectError(await attempt(user.password), 429, 'RATE_LIMITED');
      // The per-address route limits count per instance too (afresh: Redis held the earlier one).
      const register = () =>
        throttled.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email: uniqueEmail(), name: 'Outage', password: GOOD_PASSWORD },
        });
      expect((await register()).statusCode).toBe(201);
      expect((await register()).statusCode).toBe(201);
      expectError(await register(), 429, 'RATE_LIMITED');
    } finally {
      await redis.start();
      await throttled.close();
    }
  });
  // @see issue 13, "Trust boundaries": a revocation broadcast that failed to publish is retried.
  it('retries a revocation broadcast that could not be published, so an instance still connected drops the session', async () => {
    const relay = await startRelay(redis.url);
    const prefix = 'gh-outage-retry:';
    // A reaches Redis through the relay; B directly. Both share one database.
    const a = await buildTestApp({ REDIS_URL: relay.url, REDIS_KEY_PREFIX: prefix });
    const b = await buildApp(
      loadConfig({
        ...TEST_ENV,
        DATABASE_URL: a.databaseUrl,
        DATA_DIR: a.dataDir,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix,
      }),
    );
    try {
      await until(async () => (await ready(a)).status === 200);
      const session = await signUp(a.app);
      const onB = async () =>
        (await b.inject({ method: 'GET', url: '/api/users/profile', headers: session.auth }))
          .statusCode;
      expect(await onB()).toBe(200); // B now holds the session in its live-session cache

      relay.cut(); // A alone loses Redis
      await until(async () => (await ready(a)).redis === 'down');
      const out = await a.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: session.auth,
      });
      expect(out.statusCode).toBe(200);
      const onA = await a.app.inject({
        method: 'GET',
        url: '/api/users/profile',
        headers: session.auth,
      });
      expect(onA.statusCode).toBe(401); // invalidated locally at once
      expect(await onB()).toBe(200); // B, still connected, has not heard of it yet

      relay.restore();
      // Well before B's cache entry would expire by itself (30 s after it was read).
      await until(async () => (await onB()) === 401, 8000);
    } finally {
      await b.close();
      await a.close();
      await relay.close();
    }
  });
});
