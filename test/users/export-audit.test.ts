import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  GOOD_PASSWORD,
  login,
  signUp,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from './helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
let u: SignedIn;
let second: SignedIn;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
  u = await signUp(t.app, { name: 'Exporter' });
  second = await login(t.app, u.email, GOOD_PASSWORD, { 'user-agent': 'SecondDevice/2' });
  // A refresh, a failed login, an admin action and a sign-out give the trail some variety.
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh-token',
    payload: { refresh_token: u.refreshToken },
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: u.email, password: 'wrong password!' },
  });
  await t.app.inject({
    method: 'PUT',
    url: `/api/users/${u.id}`,
    headers: { ...admin.auth, 'user-agent': 'AdminConsole/1' },
    payload: { name: 'Renamed By Admin' },
  });
  await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: second.auth });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/users/:id/export', () => {
  it('returns every stored fact as one attachment, with nothing secret in it', async () => {
    const res = await t.app.inject({ url: `/api/users/${u.id}/export`, headers: u.auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="gatehouse-data-${u.id}.json"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json().data;
    expect(data.user).toMatchObject({ id: u.id, email: u.email, name: 'Renamed By Admin' });
    expect(data.sessions).toHaveLength(2);
    expect(
      data.sessions.find((s: { user_agent: string }) => s.user_agent === 'SecondDevice/2'),
    ).toMatchObject({
      revoked_reason: 'logout',
    });
    expect(data.refresh_tokens.length).toBeGreaterThanOrEqual(3);
    const types = data.audit_events.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'account.created',
        'login.succeeded',
        'login.failed',
        'profile.updated',
        'logout',
      ]),
    );
    expect(Array.isArray(data.email_tokens)).toBe(true);
    expect(Array.isArray(data.mail)).toBe(true);

    const text = res.body;
    const [row] = await query<{ password_hash: string }>(
      t,
      'select password_hash from users where id = $1',
      [u.id],
    );
    expect(text).not.toContain(row!.password_hash);
    expect(text).not.toMatch(/\$2[aby]\$|password_hash|token_hash/);
    for (const secret of [u.refreshToken, u.accessToken, second.refreshToken, second.accessToken])
      expect(text).not.toContain(secret);
    const hashes = await query<{ h: string }>(
      t,
      `select encode(token_hash, 'hex') as h from refresh_tokens`,
    );
    for (const { h } of hashes) {
      expect(text).not.toContain(h);
      expect(text).not.toContain(Buffer.from(h, 'hex').toString('base64'));
    }
  });

  it('lists the organizations the user belongs to, with the role and since when', async () => {
    const create = async (who: SignedIn, name: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: who.auth,
        payload: { name },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data as { id: number };
    };
    const exported = async (who: SignedIn) =>
      (await t.app.inject({ url: `/api/users/${who.id}/export`, headers: who.auth })).json().data;
    const loner = await signUp(t.app, { name: 'No Organizations' });
    expect((await exported(loner)).organizations).toEqual([]);

    const mine = await create(loner, 'Exported Org');
    await create(admin, 'Someone Else’s Org');
    const data = await exported(loner);
    expect(data.organizations).toEqual([
      { id: mine.id, name: 'Exported Org', role: 'owner', joined_at: expect.any(String) },
    ]);
    expect(Date.now() - Date.parse(data.organizations[0].joined_at)).toBeLessThan(60_000);
  });

  it('shows an admin’s network facts only to admins', async () => {
    const own = (await t.app.inject({ url: `/api/users/${u.id}/export`, headers: u.auth })).json()
      .data;
    const byAdmin = (
      await t.app.inject({ url: `/api/users/${u.id}/export`, headers: admin.auth })
    ).json().data;
    const pick = (d: { audit_events: Array<{ type: string }> }) =>
      d.audit_events.find((e) => e.type === 'profile.updated');
    expect(pick(own)).toMatchObject({ actor_id: admin.id, ip: null, user_agent: null });
    expect(pick(byAdmin)).toMatchObject({ actor_id: admin.id, user_agent: 'AdminConsole/1' });
    const adminExport = (
      await t.app.inject({ url: `/api/users/${admin.id}/export`, headers: admin.auth })
    ).json().data;
    expect(adminExport.admin_actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'profile.updated', user_id: u.id })]),
    );
  });
});

describe('GET /api/users/:id/audit', () => {
  it('pages the trail newest first with the contract’s item shape', async () => {
    const all = await t.app.inject({ url: `/api/users/${u.id}/audit?limit=100`, headers: u.auth });
    expect(all.statusCode, all.body).toBe(200);
    const data = all.json().data;
    expect(data).toMatchObject({ page: 1, limit: 100 });
    expect(data.total).toBe(data.items.length);
    expect(data.total).toBeGreaterThanOrEqual(6);
    for (const item of data.items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['id', 'type', 'ip', 'user_agent', 'created_at', 'details']),
      );
      expect(item.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    const ids = data.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(data.items[0].type).toBe('logout');
    expect(data.items.at(-1).type).toBe('account.created');
    expect(data.items.find((i: { type: string }) => i.type === 'login.failed').details).toEqual({
      reason: 'wrong_password',
    });

    const page2 = (
      await t.app.inject({ url: `/api/users/${u.id}/audit?page=2&limit=2`, headers: u.auth })
    ).json().data;
    expect(page2).toMatchObject({ page: 2, limit: 2, total: data.total });
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual(ids.slice(2, 4));
    const capped = (
      await t.app.inject({ url: `/api/users/${u.id}/audit?limit=500`, headers: u.auth })
    ).json().data;
    expect(capped.limit).toBe(100);
    const defaults = (
      await t.app.inject({ url: `/api/users/${u.id}/audit`, headers: admin.auth })
    ).json().data;
    expect(defaults).toMatchObject({ page: 1, limit: 20 });
  });

  it('refuses a bad page or limit with 400', async () => {
    for (const qs of ['page=0', 'limit=0', 'limit=x', 'page=-1']) {
      expectError(
        await t.app.inject({ url: `/api/users/${u.id}/audit?${qs}`, headers: u.auth }),
        400,
        'VALIDATION_FAILED',
      );
    }
  });
});
