/**
 * Checklist: "Authentication bypass attempts blocked".
 * Every route the app serves (enumerated from the app itself) is called without a token, with
 * malformed Authorization headers and with every kind of forged access token.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { login, type SignedIn } from '../helpers/app.js';
import { expectSafeResponse } from './support/leaks.js';
import { newUser, requestFor, securityFixture, sessionIdOf } from './support/fixture.js';
import { isPublic, PUBLIC_ROUTES } from './support/routes.js';
import { forgedTokens, malformedAuthorizations } from './support/tokens.js';

const f = await securityFixture();
afterAll(() => f.t.close());
const protectedRoutes = f.routes.filter((r) => !isPublic(r));
let victim: SignedIn | null = null;
const victimUser = async () => (victim ??= await newUser(f.app));

describe('route inventory', () => {
  it('finds the routes of the running app and prints them', () => {
    console.log(
      `security suite covers ${f.routes.length} routes:\n` +
        f.routes.map((r) => `  ${isPublic(r) ? 'public   ' : 'protected'} ${r.key}`).join('\n'),
    );
    expect(f.routes.map((r) => r.key)).toContain('POST /api/auth/login');
    expect(protectedRoutes.length).toBeGreaterThan(0);
  });

  it('declares bearerAuth in the OpenAPI document on exactly the protected routes', () => {
    const mismatched = f.routes
      .filter((r) => r.documented && r.declaresBearer === isPublic(r))
      .map((r) => r.key);
    expect(mismatched).toEqual([]);
  });

  it('documents every /api route in the OpenAPI document', () => {
    const undocumented = f.routes
      .filter((r) => r.url.startsWith('/api/') && !r.documented && !PUBLIC_ROUTES.has(r.key))
      .map((r) => r.key);
    expect(undocumented).toEqual([]);
  });
});

describe.each(protectedRoutes.map((r) => [r.key, r] as const))('%s', (_key, route) => {
  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const me = await victimUser();
    const res = await f.app.inject(requestFor(route, me.id));
    expectSafeResponse(res, route.key);
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to malformed Authorization headers and to a token in the query string', async () => {
    const me = await victimUser();
    for (const [kind, authorization] of Object.entries(malformedAuthorizations(me.accessToken))) {
      const res = await f.app.inject(requestFor(route, me.id, { authorization }));
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(401);
      expectSafeResponse(res, kind);
    }
    const req = requestFor(route, me.id);
    const res = await f.app.inject({ ...req, url: `${req.url}?access_token=${me.accessToken}` });
    expect([400, 401], res.body).toContain(res.statusCode);
  });

  it('answers 401 to every forged token kind, and accepts the genuine and control tokens', async () => {
    const me = await newUser(f.app);
    const admin = f.admin;
    const { control, ...forged } = await forgedTokens(f.app, me.accessToken, {
      userId: admin.id,
      sessionId: sessionIdOf(admin),
    });
    const outcomes: string[] = [];
    for (const [kind, token] of Object.entries(forged)) {
      const res = await f.app.inject(
        requestFor(route, me.id, { authorization: `Bearer ${token}` }),
      );
      expectSafeResponse(res, kind);
      if (res.statusCode !== 401) outcomes.push(`${kind} → ${res.statusCode}`);
    }
    expect(outcomes).toEqual([]);
    // Last, because logout and revocation end the session the control token belongs to.
    const ok = await f.app.inject(
      requestFor(route, me.id, { authorization: `Bearer ${control!}` }),
    );
    expect(ok.statusCode, `${route.key} with the control token: ${ok.body}`).not.toBe(401);
  });
});

describe('tokens after the session ends', () => {
  it('answers 401 on the very next request after logout, for every protected route', async () => {
    const me = await newUser(f.app);
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: me.auth,
    });
    expect(out.statusCode).toBe(200);
    for (const route of protectedRoutes) {
      const res = await f.app.inject(requestFor(route, me.id, me.auth));
      expect(res.statusCode, `${route.key}: ${res.body}`).toBe(401);
    }
  });

  it('answers 401 when the session was revoked from another session', async () => {
    const first = await newUser(f.app);
    const second = await login(f.app, first.email, first.password);
    const res = await f.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${sessionIdOf(first)}`,
      headers: second.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await f.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: first.auth,
    });
    expect(after.statusCode).toBe(401);
  });
});
