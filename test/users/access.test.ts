import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, signUp, type SignedIn, type TestApp } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from './helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
let alice: SignedIn;
let bob: SignedIn;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
  alice = await signUp(t.app, { name: 'Alice' });
  bob = await signUp(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'PUT' | 'DELETE';
const idRoutes: Array<[Method, (id: number | string) => string, Record<string, unknown>?]> = [
  ['GET', (id) => `/api/users/${id}`],
  ['PUT', (id) => `/api/users/${id}`, { name: 'Mallory' }],
  ['DELETE', (id) => `/api/users/${id}`, { current_password: 'whatever it is' }],
  ['GET', (id) => `/api/users/${id}/export`],
  ['GET', (id) => `/api/users/${id}/audit`],
];

describe('every /api/users/:id route', () => {
  it.each(idRoutes)('%s %s answers 401 without a token', async (method, url, payload) => {
    const res = await t.app.inject({ method, url: url(alice.id), payload });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it.each(idRoutes)(
    '%s %s refuses another user’s id with 403 (IDOR)',
    async (method, url, payload) => {
      const res = await t.app.inject({ method, url: url(bob.id), payload, headers: alice.auth });
      expectError(res, 403, 'FORBIDDEN');
      // Bob is untouched and still signed in.
      const rows = await query(t, 'select name from users where id = $1', [bob.id]);
      expect(rows).toEqual([{ name: 'Bob' }]);
      const profile = await t.app.inject({ url: '/api/users/profile', headers: bob.auth });
      expect(profile.statusCode).toBe(200);
    },
  );

  it.each(idRoutes)(
    '%s %s answers 404 USER_NOT_FOUND for an unknown id',
    async (method, url, payload) => {
      for (const id of [999999, 2147483647, 9999999999]) {
        const res = await t.app.inject({ method, url: url(id), payload, headers: admin.auth });
        expectError(res, 404, 'USER_NOT_FOUND');
      }
      const asUser = await t.app.inject({ method, url: url(999999), payload, headers: alice.auth });
      expectError(asUser, 404, 'USER_NOT_FOUND');
    },
  );

  it.each(idRoutes)(
    '%s %s answers 400 for a non-numeric id, never 500',
    async (method, url, payload) => {
      for (const id of ['abc', '-1', '1.5', '1e3', '%20', '0x10', '99999999999999999999']) {
        const res = await t.app.inject({ method, url: url(id), payload, headers: admin.auth });
        expect(res.statusCode, `${method} ${url(id)}: ${res.body}`).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
    },
  );

  it('answers 404 for id 0 (no such user)', async () => {
    expectError(
      await t.app.inject({ url: '/api/users/0', headers: admin.auth }),
      404,
      'USER_NOT_FOUND',
    );
  });

  it('lets users read their own record and admins read anyone', async () => {
    const own = await t.app.inject({ url: `/api/users/${alice.id}`, headers: alice.auth });
    expect(own.statusCode).toBe(200);
    expect(own.json().data).toMatchObject({ id: alice.id, name: 'Alice', role: 'user' });
    expect(own.body).not.toMatch(/password|hash/);
    const byAdmin = await t.app.inject({ url: `/api/users/${bob.id}`, headers: admin.auth });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().data).toMatchObject({ id: bob.id, name: 'Bob' });
  });
});

describe('GET /api/users', () => {
  it('answers 401 without a token and 403 to a non-admin', async () => {
    expectError(await t.app.inject({ url: '/api/users' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ url: '/api/users', headers: alice.auth }), 403, 'FORBIDDEN');
    // Refused before the query is even validated: no information from a 400.
    const bad = await t.app.inject({ url: '/api/users?limit=abc', headers: alice.auth });
    expectError(bad, 403, 'FORBIDDEN');
  });

  it('lists users for an admin', async () => {
    const res = await t.app.inject({ url: '/api/users', headers: admin.auth });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ page: 1, limit: 20, total: 3 });
    expect(data.items.map((u: { id: number }) => u.id).sort()).toEqual(
      [admin.id, alice.id, bob.id].sort(),
    );
    expect(res.body).not.toMatch(/password|hash/);
  });
});

describe('OpenAPI', () => {
  it('documents every Users route', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(Object.keys(paths['/api/users/{id}']).sort()).toEqual(['delete', 'get', 'put']);
    for (const p of [
      '/api/users',
      '/api/users/profile',
      '/api/users/{id}/export',
      '/api/users/{id}/audit',
    ])
      expect(paths[p]?.get, p).toBeTruthy();
  });
});
