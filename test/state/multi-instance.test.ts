import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { startInstance, startRedisServer, type Instance, type RedisServer } from './processes.js';

const ACCOUNT_MAX = 4;
const GLOBAL_MAX = 40;
const ADMIN = {
  email: uniqueEmail('admin'),
  password: 'admin password for the multi-instance test',
};

let addressCounter = 0;
/** Every request names its client address (TRUST_PROXY=true), so tests never share counters. */
const newAddress = () => `203.0.113.${++addressCounter}`;

interface CallOptions {
  body?: unknown;
  token?: string;
  address?: string;
}
async function call(instance: Instance, method: string, url: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { 'x-forwarded-for': options.address ?? newAddress() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${instance.url}${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

/**
 * Two real server processes on different ports share one PostgreSQL database and one Redis
 * (a private redis-server this test starts, stops and restarts).
 */
describe('two instances behind one load balancer', () => {
  let redis: RedisServer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let a: Instance;
  let b: Instance;

  const signIn = async (instance: Instance, email: string, password = GOOD_PASSWORD) => {
    const res = await call(instance, 'POST', '/api/auth/login', { body: { email, password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data as { access_token: string; user: { id: number } };
  };
  const newUser = async () => {
    const email = uniqueEmail('multi');
    const res = await call(a, 'POST', '/api/auth/register', {
      body: { email, name: 'Multi', password: GOOD_PASSWORD },
    });
    expect(res.status).toBe(201);
    return email;
  };
  const profile = (instance: Instance, token: string) =>
    call(instance, 'GET', '/api/users/profile', { token });

  beforeAll(async () => {
    redis = await startRedisServer();
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-multi-'));
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `gh-multi:${randomBytes(4).toString('hex')}:`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: String(ACCOUNT_MAX),
      RATE_LIMIT_GLOBAL_PER_MINUTE: String(GLOBAL_MAX),
    };
    [a, b] = await Promise.all([
      startInstance({ ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }),
      startInstance(env),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('logout on A answers 401 on B as soon as the invalidation is delivered', async () => {
    const session = await signIn(a, await newUser());
    expect((await profile(b, session.access_token)).status).toBe(200); // now cached on B
    expect(
      (await call(a, 'POST', '/api/auth/logout', { token: session.access_token })).status,
    ).toBe(200);
    // The message reaches B through Redis pub/sub, in parallel with the next HTTP request: on a
    // loaded machine B may read the request first. Delivery is sub-millisecond; allow 1 s.
    const started = Date.now();
    let status = (await profile(b, session.access_token)).status;
    while (status === 200 && Date.now() - started < 1000) {
      await new Promise((r) => setTimeout(r, 5));
      status = (await profile(b, session.access_token)).status;
    }
    expect(status).toBe(401);
  });

  it('a session revoked on A answers 401 on B at once', async () => {
    const email = await newUser();
    const first = await signIn(a, email);
    const second = await signIn(b, email);
    expect((await profile(b, second.access_token)).status).toBe(200);
    const list = await call(a, 'GET', '/api/auth/sessions', { token: first.access_token });
    const other = (list.body.data as Array<{ id: number; current: boolean }>).find(
      (s) => !s.current,
    )!;
    expect(
      (await call(a, 'DELETE', `/api/auth/sessions/${other.id}`, { token: first.access_token }))
        .status,
    ).toBe(200);
    expect((await profile(b, second.access_token)).status).toBe(401);
    expect((await profile(b, first.access_token)).status).toBe(200);
  });

  it('a role change on A applies to the next request on B', async () => {
    const admin = await signIn(a, ADMIN.email, ADMIN.password);
    const user = await signIn(a, await newUser());
    expect((await call(b, 'GET', '/api/users', { token: user.access_token })).status).toBe(403);
    const promote = await call(a, 'PUT', `/api/users/${user.user.id}`, {
      token: admin.access_token,
      body: { role: 'admin' },
    });
    expect(promote.status, JSON.stringify(promote.body)).toBe(200);
    expect((await call(b, 'GET', '/api/users', { token: user.access_token })).status).toBe(200);
    await call(a, 'PUT', `/api/users/${user.user.id}`, {
      token: admin.access_token,
      body: { role: 'user' },
    });
    expect((await call(b, 'GET', '/api/users', { token: user.access_token })).status).toBe(403);
  });

  it('failed logins on A and B add up to one limit, then 429 with Retry-After', async () => {
    const email = await newUser();
    for (let i = 0; i < ACCOUNT_MAX; i++) {
      const res = await call(i % 2 ? b : a, 'POST', '/api/auth/login', {
        body: { email, password: 'wrong password' },
      });
      expect(res.status).toBe(401);
    }
    const limited = await call(b, 'POST', '/api/auth/login', {
      body: { email, password: 'wrong password' },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await call(a, 'POST', '/api/auth/login', {
      body: { email, password: GOOD_PASSWORD },
    });
    expect(right.status).toBe(429);
  });

  it('the global per-address limit counts requests on both instances', async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 100); // stay in one window
    const address = newAddress();
    const half = GLOBAL_MAX / 2 + 5; // each instance alone stays under the limit, even with polls
    for (let i = 0; i < half; i++) {
      expect((await call(a, 'GET', '/api/users/profile', { address })).status).toBe(401);
      expect((await call(b, 'GET', '/api/users/profile', { address })).status).toBe(401);
    }
    // Within a couple of background syncs each instance learns the sum. At most 10 polls each
    // keeps every instance's own count under the limit, so a 429 proves the counts are shared.
    for (const instance of [a, b]) {
      let res = await call(instance, 'GET', '/api/users/profile', { address });
      for (let poll = 0; poll < 10 && res.status !== 429; poll++) {
        await sleep(500);
        res = await call(instance, 'GET', '/api/users/profile', { address });
      }
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('keeps serving through a Redis outage, reports it, and recovers by itself', async () => {
    const ready = async (instance: Instance) => {
      const res = await call(instance, 'GET', '/health/ready');
      return { status: res.status, redis: res.body.checks.redis as string };
    };
    const email = await newUser();
    expect(await ready(a)).toEqual({ status: 200, redis: 'up' });

    await redis.stop();
    await until(async () => (await ready(a)).redis === 'down' && (await ready(b)).redis === 'down');
    expect((await ready(b)).status).toBe(503);

    // Fail open: sign-in works; revocation still works (B's cache is bypassed while down).
    const session = await signIn(a, email);
    expect((await profile(b, session.access_token)).status).toBe(200);
    expect(
      (await call(a, 'POST', '/api/auth/logout', { token: session.access_token })).status,
    ).toBe(200);
    expect((await profile(b, session.access_token)).status).toBe(401);
    const metrics = await fetch(`${a.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/gatehouse_redis_up 0/);
    expect(metrics).toMatch(/gatehouse_shared_state_errors_total\{operation="login.check"\} [1-9]/);

    await redis.start();
    await until(async () => (await ready(a)).status === 200 && (await ready(b)).status === 200);

    // Invalidation through Redis works again, and so do the shared limits.
    const again = await signIn(a, email);
    expect((await profile(b, again.access_token)).status).toBe(200);
    expect((await call(a, 'POST', '/api/auth/logout', { token: again.access_token })).status).toBe(
      200,
    );
    expect((await profile(b, again.access_token)).status).toBe(401);
    for (let i = 0; i < ACCOUNT_MAX; i++)
      await call(i % 2 ? a : b, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } });
    expect(
      (await call(a, 'POST', '/api/auth/login', { body: { email, password: 'wrong' } })).status,
    ).toBe(429);

    // Logged once per outage, not once per request (info lines reach stdout within 250 ms).
    const messagesNow = () => a.logs().map((line) => String(line.msg));
    await until(async () => messagesNow().some((m) => m.startsWith('shared state is back')));
    const messages = messagesNow();
    expect(messages.filter((m) => m.startsWith('shared state unavailable'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('shared state is back'))).toHaveLength(1);
  });
});
