import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from './helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const del = (user: { id: number }, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'DELETE', url: `/api/users/${user.id}`, headers, payload });
const profile = (u: SignedIn) => t.app.inject({ url: '/api/users/profile', headers: u.auth });
const BROWSER = { 'user-agent': 'DeletedPersonBrowser/1.0' };

describe('DELETE /api/users/:id', () => {
  it('requires the right current_password to delete oneself', async () => {
    const u = await signUp(t.app);
    let body = expectError(await del(u, u.auth), 400, 'CURRENT_PASSWORD_INVALID');
    expect(body.errors.current_password).toBeTruthy();
    body = expectError(
      await del(u, u.auth, { current_password: 'not the password' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    expect(body.errors.current_password).toBeTruthy();
    expect((await profile(u)).statusCode).toBe(200);
  });

  it('refuses a body that is not an object with 400', async () => {
    const u = await signUp(t.app);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${u.id}`,
      headers: { ...u.auth, 'content-type': 'application/json' },
      payload: '"just a string"',
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect((await profile(u)).statusCode).toBe(200);
  });

  it('deletes oneself: every session ends at once, the email is free again, the trail is pseudonymised', async () => {
    const registered = await registerUser(t.app);
    const u = await login(t.app, registered.email, registered.password, BROWSER);
    const second = await login(t.app, u.email, GOOD_PASSWORD, BROWSER);
    const newEmail = uniqueEmail('moved');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/users/${u.id}`,
          headers: { ...u.auth, ...BROWSER },
          payload: { email: newEmail, current_password: GOOD_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${u.id}`,
      headers: { ...u.auth, ...BROWSER },
      payload: { current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ success: true, message: 'User deleted' });

    expectError(await profile(u), 401, 'UNAUTHENTICATED');
    expectError(await profile(second), 401, 'UNAUTHENTICATED');
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      payload: { refresh_token: second.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: newEmail, password: GOOD_PASSWORD },
    });
    expectError(relogin, 401, 'INVALID_CREDENTIALS');
    expectError(
      await t.app.inject({ url: `/api/users/${u.id}`, headers: admin.auth }),
      404,
      'USER_NOT_FOUND',
    );
    expect(await query(t, 'select id from sessions where user_id = $1', [u.id])).toEqual([]);

    // Both addresses it ever had can be registered again, as a new account.
    const again = await registerUser(t.app, { email: newEmail });
    expect(again.id).not.toBe(u.id);
    await registerUser(t.app, { email: registered.email.toUpperCase() });

    // What stays: types and times under a number that no longer resolves; no ip, user agent or email.
    const events = await query<{
      type: string;
      ip: string | null;
      user_agent: string | null;
      details: object;
    }>(t, 'select type, ip, user_agent, details from audit_events where user_id = $1 order by id', [
      u.id,
    ]);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'account.created',
        'login.succeeded',
        'email.changed',
        'account.deleted',
      ]),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'account.deleted',
      details: { by: 'self', sessions_ended: 2 },
    });
    for (const e of events) {
      expect(e.ip).toBeNull();
      expect(e.user_agent).toBeNull();
    }
    const text = JSON.stringify(events);
    expect(text).not.toContain(newEmail);
    expect(text).not.toContain(registered.email);
  });

  it('lets an admin delete another user without a password', async () => {
    const u = await signUp(t.app);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${u.id}`,
      headers: { ...admin.auth, 'user-agent': 'AdminConsole' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expectError(await profile(u), 401, 'UNAUTHENTICATED');
    const [event] = await query<{ actor_id: number; user_agent: string; details: object }>(
      t,
      `select actor_id, user_agent, details from audit_events where user_id = $1 and type = 'account.deleted'`,
      [u.id],
    );
    // The admin's own network facts stay: it was their action.
    expect(event).toMatchObject({
      actor_id: admin.id,
      user_agent: 'AdminConsole',
      details: { by: 'admin' },
    });
    expectError(await del(u, admin.auth), 404, 'USER_NOT_FOUND');
  });

  it('keeps other accounts’ details when a deleted admin had acted on them', async () => {
    const helper = await registerUser(t.app);
    await query(t, `update users set role = 'admin' where id = $1`, [helper.id]);
    const h = await login(t.app, helper.email, helper.password, { 'user-agent': 'HelperBrowser' });
    const target = await signUp(t.app);
    const targetEmail = uniqueEmail('by-helper');
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${target.id}`,
      headers: { ...h.auth, 'user-agent': 'HelperBrowser' },
      payload: { email: targetEmail },
    });
    expect(changed.statusCode).toBe(200);
    expect((await del(h, admin.auth)).statusCode).toBe(200);
    const [event] = await query<{
      actor_id: number;
      user_agent: string | null;
      details: Record<string, unknown>;
    }>(
      t,
      `select actor_id, user_agent, details from audit_events where user_id = $1 and type = 'email.changed'`,
      [target.id],
    );
    expect(event).toMatchObject({
      actor_id: helper.id,
      user_agent: null,
      details: { new_email: targetEmail },
    });
  });
});
