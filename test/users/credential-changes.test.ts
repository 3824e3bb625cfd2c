import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query, storeResetToken } from './helpers.js';

const NEW_PASSWORD = 'a brand new passphrase';
const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const put = (t: TestApp, user: { id: number }, actor: SignedIn, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/users/${user.id}`, headers: actor.auth, payload });
const reset = (t: TestApp, token: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/reset-password',
    payload: { token, password: 'the attacker picks this one' },
  });

/** @see issue 13, "Races and lifecycles": a reset link outlived a password change. */
describe('a password change through PUT /api/users/:id', () => {
  it('retires the reset links sent before it, like a reset does (own change)', async () => {
    const t = await buildTestApp();
    apps.push(t);
    const user = await signUp(t.app);
    const token = await storeResetToken(t, user);
    const changed = await put(t, user, user, {
      password: NEW_PASSWORD,
      current_password: GOOD_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expectError(await reset(t, token), 400, 'INVALID_TOKEN');
  });

  it('retires them when an admin sets the password too', async () => {
    const t = await buildAppWithAdmin();
    apps.push(t);
    const admin = await loginAdmin(t);
    const user = await signUp(t.app);
    const token = await storeResetToken(t, user);
    expect((await put(t, user, admin, { password: NEW_PASSWORD })).statusCode).toBe(200);
    expectError(await reset(t, token), 400, 'INVALID_TOKEN');
  });
});

/** @see issue 13, "Races and lifecycles": address changes mailed a stranger without limit. */
describe('verification mail for a changed address', () => {
  const mailsTo = async (t: TestApp, address: string) =>
    Number(
      (
        await query<{ n: string }>(t, `select count(*) as n from mail_outbox where "to" like $1`, [
          `%${address}%`,
        ])
      )[0]!.n,
    );

  it('counts against the per-recipient limit: switching back and forth cannot flood an inbox', async () => {
    const t = await buildTestApp({ RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: '2' });
    apps.push(t);
    const user = await signUp(t.app);
    const own = user.email;
    const victim = uniqueEmail('victim');
    const change = (email: string) =>
      put(t, user, user, { email, current_password: GOOD_PASSWORD });
    for (const email of [victim, own, victim, own])
      expect((await change(email)).statusCode).toBe(200);
    expectError(await change(victim), 429, 'RATE_LIMITED');
    expect(await mailsTo(t, victim)).toBe(2);
    const rows = await query<{ email: string }>(t, 'select email from users where id = $1', [
      user.id,
    ]);
    expect(rows[0]!.email).toBe(own);
  });

  it('counts against the per-address limit it shares with forgot-password', async () => {
    const t = await buildTestApp({ RATE_LIMIT_EMAIL_PER_HOUR: '2' });
    apps.push(t);
    const user = await signUp(t.app);
    const forgot = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: user.email },
    });
    expect(forgot.statusCode).toBe(200);
    const change = (email: string) =>
      put(t, user, user, { email, current_password: GOOD_PASSWORD });
    expect((await change(uniqueEmail('first'))).statusCode).toBe(200);
    expectError(await change(uniqueEmail('second')), 429, 'RATE_LIMITED');
    // A change that sends no mail is not counted.
    expect((await put(t, user, user, { name: 'Renamed' })).statusCode).toBe(200);
  });
});
