import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  signUp,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { waitForLockWaiters } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { promoteInDatabase, query } from './helpers.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** A fresh app with exactly two admins, both signed in (promoted before their first login). */
async function twoAdmins(env: Record<string, string> = {}) {
  const t = await buildTestApp(env);
  apps.push(t);
  const a = await registerUser(t.app, { name: 'Admin A' });
  const b = await registerUser(t.app, { name: 'Admin B' });
  await promoteInDatabase(t, a.id);
  await promoteInDatabase(t, b.id);
  return {
    t,
    a: await login(t.app, a.email, a.password),
    b: await login(t.app, b.email, b.password),
  };
}

const setRole = (app: App, actor: SignedIn, target: { id: number }, role: string) =>
  app.inject({
    method: 'PUT',
    url: `/api/users/${target.id}`,
    headers: actor.auth,
    payload: { role },
  });
const remove = (app: App, actor: SignedIn, target: { id: number }, payload?: object) =>
  app.inject({ method: 'DELETE', url: `/api/users/${target.id}`, headers: actor.auth, payload });
const adminCount = async (t: TestApp) =>
  Number(
    (await query<{ n: string }>(t, `select count(*) as n from users where role = 'admin'`))[0]!.n,
  );

describe('role changes', () => {
  it('take effect on the very next request: promotion grants, demotion revokes at once', async () => {
    const { t, a } = await twoAdmins();
    const u = await signUp(t.app);
    expectError(await t.app.inject({ url: '/api/users', headers: u.auth }), 403, 'FORBIDDEN');
    const promoted = await setRole(t.app, a, u, 'admin');
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().data.role).toBe('admin');
    // Same access token, issued while a user: now an admin.
    expect((await t.app.inject({ url: '/api/users', headers: u.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/users/${a.id}`, headers: u.auth })).statusCode).toBe(
      200,
    );
    expect((await setRole(t.app, a, u, 'user')).statusCode).toBe(200);
    expectError(await t.app.inject({ url: '/api/users', headers: u.auth }), 403, 'FORBIDDEN');
    expectError(
      await t.app.inject({ url: `/api/users/${a.id}`, headers: u.auth }),
      403,
      'FORBIDDEN',
    );
    const events = await query<{ details: object; actor_id: number }>(
      t,
      `select details, actor_id from audit_events where user_id = $1 and type = 'role.changed' order by id`,
      [u.id],
    );
    expect(events).toEqual([
      { details: { from: 'user', to: 'admin' }, actor_id: a.id },
      { details: { from: 'admin', to: 'user' }, actor_id: a.id },
    ]);
  });

  it('take effect on another instance at once (shared database and Redis)', async () => {
    const prefix = `ghtest:${randomBytes(6).toString('hex')}:`;
    const { t, a } = await twoAdmins({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
    const other = await buildApp(
      loadConfig({
        ...TEST_ENV,
        DATA_DIR: t.dataDir,
        DATABASE_URL: t.databaseUrl,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
      }),
    );
    try {
      await other.ready();
      const u = await signUp(t.app);
      // Warm the second instance's cache with the user's current role.
      expectError(await other.inject({ url: '/api/users', headers: u.auth }), 403, 'FORBIDDEN');
      expect((await setRole(t.app, a, u, 'admin')).statusCode).toBe(200);
      await expect
        .poll(async () => (await other.inject({ url: '/api/users', headers: u.auth })).statusCode, {
          timeout: 1000,
        })
        .toBe(200);
      expect((await setRole(t.app, a, u, 'user')).statusCode).toBe(200);
      await expect
        .poll(async () => (await other.inject({ url: '/api/users', headers: u.auth })).statusCode, {
          timeout: 1000,
        })
        .toBe(403);
    } finally {
      await other.close();
    }
  });

  it('refuses an invalid role value from an admin', async () => {
    const { t, a } = await twoAdmins();
    const u = await signUp(t.app);
    const body = expectError(await setRole(t.app, a, u, 'root'), 400, 'VALIDATION_FAILED');
    expect(body.errors.role).toBeTruthy();
  });
});

describe('the last admin', () => {
  it('can be neither demoted nor deleted', async () => {
    const { t, a, b } = await twoAdmins();
    expect((await setRole(t.app, a, b, 'user')).statusCode).toBe(200);
    expectError(await setRole(t.app, a, a, 'user'), 409, 'LAST_ADMIN');
    expectError(await remove(t.app, a, a, { current_password: GOOD_PASSWORD }), 409, 'LAST_ADMIN');
    expect(await adminCount(t)).toBe(1);
    // The demoted admin lost admin rights with the same token.
    expectError(await setRole(t.app, b, a, 'user'), 403, 'FORBIDDEN');
    // A second admin makes demoting oneself possible again.
    expect((await setRole(t.app, a, b, 'admin')).statusCode).toBe(200);
    expect((await setRole(t.app, a, a, 'user')).statusCode).toBe(200);
    expect(await adminCount(t)).toBe(1);
  });

  /**
   * Holds a lock on the lower-id admin row from outside, fires both requests, waits until both
   * wait in PostgreSQL, then lets go: the two transactions really run at the same moment.
   */
  async function race(t: TestApp, requests: () => Promise<{ statusCode: number; body: string }>[]) {
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(
        `select id from users where role = 'admin' order by id limit 1 for update`,
      );
      const pending = Promise.all(requests());
      await waitForLockWaiters(holder, 2);
      await holder.query('commit');
      return await pending;
    } finally {
      await holder.end();
    }
  }

  it.each([
    [
      'demote each other',
      (app: App, a: SignedIn, b: SignedIn) => [
        setRole(app, a, b, 'user'),
        setRole(app, b, a, 'user'),
      ],
    ],
    [
      'delete each other',
      (app: App, a: SignedIn, b: SignedIn) => [remove(app, a, b), remove(app, b, a)],
    ],
    [
      'one demotes while the other deletes',
      (app: App, a: SignedIn, b: SignedIn) => [setRole(app, a, b, 'user'), remove(app, b, a)],
    ],
  ])(
    'stays when two admins %s at the same moment (serialised in the database)',
    async (_label, act) => {
      const { t, a, b } = await twoAdmins();
      const results = await race(t, () => act(t.app, a, b));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.body).toContain('LAST_ADMIN');
      expect(await adminCount(t)).toBe(1);
    },
  );
});

afterAll(async () => {
  while (apps.length) await apps.pop()!.close();
});
