/**
 * Checklist: "Session security verified".
 * Refresh-token rotation, theft detection and the grace window; logout and revocation at once;
 * cookie attributes; the cookie CSRF guard; tokens stored only as hashes.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectError, login, signUp, type SignedIn } from '../helpers/app.js';
import type { App } from '../../src/http/types.js';
import { AUDIT_EVENTS } from '../../src/audit/events.js';

const GRACE_SECONDS = 2;
const t = await buildTestApp({ REFRESH_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) });
afterAll(() => t.close());

const refresh = (app: App, token: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/refresh-token',
    payload: { refresh_token: token },
    headers,
  });
const profile = (app: App, user: { auth: Record<string, string> }) =>
  app.inject({ method: 'GET', url: '/api/users/profile', headers: user.auth });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('refresh-token grace window (REFRESH_REUSE_GRACE_SECONDS)', () => {
  it('replays within the window answer 200 with the same successor, even when racing', async () => {
    const me = await signUp(t.app);
    const first = await refresh(t.app, me.refreshToken);
    expect(first.statusCode, first.body).toBe(200);
    const successor = first.json().data.refresh_token;
    expect(successor).not.toBe(me.refreshToken);
    const replays = await Promise.all(
      Array.from({ length: 8 }, () => refresh(t.app, me.refreshToken)),
    );
    for (const res of replays) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data.refresh_token).toBe(successor);
    }
    // The session did not fork: the successor still rotates normally.
    const next = await refresh(t.app, successor);
    expect(next.statusCode).toBe(200);
  });

  it('reuse after the window answers 401 and ends the whole session, newest tokens included', async () => {
    const me = await signUp(t.app);
    const other = await login(t.app, me.email, me.password);
    const first = await refresh(t.app, me.refreshToken);
    const successor = first.json().data.refresh_token;
    const newAccess = first.json().data.access_token;
    await sleep(GRACE_SECONDS * 1000 + 1200);
    expectError(await refresh(t.app, me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expectError(await refresh(t.app, successor), 401, 'INVALID_REFRESH_TOKEN');
    expect((await profile(t.app, { auth: bearer(newAccess) })).statusCode).toBe(401);
    expect((await profile(t.app, me)).statusCode).toBe(401);
    // Another login of the same user is a different session and lives on.
    expect((await profile(t.app, other)).statusCode).toBe(200);
    const audit = await t.app.ctx.database.db
      .selectFrom('audit_events')
      .select('type')
      .where('user_id', '=', me.id)
      .execute();
    expect(audit.map((a) => a.type)).toContain(AUDIT_EVENTS.REFRESH_REUSE_DETECTED);
  });

  it('theft: the attacker rotates first; the victim\u2019s late reuse ends the attacker\u2019s tokens too', async () => {
    const victim = await signUp(t.app);
    const stolen = victim.refreshToken;
    const attacker = await refresh(t.app, stolen);
    expect(attacker.statusCode).toBe(200);
    const attackerRefresh = attacker.json().data.refresh_token;
    const attackerAccess = attacker.json().data.access_token;
    await sleep(GRACE_SECONDS * 1000 + 1200);
    expectError(await refresh(t.app, stolen), 401, 'INVALID_REFRESH_TOKEN');
    expectError(await refresh(t.app, attackerRefresh), 401, 'INVALID_REFRESH_TOKEN');
    expect((await profile(t.app, { auth: bearer(attackerAccess) })).statusCode).toBe(401);
  });

  it('with the grace window off (0), any reuse ends the session at once', async () => {
    const strict = await buildTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    try {
      const me = await signUp(strict.app);
      const first = await refresh(strict.app, me.refreshToken);
      const successor = first.json().data.refresh_token;
      await sleep(1100);
      expectError(await refresh(strict.app, me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expectError(await refresh(strict.app, successor), 401, 'INVALID_REFRESH_TOKEN');
    } finally {
      await strict.close();
    }
  });

  it('refuses unknown, truncated and altered refresh tokens', async () => {
    const me = await signUp(t.app);
    const token = me.refreshToken;
    for (const bad of [`${token}x`, token.slice(0, -1), token.toUpperCase(), 'x'.repeat(43)]) {
      expectError(await refresh(t.app, bad), 401, 'INVALID_REFRESH_TOKEN');
    }
    expect((await profile(t.app, me)).statusCode).toBe(200);
  });
});

describe('ending sessions', () => {
  it('logout ends the access and the refresh token at once', async () => {
    const me = await signUp(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: me.auth });
    expect(out.statusCode).toBe(200);
    expect((await profile(t.app, me)).statusCode).toBe(401);
    expectError(await refresh(t.app, me.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('signing out other sessions ends them and keeps the current one', async () => {
    const me = await signUp(t.app);
    const laptop = await login(t.app, me.email, me.password);
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/auth/sessions',
      headers: me.auth,
    });
    expect(res.statusCode).toBe(200);
    expect((await profile(t.app, laptop)).statusCode).toBe(401);
    expectError(await refresh(t.app, laptop.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expect((await profile(t.app, me)).statusCode).toBe(200);
  });
});

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie'] ?? '');

async function cookieLogin(app: App, user: SignedIn, headers: Record<string, string> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password, transport: 'cookie' },
    headers,
  });
  expect(res.statusCode).toBe(200);
  const cookie = cookieOf(res);
  return { res, value: /gh_refresh=([^;]+)/.exec(cookie)![1]!, cookie };
}

describe('refresh cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to /api/auth, and left out of the body', async () => {
    const me = await signUp(t.app);
    const { res, cookie } = await cookieLogin(t.app, me);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(res.json().data.refresh_token).toBeUndefined();
  });

  it('is Secure over HTTPS behind a trusted proxy, and not when X-Forwarded-Proto is untrusted', async () => {
    const me = await signUp(t.app);
    const untrusted = await cookieLogin(t.app, me, { 'x-forwarded-proto': 'https' });
    expect(untrusted.cookie).not.toMatch(/Secure/);
    const proxied = await buildTestApp({ TRUST_PROXY: 'true' });
    try {
      const user = await signUp(proxied.app);
      const behind = await cookieLogin(proxied.app, user, { 'x-forwarded-proto': 'https' });
      expect(behind.cookie).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a cookie refresh with %s (CSRF) and keeps the session', async (_label, headers) => {
    const me = await signUp(t.app);
    const { value } = await cookieLogin(t.app, me);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      cookies: { gh_refresh: value },
      headers: headers as Record<string, string>,
    });
    expectError(res, 403, 'ORIGIN_NOT_ALLOWED');
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      cookies: { gh_refresh: value },
      headers: { origin: 'http://localhost:3000' },
    });
    expect(same.statusCode, same.body).toBe(200);
  });
});

/**
 * Over HTTPS the cookie is `__Host-` prefixed: browsers then only accept it with Secure, Path=/
 * and no Domain, from this very host, so a sibling subdomain cannot plant (or shadow) one.
 * @see issue 13, "Trust boundaries"
 */
describe('refresh cookie when APP_URL is https', () => {
  const origin = 'https://auth.example.com';

  it('is named __Host-gh_refresh with Path=/, Secure and no Domain; a plain gh_refresh is ignored', async () => {
    const https = await buildTestApp({ APP_URL: origin });
    try {
      const { cookie, value } = await cookieLogin(https.app, await signUp(https.app));
      expect(cookie).toMatch(/^__Host-gh_refresh=[^;]+;/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);

      // The old name (what a sibling subdomain could set) is not read over HTTPS.
      const planted = await https.app.inject({
        method: 'POST',
        url: '/api/auth/refresh-token',
        cookies: { gh_refresh: value },
        headers: { origin },
      });
      expectError(planted, 401, 'INVALID_REFRESH_TOKEN');

      const rotated = await https.app.inject({
        method: 'POST',
        url: '/api/auth/refresh-token',
        cookies: { '__Host-gh_refresh': value },
        headers: { origin },
      });
      expect(rotated.statusCode, rotated.body).toBe(200);
      expect(cookieOf(rotated)).toMatch(/^__Host-gh_refresh=[^;]+;.*Path=\/(;|$)/);

      const out = await https.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: bearer(rotated.json().data.access_token),
      });
      expect(cookieOf(out)).toMatch(/^__Host-gh_refresh=;.*Path=\/(;|$)/);
      expect(cookieOf(out)).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('keeps the plain gh_refresh name, scoped to /api/auth, over http', async () => {
    const { cookie } = await cookieLogin(t.app, await signUp(t.app));
    expect(cookie).toMatch(/^gh_refresh=[^;]+;.*Path=\/api\/auth/);
    expect(cookie).not.toMatch(/__Host-/);
  });
});

describe('storage', () => {
  it('stores refresh tokens only as SHA-256 hashes, never in plain text', async () => {
    const me = await signUp(t.app);
    const rows = await t.app.ctx.database.db
      .selectFrom('refresh_tokens')
      .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
      .select('refresh_tokens.token_hash')
      .where('sessions.user_id', '=', me.id)
      .execute();
    const expected = createHash('sha256').update(me.refreshToken).digest();
    expect(rows.some((r) => Buffer.compare(r.token_hash, expected) === 0)).toBe(true);
    expect(rows.every((r) => !r.token_hash.toString('utf8').includes(me.refreshToken))).toBe(true);
  });

  it('issues refresh tokens with at least 256 bits of randomness, unique per login', async () => {
    const me = await signUp(t.app);
    const again = await login(t.app, me.email, me.password);
    expect(Buffer.from(me.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(again.refreshToken).not.toBe(me.refreshToken);
  });
});
