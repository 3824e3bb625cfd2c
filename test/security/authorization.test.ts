/**
 * Checklist: "Authorization escalation prevented".
 * Admin-only routes as a plain user, IDOR across users on every `:id` route (enumerated from the
 * app), and mass assignment of role, id, email_verified and timestamps.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail, type SignedIn } from '../helpers/app.js';
import { expectSafeResponse } from './support/leaks.js';
import { newUser, securityFixture, sessionIdOf } from './support/fixture.js';
import { fillIds, hasId, isAdminOnly, sampleBody, type RouteInfo } from './support/routes.js';

const f = await securityFixture();
afterAll(() => f.t.close());
const adminOnly = f.routes.filter(isAdminOnly);
const idRoutes = f.routes.filter(hasId);
const routeByKey = (key: string) => f.routes.find((r) => r.key === key);

function requestAs(route: RouteInfo, caller: SignedIn, target: SignedIn, body?: object) {
  const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && route.body;
  return {
    method: route.method as 'GET',
    url: fillIds(route.url, { user: target.id, session: sessionIdOf(target) }),
    headers: caller.auth,
    ...(withBody ? { payload: body ?? sampleBody(route.body, () => uniqueEmail('idor')) } : {}),
  };
}

/** Everything about a user another user must not be able to change. */
async function snapshot(user: SignedIn) {
  const db = f.app.ctx.database.db;
  const row = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst();
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'revoked_at'])
    .where('user_id', '=', user.id)
    .orderBy('id')
    .execute();
  return { row, sessions };
}

describe('admin-only routes as a plain user', () => {
  it('lists the admin-only routes', () => {
    // The sweep below must have something to sweep.
    expect(adminOnly.map((r) => r.key)).toContain('GET /api/users');
  });

  it.each(adminOnly.map((r) => [r.key, r] as const))(
    '%s answers 403 to a user',
    async (_k, route) => {
      const user = await newUser(f.app);
      const res = await f.app.inject(requestAs(route, user, user));
      expectSafeResponse(res, route.key);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      const asAdmin = await f.app.inject(requestAs(route, f.admin, f.admin));
      expect([401, 403], `${route.key} as admin: ${asAdmin.body}`).not.toContain(
        asAdmin.statusCode,
      );
    },
  );
});

describe('IDOR: a user acting on another user\u2019s :id', () => {
  it.each(idRoutes.map((r) => [r.key, r] as const))(
    '%s answers 403 or 404 and changes nothing',
    async (_k, route) => {
      const mallory = await newUser(f.app, 'Mallory');
      const alice = await newUser(f.app, 'Alice');
      const before = await snapshot(alice);
      const res = await f.app.inject(requestAs(route, mallory, alice));
      expectSafeResponse(res, route.key);
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(res.body).not.toContain(alice.email);
      expect(await snapshot(alice)).toEqual(before);
      const still = await f.app.inject({
        method: 'GET',
        url: '/api/users/profile',
        headers: alice.auth,
      });
      expect(still.statusCode).toBe(200);
    },
  );

  it.each(idRoutes.map((r) => [r.key, r] as const))(
    '%s also refuses ids that are not positive integers (400/404, never 500)',
    async (_k, route) => {
      const user = await newUser(f.app);
      for (const bad of ['0', '-1', '1.5', 'abc', '1e3', '99999999999999999999', '%00', '..%2F1']) {
        const res = await f.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:\w+/g, bad),
          headers: user.auth,
          ...(route.body ? { payload: sampleBody(route.body, () => uniqueEmail('bad')) } : {}),
        });
        expectSafeResponse(res, `${route.key} with ${bad}`);
        expect([400, 403, 404], `${bad}: ${res.body}`).toContain(res.statusCode);
      }
    },
  );
});

describe('mass assignment', () => {
  const forbidden = {
    role: 'admin',
    id: 1,
    email_verified: true,
    created_at: '2000-01-01T00:00:00Z',
    updated_at: '2000-01-01T00:00:00Z',
    last_login_at: '2000-01-01T00:00:00Z',
    password_hash: '$2b$04$abcdefghijklmnopqrstuuS9M0Bf1yq7dVxGk3FtKpQO8D1VqUPhe',
  };

  it('register ignores role, id, email_verified, timestamps and password_hash', async () => {
    const email = uniqueEmail('mass');
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, name: 'Mass', password: GOOD_PASSWORD, ...forbidden },
    });
    expect([201, 400], res.body).toContain(res.statusCode);
    if (res.statusCode !== 201) return;
    const row = await f.app.ctx.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', res.json().data.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('user');
    expect(row.id).not.toBe(1);
    expect(row.email_verified).toBe(false);
    expect(row.created_at.getFullYear()).toBeGreaterThan(2020);
    expect(row.last_login_at).toBeNull();
    expect(row.password_hash).not.toBe(forbidden.password_hash);
  });

  const update = routeByKey('PUT /api/users/:id') ?? routeByKey('PATCH /api/users/:id');

  it.runIf(update)(
    'a user sending role to their own record gets 403 and stays a user',
    async () => {
      const user = await newUser(f.app);
      const res = await f.app.inject(requestAs(update!, user, user, { role: 'admin' }));
      expectSafeResponse(res, 'self-promotion');
      expect(res.statusCode, res.body).toBe(403);
      const profile = await f.app.inject({
        method: 'GET',
        url: '/api/users/profile',
        headers: user.auth,
      });
      expect(profile.json().data.role).toBe('user');
    },
  );

  it.runIf(update)(
    'id, email_verified, timestamps and password_hash cannot be set through an update',
    async () => {
      const user = await newUser(f.app);
      const before = await snapshot(user);
      const { role: _role, ...rest } = forbidden;
      const res = await f.app.inject(requestAs(update!, user, user, rest));
      expectSafeResponse(res, 'mass assignment on update');
      const after = await snapshot(user);
      expect(after.row?.id).toBe(user.id);
      expect(after.row?.email_verified).toBe(before.row?.email_verified);
      expect(after.row?.created_at).toEqual(before.row?.created_at);
      expect(after.row?.password_hash).toBe(before.row?.password_hash);
      expect(after.row?.role).toBe('user');
    },
  );

  it.runIf(update)('a demoted admin loses admin rights on the very next request', async () => {
    const list = routeByKey('GET /api/users');
    const promoted = await newUser(f.app);
    const up = await f.app.inject(requestAs(update!, f.admin, promoted, { role: 'admin' }));
    expect(up.statusCode, up.body).toBe(200);
    const down = await f.app.inject(requestAs(update!, f.admin, promoted, { role: 'user' }));
    expect(down.statusCode, down.body).toBe(200);
    if (list) {
      const res = await f.app.inject({ method: 'GET', url: '/api/users', headers: promoted.auth });
      expect(res.statusCode, res.body).toBe(403);
    }
  });
});
