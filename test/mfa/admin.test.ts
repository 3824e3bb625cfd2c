import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, login, signUp, type TestApp } from '../helpers/app.js';
import {
  ADMIN_PASSWORD,
  auditTypes,
  buildAppWithAdmin,
  loginAdmin,
  promoteInDatabase,
  query,
} from '../users/helpers.js';
import { codeAt, enableTotp, passwordStep, verify } from './support.js';

describe('admins and two-step verification', () => {
  let t: TestApp & { adminEmail: string };
  beforeAll(async () => {
    t = await buildAppWithAdmin();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the admin view of a user shows the second factors; the user view does not', async () => {
    const admin = await loginAdmin(t);
    const user = await signUp(t.app);
    const before = await t.app.inject({ url: `/api/users/${user.id}`, headers: admin.auth });
    expect(before.json().data.mfa).toEqual({ totp: false, passkeys: 0 });
    await enableTotp(t.app, user);
    const after = await t.app.inject({ url: `/api/users/${user.id}`, headers: admin.auth });
    expect(after.json().data.mfa).toEqual({ totp: true, passkeys: 0 });
    const list = await t.app.inject({
      url: `/api/users?search=${encodeURIComponent(user.email)}`,
      headers: admin.auth,
    });
    expect(list.json().data.items[0].mfa).toEqual({ totp: true, passkeys: 0 });
    const self = await t.app.inject({ url: `/api/users/${user.id}`, headers: user.auth });
    expect(self.json().data.mfa).toBeUndefined();
  });

  it('an admin reset clears the factors, ends the sessions and is audited', async () => {
    const admin = await loginAdmin(t);
    const user = await signUp(t.app);
    await enableTotp(t.app, user);
    const reset = (headers: Record<string, string>, id = user.id) =>
      t.app.inject({ method: 'POST', url: `/api/users/${id}/mfa/reset`, headers });

    const other = await signUp(t.app);
    expectError(await reset(other.auth), 403, 'FORBIDDEN');
    expectError(await reset(user.auth), 403, 'FORBIDDEN');
    expectError(await reset({}), 401, 'UNAUTHENTICATED');
    expectError(await reset(admin.auth, 999_999), 404, 'USER_NOT_FOUND');

    const res = await reset(admin.auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toBeNull();
    // The user's sessions are over.
    expectError(
      await t.app.inject({ url: '/api/users/profile', headers: user.auth }),
      401,
      'UNAUTHENTICATED',
    );
    // Password alone signs in again.
    await login(t.app, user.email, user.password);
    expect(await query(t, 'select 1 from user_totp where user_id = $1', [user.id])).toHaveLength(0);
    expect(
      await query(t, 'select 1 from recovery_codes where user_id = $1', [user.id]),
    ).toHaveLength(0);
    const [event] = await query<{ actor_id: number; details: Record<string, unknown> }>(
      t,
      `select actor_id, details from audit_events where user_id = $1 and type = 'mfa.reset'`,
      [user.id],
    );
    expect(event!.actor_id).toBe(admin.id);
    expect(event!.details).toMatchObject({ totp: true, recovery_codes: 10 });
    expect(await auditTypes(t, user.id)).toContain('mfa.reset');
  });
});

describe('MFA_REQUIRED_FOR_ADMINS=true', () => {
  let t: TestApp & { adminEmail: string };
  beforeAll(async () => {
    t = await buildAppWithAdmin({ MFA_REQUIRED_FOR_ADMINS: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin without a second factor must enrol before anything else works', async () => {
    const admin = await login(t.app, t.adminEmail, ADMIN_PASSWORD);
    expectError(
      await t.app.inject({ url: '/api/users', headers: admin.auth }),
      403,
      'MFA_ENROLMENT_REQUIRED',
    );
    expectError(
      await t.app.inject({ url: '/api/auth/sessions', headers: admin.auth }),
      403,
      'MFA_ENROLMENT_REQUIRED',
    );
    // Who they are, and the enrolment itself, still work.
    expect(
      (await t.app.inject({ url: '/api/users/profile', headers: admin.auth })).statusCode,
    ).toBe(200);
    const status = await t.app.inject({ url: '/api/auth/mfa', headers: admin.auth });
    expect(status.json().data.enrolment_required).toBe(true);

    const { secret } = await enableTotp(t.app, admin);
    const list = await t.app.inject({ url: '/api/users', headers: admin.auth });
    expect(list.statusCode, list.body).toBe(200);

    // From now on, sign-in asks for the second step.
    const challenge = await passwordStep(t.app, t.adminEmail, ADMIN_PASSWORD);
    const res = await verify(t.app, { mfa_token: challenge.mfa_token, code: codeAt(secret) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('ordinary users are not asked to enrol', async () => {
    const user = await signUp(t.app);
    expect((await t.app.inject({ url: '/api/auth/sessions', headers: user.auth })).statusCode).toBe(
      200,
    );
  });

  it('a user promoted to admin must enrol too', async () => {
    const user = await signUp(t.app);
    await promoteInDatabase(t, user.id);
    const again = await login(t.app, user.email, user.password);
    expectError(
      await t.app.inject({ url: '/api/users', headers: again.auth }),
      403,
      'MFA_ENROLMENT_REQUIRED',
    );
  });
});
