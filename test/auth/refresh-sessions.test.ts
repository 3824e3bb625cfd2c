import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectError, signUp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ REFRESH_REUSE_GRACE_SECONDS: '2' });
});
afterAll(async () => {
  await t.close();
});

const refresh = (refreshToken: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh-token',
    payload: { refresh_token: refreshToken, ...extra },
  });
const profile = (token: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/users/profile',
    headers: { authorization: `Bearer ${token}` },
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('POST /api/auth/refresh-token', () => {
  it('rotates: a new refresh token and a working access token', async () => {
    const me = await signUp(t.app);
    const res = await refresh(me.refreshToken);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.refresh_token).not.toBe(me.refreshToken);
    expect(data.token_type).toBe('Bearer');
    expect(data.user.id).toBe(me.id);
    expect((await profile(data.access_token)).statusCode).toBe(200);
  });

  it('stores refresh tokens only as hashes', async () => {
    const me = await signUp(t.app);
    const rows = await t.app.ctx.database.db
      .selectFrom('refresh_tokens')
      .select('token_hash')
      .execute();
    for (const row of rows) expect(row.token_hash.toString('utf8')).not.toContain(me.refreshToken);
    expect(rows.every((r) => r.token_hash.length === 32)).toBe(true);
  });

  it('gives all 10 parallel presentations of one token the same successor', async () => {
    const me = await signUp(t.app);
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(me.refreshToken)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const successors = new Set(results.map((r) => r.json().data.refresh_token));
    expect(successors.size).toBe(1);
    // The family did not fork: the presented token and exactly one successor, in one session.
    const rows = await t.app.ctx.database.db
      .selectFrom('refresh_tokens')
      .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
      .select(['refresh_tokens.session_id', 'refresh_tokens.parent_id'])
      .where('sessions.user_id', '=', me.id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1);
    expect(rows.filter((r) => r.parent_id !== null)).toHaveLength(1);
    const [successor] = successors;
    expect((await refresh(successor!)).statusCode).toBe(200);
  });

  it('replays the same successor within the grace window, then treats reuse as theft and ends the session', async () => {
    const me = await signUp(t.app);
    const first = await refresh(me.refreshToken);
    const again = await refresh(me.refreshToken);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.refresh_token).toBe(first.json().data.refresh_token);
    const newest = first.json().data.refresh_token as string;
    const newestAccess = first.json().data.access_token as string;

    await sleep(2300);
    expectError(await refresh(me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    // Every token of the family is dead, the newest included, and so are its access tokens.
    expectError(await refresh(newest), 401, 'INVALID_REFRESH_TOKEN');
    expectError(await profile(newestAccess), 401, 'UNAUTHENTICATED');
    expectError(await profile(me.accessToken), 401, 'UNAUTHENTICATED');
    const audit = await t.app.ctx.database.db
      .selectFrom('audit_events')
      .select('type')
      .where('user_id', '=', me.id)
      .execute();
    expect(audit.map((a) => a.type)).toContain('refresh_token.reuse_detected');
  });

  it('refuses unknown, empty and expired tokens', async () => {
    expectError(await refresh('not-a-real-token'), 401, 'INVALID_REFRESH_TOKEN');
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/refresh-token', payload: {} }),
      401,
      'INVALID_REFRESH_TOKEN',
    );
    const me = await signUp(t.app);
    await t.app.ctx.database.db
      .updateTable('refresh_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expectError(await refresh(me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('accepts the HttpOnly cookie with transport "cookie" and leaves the token out of the body', async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      payload: { transport: 'cookie' },
      cookies: { gh_refresh: me.refreshToken },
      headers: { origin: 'http://localhost:3000' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.refresh_token).toBeUndefined();
    expect(String(res.headers['set-cookie'])).toMatch(/gh_refresh=[^;]+;/);
  });

  it('refuses a cookie refresh from a foreign origin (CSRF)', async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      cookies: { gh_refresh: me.refreshToken },
      headers: { origin: 'https://evil.example' },
    });
    expectError(res, 403, 'ORIGIN_NOT_ALLOWED');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      cookies: { gh_refresh: me.refreshToken },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectError(crossSite, 403, 'ORIGIN_NOT_ALLOWED');
    // The token was not spent by the refused attempts.
    expect((await refresh(me.refreshToken)).statusCode).toBe(200);
  });
});

describe('logout and sessions', () => {
  it('logout ends the session on the very next request and kills its refresh token', async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: me.auth });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/gh_refresh=;/);
    expectError(await profile(me.accessToken), 401, 'UNAUTHENTICATED');
    expectError(await refresh(me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: me.auth }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('logout accepts an optional refresh_token body and an empty JSON body', async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...me.auth, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    const other = await signUp(t.app);
    const withBody = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: other.auth,
      payload: { refresh_token: other.refreshToken },
    });
    expect(withBody.statusCode, withBody.body).toBe(200);
  });

  it("lists the caller's live sessions with exactly one current", async () => {
    const me = await signUp(t.app);
    const { login } = await import('../helpers/app.js');
    await login(t.app, me.email, me.password, { 'user-agent': 'Second Device/1.0' });
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: me.auth });
    expect(res.statusCode).toBe(200);
    const items = res.json().data;
    expect(items).toHaveLength(2);
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(items[0].current).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual([
      'created_at',
      'current',
      'id',
      'ip',
      'last_used_at',
      'user_agent',
    ]);
    expect(items.map((s: { user_agent: string }) => s.user_agent)).toContain('Second Device/1.0');
  });

  it("revokes one own session; another user's session answers 404 and survives", async () => {
    const me = await signUp(t.app);
    const { login } = await import('../helpers/app.js');
    const second = await login(t.app, me.email, me.password);
    const stranger = await signUp(t.app);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: me.auth })
    ).json().data;
    const other = list.find((s: { current: boolean }) => !s.current);
    const strangerSessions = (
      await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: stranger.auth })
    ).json().data;

    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${strangerSessions[0].id}`,
        headers: me.auth,
      }),
      404,
      'SESSION_NOT_FOUND',
    );
    expect((await profile(stranger.accessToken)).statusCode).toBe(200);

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: me.auth,
    });
    expect(res.statusCode).toBe(200);
    expectError(await profile(second.accessToken), 401, 'UNAUTHENTICATED');
    expect((await profile(me.accessToken)).statusCode).toBe(200);
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${other.id}`,
        headers: me.auth,
      }),
      404,
      'SESSION_NOT_FOUND',
    );
    expectError(
      await t.app.inject({ method: 'DELETE', url: '/api/auth/sessions/abc', headers: me.auth }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('signs out everywhere else, keeping the current session', async () => {
    const me = await signUp(t.app);
    const { login } = await import('../helpers/app.js');
    const b = await login(t.app, me.email, me.password);
    const c = await login(t.app, me.email, me.password);
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/auth/sessions',
      headers: me.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.revoked).toBe(2);
    expectError(await profile(b.accessToken), 401, 'UNAUTHENTICATED');
    expectError(await profile(c.accessToken), 401, 'UNAUTHENTICATED');
    expect((await profile(me.accessToken)).statusCode).toBe(200);
    expectError(await refresh(b.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });
});
