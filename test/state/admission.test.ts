import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail } from '../helpers/app.js';
import { startServer } from '../helpers/server.js';

const BURST = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/**
 * A login storm against real bcrypt (cost 10, one hash at a time, 200 ms budget): what the queue
 * cannot hash within the budget is shed with 503 + Retry-After, and authenticated reads stay served.
 */
describe('password-hash admission control under a login storm', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let email: string;
  let accessToken: string;

  beforeAll(async () => {
    server = await startServer({
      BCRYPT_COST: '10',
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_MAX_WAIT_MS: '200',
    });
    email = uniqueEmail('storm');
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post('/api/auth/register', { email, name: 'Storm', password: GOOD_PASSWORD })).status,
    ).toBe(201);
    const res = await post('/api/auth/login', { email, password: GOOD_PASSWORD });
    accessToken = (await res.json()).data.access_token;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sheds the excess with 503 + Retry-After and keeps GET /api/users/profile fast', async () => {
    const storm = Array.from({ length: BURST }, async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: GOOD_PASSWORD }),
      });
      const body = await res.json();
      return {
        status: res.status,
        code: body.code as string | undefined,
        retryAfter: res.headers.get('retry-after'),
        ms: performance.now() - started,
      };
    });

    // Profile reads, one after another, for as long as the storm lasts.
    let stormOver = false;
    const allLogins = Promise.all(storm).finally(() => (stormOver = true));
    const profileMs: number[] = [];
    const profileStatuses = new Set<number>();
    while (!stormOver) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/users/profile`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await res.arrayBuffer();
      profileStatuses.add(res.status);
      profileMs.push(performance.now() - started);
    }
    const logins = await allLogins;

    const shed = logins.filter((l) => l.status === 503);
    const served = logins.filter((l) => l.status === 200);
    expect(shed.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    expect(shed.length + served.length).toBe(BURST);
    for (const l of shed) {
      expect(l.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(l.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect([...profileStatuses]).toEqual([200]);
    expect(profileMs.length).toBeGreaterThan(0);

    console.log(
      `login storm of ${BURST}: ${served.length} served (p50 ${percentile(
        served.map((l) => l.ms),
        50,
      ).toFixed(0)} ms, ` +
        `max ${percentile(
          served.map((l) => l.ms),
          100,
        ).toFixed(0)} ms), ${shed.length} shed with 503 ` +
        `(p50 ${percentile(
          shed.map((l) => l.ms),
          50,
        ).toFixed(0)} ms, Retry-After ${shed[0]?.retryAfter} s); ` +
        `${profileMs.length} profile reads meanwhile: p50 ${percentile(profileMs, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(profileMs, 99).toFixed(1)} ms, max ${percentile(profileMs, 100).toFixed(1)} ms`,
    );
  });
});
