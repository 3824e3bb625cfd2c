import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupPolicy, runCleanup } from '../../src/ops/cleanup.js';
import { buildTestApp, expectError, signUp, type SignedIn, type TestApp } from '../helpers/app.js';
import { query } from '../users/helpers.js';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  // Sliding refresh expiry of 30 days, absolute lifetime of 10: a session used every day would
  // otherwise live forever.
  t = await buildTestApp({
    REFRESH_TOKEN_TTL_SECONDS: String(30 * 86_400),
    SESSION_MAX_LIFETIME_DAYS: '10',
    SESSION_RETENTION_DAYS: '7',
  });
});
afterAll(() => t.close());

const refresh = (refreshToken: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh-token',
    payload: { refresh_token: refreshToken },
  });

/** The user's one session and its refresh tokens' expiry, as the database has them. */
async function session(user: SignedIn) {
  const [row] = await query<{ id: number; created_at: Date; expires_at: Date }>(
    t,
    'select id, created_at, expires_at from sessions where user_id = $1',
    [user.id],
  );
  const tokens = await query<{ expires_at: Date }>(
    t,
    'select expires_at from refresh_tokens where session_id = $1',
    [row!.id],
  );
  return { ...row!, tokenExpiry: tokens.map((r) => r.expires_at.getTime()) };
}

/** Moves the session's sign-in (and the expiry it and its token got then) into the past. */
async function signedInDaysAgo(user: SignedIn, days: number) {
  await query(
    t,
    `update sessions set created_at = created_at - make_interval(days => $2),
                         expires_at = expires_at - make_interval(days => $2)
      where user_id = $1`,
    [user.id, days],
  );
  await query(
    t,
    `update refresh_tokens set expires_at = expires_at - make_interval(days => $2)
      where session_id in (select id from sessions where user_id = $1)`,
    [user.id, days],
  );
}
/** Rows written before the cap (or a later cut of the setting) may still run far ahead. */
const expiringInDays = (user: SignedIn, days: number) =>
  query(
    t,
    `update sessions set expires_at = now() + make_interval(days => $2) where user_id = $1`,
    [user.id, days],
  );

/** @see issue 13, "Races and lifecycles": sessions had only a sliding expiry. */
describe('SESSION_MAX_LIFETIME_DAYS', () => {
  it('caps the session and refresh-token expiry at sign-in + the lifetime, however often it is refreshed', async () => {
    const user = await signUp(t.app);
    const started = await session(user);
    const limit = started.created_at.getTime() + 10 * DAY;
    expect(started.expires_at.getTime()).toBeLessThanOrEqual(limit + 1000);
    await signedInDaysAgo(user, 5);
    const res = await refresh(user.refreshToken);
    expect(res.statusCode, res.body).toBe(200);
    const after = await session(user);
    const newLimit = after.created_at.getTime() + 10 * DAY;
    expect(after.expires_at.getTime()).toBeLessThanOrEqual(newLimit + 1000);
    for (const expiry of after.tokenExpiry) expect(expiry).toBeLessThanOrEqual(newLimit + 1000);
  });

  it('refuses a refresh once the lifetime is over (401), even with a fresh token', async () => {
    const user = await signUp(t.app);
    await signedInDaysAgo(user, 11);
    await expiringInDays(user, 20);
    expectError(await refresh(user.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('is removed by cleanup once over the lifetime plus the retention', async () => {
    const over = await signUp(t.app);
    const recent = await signUp(t.app);
    await signedInDaysAgo(over, 18);
    await signedInDaysAgo(recent, 16); // ended 6 days ago: still kept
    await expiringInDays(over, 20);
    await expiringInDays(recent, 20);
    await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config));
    const left = await query<{ user_id: number }>(
      t,
      'select user_id from sessions where user_id = any($1)',
      [[over.id, recent.id]],
    );
    expect(left.map((r) => r.user_id)).toEqual([recent.id]);
  });
});
