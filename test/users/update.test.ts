import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  GOOD_PASSWORD,
  login,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { auditTypes, buildAppWithAdmin, loginAdmin, query } from './helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const put = (user: { id: number }, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/users/${user.id}`,
    headers,
    payload: payload as object,
  });
const row = async (id: number) =>
  (await query(t, 'select * from users where id = $1', [id]))[0] as Record<string, unknown>;
const NEW_PASSWORD = 'a brand new passphrase';

describe('PUT /api/users/:id — role and mass assignment', () => {
  it('answers 403 to a non-admin sending role, and changes nothing (even in a combined body)', async () => {
    const u = await signUp(t.app, { name: 'Plain' });
    const before = await row(u.id);
    for (const payload of [
      { role: 'admin' },
      { role: 'user' },
      { role: 'root' },
      { name: 'Changed', role: 'admin' },
      { name: '', email: 'not-an-email', role: 'admin' },
      { password: NEW_PASSWORD, current_password: GOOD_PASSWORD, role: 'admin' },
    ]) {
      expectError(await put(u, u.auth, payload), 403, 'FORBIDDEN');
    }
    expect(await row(u.id)).toEqual(before);
    expect(await auditTypes(t, u.id)).not.toContain('role.changed');
    const list = await t.app.inject({ url: '/api/users', headers: u.auth });
    expectError(list, 403, 'FORBIDDEN');
  });

  it('ignores fields a client may not set', async () => {
    const u = await signUp(t.app, { name: 'Massive' });
    const before = await row(u.id);
    const res = await put(u, u.auth, {
      name: 'Renamed',
      id: 1,
      email_verified: true,
      created_at: '2000-01-01T00:00:00Z',
      updated_at: '2000-01-01T00:00:00Z',
      last_login_at: '2000-01-01T00:00:00Z',
      password_hash: '$2b$04$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ id: u.id, name: 'Renamed', email_verified: false });
    const after = await row(u.id);
    expect(after).toMatchObject({
      id: u.id,
      email_verified: false,
      password_hash: before.password_hash,
      created_at: before.created_at,
      last_login_at: before.last_login_at,
    });
    expect(after.updated_at).not.toEqual(new Date('2000-01-01T00:00:00Z'));
    // A body of ignored fields only changes nothing.
    const noop = await put(u, u.auth, { email_verified: true, role_id: 1 });
    expect(noop.statusCode).toBe(200);
    expect((await row(u.id)).email_verified).toBe(false);
    await login(t.app, u.email, GOOD_PASSWORD);
  });
});

describe('PUT /api/users/:id — name', () => {
  it('validates and trims the name, and records PROFILE_UPDATED', async () => {
    const u = await signUp(t.app);
    for (const name of ['', '   ', 'x'.repeat(101), 'bell\u0007']) {
      const body = expectError(await put(u, u.auth, { name }), 400, 'VALIDATION_FAILED');
      expect(body.errors.name).toBeTruthy();
    }
    const res = await put(u, u.auth, { name: '  Ada Lovelace ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.name).toBe('Ada Lovelace');
    const profile = await t.app.inject({ url: '/api/users/profile', headers: u.auth });
    expect(profile.json().data.name).toBe('Ada Lovelace');
    expect(await auditTypes(t, u.id)).toContain('profile.updated');
  });
});

describe('PUT /api/users/:id — email', () => {
  it('requires the right current_password to change one’s own email', async () => {
    const u = await signUp(t.app);
    const email = uniqueEmail('new');
    let body = expectError(await put(u, u.auth, { email }), 400, 'CURRENT_PASSWORD_INVALID');
    expect(body.errors.current_password).toBeTruthy();
    body = expectError(
      await put(u, u.auth, { email, current_password: 'wrong password here' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    expect(body.errors.current_password).toBeTruthy();
    expect((await row(u.id)).email).toBe(u.email);
    expect(await auditTypes(t, u.id)).toContain('reauth.failed');
  });

  it('normalises the new email, resets email_verified and records EMAIL_CHANGED', async () => {
    const u = await signUp(t.app);
    await query(t, 'update users set email_verified = true where id = $1', [u.id]);
    const local = `Changed.${process.pid}.${Date.now()}`;
    const res = await put(u, u.auth, {
      email: `  ${local}@EXAMPLE.COM `,
      current_password: GOOD_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ email: `${local}@example.com`, email_verified: false });
    const events = await query<{ details: Record<string, unknown> }>(
      t,
      `select details from audit_events where user_id = $1 and type = 'email.changed'`,
      [u.id],
    );
    expect(events[0]!.details).toMatchObject({
      old_email: u.email,
      new_email: `${local}@example.com`,
    });
    // The verification mail for the new address was queued in the same transaction.
    const tokens = await query<{ email: string }>(
      t,
      `select email from email_tokens where user_id = $1 and purpose = 'verify_email'`,
      [u.id],
    );
    expect(tokens.map((r) => r.email)).toContain(`${local}@example.com`);
    await login(t.app, `${local}@example.com`, GOOD_PASSWORD);
  });

  it('keeps email_verified when only the letter case changes', async () => {
    const u = await signUp(t.app);
    await query(t, 'update users set email_verified = true where id = $1', [u.id]);
    const upper = u.email.replace(/^[a-z]/, (c) => c.toUpperCase());
    const res = await put(u, u.auth, { email: upper, current_password: GOOD_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ email: upper, email_verified: true });
  });

  it('answers 409 EMAIL_TAKEN with errors.email for a taken address, in any case', async () => {
    const u = await signUp(t.app);
    const other = await signUp(t.app);
    const body = expectError(
      await put(u, u.auth, { email: other.email.toUpperCase(), current_password: GOOD_PASSWORD }),
      409,
      'EMAIL_TAKEN',
    );
    expect(body.errors.email).toBeTruthy();
    const byAdmin = await put(u, admin.auth, { email: other.email });
    expectError(byAdmin, 409, 'EMAIL_TAKEN');
  });

  it('gives one 200 and one 409 when two accounts claim one address at once', async () => {
    const [u1, u2] = [await signUp(t.app), await signUp(t.app)];
    const email = uniqueEmail('contested');
    const results = await Promise.all([
      put(u1, admin.auth, { email }),
      put(u2, admin.auth, { email: email.toUpperCase() }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors.email).toBeTruthy();
  });

  it('refuses an invalid address', async () => {
    const u = await signUp(t.app);
    const body = expectError(
      await put(u, u.auth, { email: 'no-at-sign', current_password: GOOD_PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.email).toBeTruthy();
  });

  it('lets an admin change another user’s email without a password', async () => {
    const u = await signUp(t.app);
    const email = uniqueEmail('admin-set');
    const res = await put(u, admin.auth, { email });
    expect(res.statusCode, res.body).toBe(200);
    const events = await query<{ actor_id: number }>(
      t,
      `select actor_id from audit_events where user_id = $1 and type = 'email.changed'`,
      [u.id],
    );
    expect(events).toEqual([{ actor_id: admin.id }]);
  });
});

describe('PUT /api/users/:id — password', () => {
  it('requires current_password and the registration rules', async () => {
    const u = await signUp(t.app);
    expectError(await put(u, u.auth, { password: NEW_PASSWORD }), 400, 'CURRENT_PASSWORD_INVALID');
    expectError(
      await put(u, u.auth, { password: NEW_PASSWORD, current_password: 'not my password' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    const short = expectError(
      await put(u, u.auth, { password: 'short', current_password: GOOD_PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.errors.password).toBeTruthy();
    const common = expectError(
      await put(u, u.auth, { password: 'password123', current_password: GOOD_PASSWORD }),
      400,
      'PASSWORD_TOO_COMMON',
    );
    expect(common.errors.password).toBeTruthy();
    await login(t.app, u.email, GOOD_PASSWORD);
  });

  it('keeps the current session and ends every other one', async () => {
    const u = await signUp(t.app);
    const other = await login(t.app, u.email, GOOD_PASSWORD);
    const res = await put(u, u.auth, { password: NEW_PASSWORD, current_password: GOOD_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ url: '/api/users/profile', headers: u.auth })).statusCode).toBe(
      200,
    );
    const ended = await t.app.inject({ url: '/api/users/profile', headers: other.auth });
    expectError(ended, 401, 'UNAUTHENTICATED');
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      payload: { refresh_token: other.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    await login(t.app, u.email, NEW_PASSWORD);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: GOOD_PASSWORD },
    });
    expectError(old, 401, 'INVALID_CREDENTIALS');
    expect(await auditTypes(t, u.id)).toContain('password.changed');
  });

  it('lets an admin set another user’s password, ending all of that user’s sessions', async () => {
    const u = await signUp(t.app);
    const res = await put(u, admin.auth, { password: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expectError(
      await t.app.inject({ url: '/api/users/profile', headers: u.auth }),
      401,
      'UNAUTHENTICATED',
    );
    expect(
      (await t.app.inject({ url: '/api/users/profile', headers: admin.auth })).statusCode,
    ).toBe(200);
    await login(t.app, u.email, NEW_PASSWORD);
  });
});
