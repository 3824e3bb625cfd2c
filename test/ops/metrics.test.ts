import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp, login, registerUser, type TestApp } from '../helpers/app.js';
import { parseMetrics, query } from './helpers.js';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

async function scrape(app: App, token?: string) {
  const res = await app.inject({
    url: '/metrics',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { res, samples: parseMetrics(res.body) };
}

describe('/metrics after traffic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `gh-metrics-${process.pid}-${Date.now()}:`,
    });
  });
  afterAll(() => t.close());

  it('moves the request, login, refresh, revocation, hashing and database figures', async () => {
    const { app } = t;
    const { res: first, samples: before } = await scrape(app);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const value = (m: Map<string, number>, key: string) => m.get(key) ?? 0;

    const user = await registerUser(app);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    const session = await login(app, user.email, user.password);
    const refresh = (refresh_token: string) =>
      app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: { refresh_token } });
    expect((await refresh(session.refreshToken)).statusCode).toBe(200); // rotated
    expect((await refresh(session.refreshToken)).statusCode).toBe(200); // replay within grace
    await query(
      t.databaseUrl,
      `update refresh_tokens set used_at = now() - interval '1 hour' where used_at is not null`,
    );
    expect((await refresh(session.refreshToken)).statusCode).toBe(401); // reuse: the session ends
    const other = await login(app, user.email, user.password);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: other.auth,
    });
    expect(logout.statusCode).toBe(200);
    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/auth/sessions/987654',
      headers: (await login(app, user.email, user.password)).auth,
    });
    expect(missing.statusCode).toBeGreaterThanOrEqual(400);

    const { res, samples: after } = await scrape(app);
    const moved = (key: string) => value(after, key) - value(before, key);

    // Requests by route template and status, never by raw URL.
    expect(moved('http_requests_total{method="POST",route="/api/auth/login",status="200"}')).toBe(
      3,
    );
    expect(moved('http_requests_total{method="POST",route="/api/auth/login",status="401"}')).toBe(
      1,
    );
    expect(
      moved('http_requests_total{method="POST",route="/api/auth/register",status="201"}'),
    ).toBe(1);
    expect(
      [...after.keys()].some((k) =>
        k.startsWith('http_requests_total{method="DELETE",route="/api/auth/sessions/:id"'),
      ),
    ).toBe(true);
    expect(res.body).not.toContain('987654');
    expect(
      moved(
        'http_request_duration_seconds_count{method="POST",route="/api/auth/login",status="200"}',
      ),
    ).toBe(3);
    expect(
      value(
        after,
        'http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/auth/login",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(3);

    // Login outcomes, refresh outcomes, revoked sessions.
    expect(moved('gatehouse_logins_total{outcome="success"}')).toBe(3);
    expect(moved('gatehouse_logins_total{outcome="wrong_credentials"}')).toBe(1);
    expect(moved('gatehouse_refresh_total{outcome="rotated"}')).toBe(1);
    expect(moved('gatehouse_refresh_total{outcome="grace_replay"}')).toBe(1);
    expect(moved('gatehouse_refresh_total{outcome="reuse_detected"}')).toBe(1);
    expect(moved('gatehouse_sessions_revoked_total')).toBeGreaterThanOrEqual(2);

    // Password hashing, database pool and queries, Redis, the event loop.
    expect(moved('gatehouse_password_hash_wait_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(after.has('gatehouse_password_hash_queue_length')).toBe(true);
    expect(after.has('gatehouse_password_hash_running')).toBe(true);
    expect(value(after, 'gatehouse_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(after.has('gatehouse_db_pool_connections{state="idle"}')).toBe(true);
    expect(value(after, 'gatehouse_db_pool_connections{state="waiting"}')).toBe(0);
    expect(moved('gatehouse_db_query_duration_seconds_count')).toBeGreaterThan(10);
    expect(value(after, 'gatehouse_redis_up')).toBe(1);
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(after.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expect(after.has('process_resident_memory_bytes')).toBe(true);
  });
});

describe('/metrics under login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: '2',
      RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: '100',
    });
  });
  afterAll(() => t.close());

  it('counts refused logins as limited, and their 429s by route', async () => {
    const user = await registerUser(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: `wrong password ${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
    const { samples } = await scrape(t.app);
    expect(samples.get('gatehouse_logins_total{outcome="limited"}')).toBe(
      statuses.filter((s) => s === 429).length,
    );
    expect(
      samples.get('http_requests_total{method="POST",route="/api/auth/login",status="429"}'),
    ).toBe(statuses.filter((s) => s === 429).length);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('refuses a scrape without the token or with a wrong one', async () => {
    for (const token of [
      undefined,
      'wrong-token-0123456789abcdef',
      `${METRICS_TOKEN}x`,
      METRICS_TOKEN.slice(1),
    ]) {
      const { res } = await scrape(t.app, token);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).not.toContain('http_requests_total');
    }
    const basic = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` },
    });
    expect(basic.statusCode).toBe(401);
  });

  it('serves the metrics with the Bearer token', async () => {
    const { res, samples } = await scrape(t.app, METRICS_TOKEN);
    expect(res.statusCode).toBe(200);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    // Without Redis configured the Redis gauge stays absent rather than claiming an outage.
    expect(res.body).not.toMatch(/^gatehouse_redis_up /m);
  });
});
