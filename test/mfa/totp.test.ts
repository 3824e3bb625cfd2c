import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  buildTestApp,
  expectError,
  login,
  signUp,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { auditTypes, query } from '../users/helpers.js';
import { codeAt, enableTotp, passwordStep, verify, wrongCode } from './support.js';

describe('two-step verification with TOTP (API only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const setup = (user: SignedIn, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/setup',
      headers: user.auth,
      payload: body as object,
    });

  it('needs the current password to start, and a right code to turn on', async () => {
    const user = await signUp(t.app);
    expectError(
      await setup(user, { current_password: 'wrong password!' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    expectError(await setup(user, {}), 400, 'VALIDATION_FAILED');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/setup',
      payload: { current_password: user.password },
    });
    expectError(anonymous, 401, 'UNAUTHENTICATED');

    const res = await setup(user, { current_password: user.password });
    expect(res.statusCode, res.body).toBe(200);
    const { secret, otpauth_uri: uri } = res.json().data;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');

    // Not on yet: sign-in still answers with tokens.
    await login(t.app, user.email, user.password);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      headers: user.auth,
      payload: { code: wrongCode(secret) },
    });
    expectError(wrong, 400, 'MFA_CODE_INVALID');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      headers: user.auth,
      payload: { code: codeAt(secret) },
    });
    expect(right.statusCode, right.body).toBe(200);
    const codes = right.json().data.recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    // The secret is sealed at rest; recovery codes are stored hashed.
    const [row] = await query<{ secret_sealed: string }>(
      t,
      'select secret_sealed from user_totp where user_id = $1',
      [user.id],
    );
    expect(row!.secret_sealed).not.toContain(secret);
    const stored = await query<{ code_hash: Buffer }>(
      t,
      'select code_hash from recovery_codes where user_id = $1',
      [user.id],
    );
    expect(stored).toHaveLength(10);
    for (const s of stored)
      for (const c of codes) expect(s.code_hash.toString('latin1')).not.toContain(c);

    // A second set-up while on is refused.
    expectError(await setup(user, { current_password: user.password }), 409, 'MFA_ALREADY_ENABLED');
    const status = await t.app.inject({ url: '/api/auth/mfa', headers: user.auth });
    expect(status.json().data).toMatchObject({
      totp: { enabled: true },
      recovery_codes_remaining: 10,
      enrolment_required: false,
    });
    expect(await auditTypes(t, user.id)).toContain('mfa.enabled');
  });

  it('asks for the second step after the right password: no tokens, no cookie', async () => {
    const user = await signUp(t.app);
    await enableTotp(t.app, user);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toEqual({
      mfa_required: true,
      mfa_token: expect.any(String),
      methods: ['totp', 'recovery_code'],
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    // A wrong password is still just a wrong password.
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    expectError(bad, 401, 'INVALID_CREDENTIALS');
  });

  it('refuses a wrong code, then signs in with the right one, once per mfa_token and per code', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const { mfa_token: mfaToken } = await passwordStep(t.app, user.email, user.password);

    expectError(
      await verify(t.app, { mfa_token: mfaToken, code: wrongCode(secret) }),
      400,
      'MFA_CODE_INVALID',
    );
    expectError(await verify(t.app, { mfa_token: mfaToken }), 400, 'VALIDATION_FAILED');
    expectError(
      await verify(t.app, { mfa_token: mfaToken, code: codeAt(secret), recovery_code: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await verify(t.app, { mfa_token: 'no-such-token', code: codeAt(secret) }),
      401,
      'MFA_TOKEN_INVALID',
    );

    const code = codeAt(secret);
    const ok = await verify(t.app, { mfa_token: mfaToken, code });
    expect(ok.statusCode, ok.body).toBe(200);
    const tokens = ok.json().data;
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.user.id).toBe(user.id);
    expect(String(ok.headers['set-cookie'])).toContain('gh_refresh=');
    const profile = await t.app.inject({
      url: '/api/users/profile',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(profile.statusCode).toBe(200);

    // The same mfa_token twice: refused.
    expectError(
      await verify(t.app, { mfa_token: mfaToken, code: codeAt(secret, 1) }),
      401,
      'MFA_TOKEN_INVALID',
    );
    // The same code again, with a new mfa_token: a replay, refused.
    const again = await passwordStep(t.app, user.email, user.password);
    expectError(await verify(t.app, { mfa_token: again.mfa_token, code }), 400, 'MFA_CODE_INVALID');
    // An older code than one already used: refused too.
    expectError(
      await verify(t.app, { mfa_token: again.mfa_token, code: codeAt(secret, -1) }),
      400,
      'MFA_CODE_INVALID',
    );
    const types = await auditTypes(t, user.id);
    expect(types.filter((x) => x === 'mfa.failed').length).toBeGreaterThanOrEqual(3);
  });

  it('cookie transport: the refresh token only in the cookie', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const { mfa_token: mfaToken } = await passwordStep(t.app, user.email, user.password);
    const res = await verify(t.app, {
      mfa_token: mfaToken,
      code: codeAt(secret),
      transport: 'cookie',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.refresh_token).toBeUndefined();
    expect(String(res.headers['set-cookie'])).toContain('gh_refresh=');
  });

  it('accepts ±1 step of drift, not 2', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const first = await passwordStep(t.app, user.email, user.password);
    expectError(
      await verify(t.app, { mfa_token: first.mfa_token, code: codeAt(secret, 2) }),
      400,
      'MFA_CODE_INVALID',
    );
    expectError(
      await verify(t.app, { mfa_token: first.mfa_token, code: codeAt(secret, -2) }),
      400,
      'MFA_CODE_INVALID',
    );
    // One step ahead (a fast phone clock) is accepted.
    const res = await verify(t.app, { mfa_token: first.mfa_token, code: codeAt(secret, 1) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('accepts one step behind (a slow phone clock)', async () => {
    const user = await signUp(t.app);
    const setupRes = await setup(user, { current_password: user.password });
    const secret = setupRes.json().data.secret as string;
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      headers: user.auth,
      payload: { code: codeAt(secret, -1) },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
  });

  it('recovery codes work once each, and count what is left', async () => {
    const user = await signUp(t.app);
    const { recoveryCodes } = await enableTotp(t.app, user);
    const first = await passwordStep(t.app, user.email, user.password);
    // Case and dashes do not matter.
    const res = await verify(t.app, {
      mfa_token: first.mfa_token,
      recovery_code: recoveryCodes[0]!.toUpperCase().replace('-', ' '),
    });
    expect(res.statusCode, res.body).toBe(200);
    const second = await passwordStep(t.app, user.email, user.password);
    expectError(
      await verify(t.app, { mfa_token: second.mfa_token, recovery_code: recoveryCodes[0] }),
      400,
      'MFA_CODE_INVALID',
    );
    const ok2 = await verify(t.app, {
      mfa_token: second.mfa_token,
      recovery_code: recoveryCodes[1],
    });
    expect(ok2.statusCode, ok2.body).toBe(200);
    const used = await query<{ details: { remaining: number } }>(
      t,
      `select details from audit_events where user_id = $1 and type = 'recovery_code.used' order by id`,
      [user.id],
    );
    expect(used.map((u) => u.details.remaining)).toEqual([9, 8]);
  });

  it('regenerating recovery codes needs the password and voids the old ones', async () => {
    const user = await signUp(t.app);
    const { recoveryCodes } = await enableTotp(t.app, user);
    const regen = (body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/mfa/recovery-codes',
        headers: user.auth,
        payload: body,
      });
    expectError(
      await regen({ current_password: 'wrong password!' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    const res = await regen({ current_password: user.password });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json().data.recovery_codes as string[];
    expect(fresh).toHaveLength(10);
    const challenge = await passwordStep(t.app, user.email, user.password);
    expectError(
      await verify(t.app, { mfa_token: challenge.mfa_token, recovery_code: recoveryCodes[2] }),
      400,
      'MFA_CODE_INVALID',
    );
    const ok = await verify(t.app, { mfa_token: challenge.mfa_token, recovery_code: fresh[0] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await auditTypes(t, user.id)).toContain('recovery_codes.regenerated');
  });

  it('turning it off needs the password and a code or recovery code', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const off = (body: object) =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/auth/mfa/totp',
        headers: user.auth,
        payload: body,
      });
    expectError(await off({ current_password: user.password }), 400, 'VALIDATION_FAILED');
    expectError(
      await off({ current_password: 'wrong password!', code: codeAt(secret) }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    expectError(
      await off({ current_password: user.password, code: wrongCode(secret) }),
      400,
      'MFA_CODE_INVALID',
    );
    const res = await off({ current_password: user.password, code: codeAt(secret) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toBeNull();
    // Sign-in is one step again, and nothing is left stored.
    await login(t.app, user.email, user.password);
    expect(await query(t, 'select 1 from user_totp where user_id = $1', [user.id])).toHaveLength(0);
    expect(
      await query(t, 'select 1 from recovery_codes where user_id = $1', [user.id]),
    ).toHaveLength(0);
    expect(await auditTypes(t, user.id)).toContain('mfa.disabled');
    expectError(
      await off({ current_password: user.password, code: codeAt(secret, 1) }),
      409,
      'MFA_NOT_ENABLED',
    );
  });

  it('a password change voids a pending mfa_token', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const challenge = await passwordStep(t.app, user.email, user.password);
    await query(t, `update users set password_hash = 'changed' where id = $1`, [user.id]);
    expectError(
      await verify(t.app, { mfa_token: challenge.mfa_token, code: codeAt(secret) }),
      401,
      'MFA_TOKEN_INVALID',
    );
  });

  it('the data export lists the factors, never secrets', async () => {
    const user = await signUp(t.app);
    const { secret, recoveryCodes } = await enableTotp(t.app, user);
    const res = await t.app.inject({ url: `/api/users/${user.id}/export`, headers: user.auth });
    expect(res.statusCode, res.body).toBe(200);
    const factors = res.json().data.factors;
    expect(factors.map((f: { type: string }) => f.type)).toEqual([
      'totp',
      ...Array(10).fill('recovery_code'),
    ]);
    expect(factors[0]).toMatchObject({
      created_at: expect.any(String),
      last_used_at: expect.any(String),
    });
    expect(res.body).not.toContain(secret);
    for (const c of recoveryCodes) expect(res.body).not.toContain(c);
  });
});

describe('mfa_token lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ MFA_TOKEN_TTL_SECONDS: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an expired mfa_token is refused', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const challenge = await passwordStep(t.app, user.email, user.password);
    await sleep(1500);
    expectError(
      await verify(t.app, { mfa_token: challenge.mfa_token, code: codeAt(secret) }),
      401,
      'MFA_TOKEN_INVALID',
    );
  });
});

describe('wrong codes and the login throttle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ RATE_LIMIT_LOGIN_ACCOUNT_MAX: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts wrong codes per account: 429 with Retry-After, and the password step is refused too', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    const challenge = await passwordStep(t.app, user.email, user.password);
    for (let i = 0; i < 3; i += 1) {
      expectError(
        await verify(t.app, { mfa_token: challenge.mfa_token, code: wrongCode(secret) }),
        400,
        'MFA_CODE_INVALID',
      );
    }
    const limited = await verify(t.app, { mfa_token: challenge.mfa_token, code: codeAt(secret) });
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The right password does not clear the count while the second step is still due.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expectError(login, 429, 'RATE_LIMITED');
  });

  it('a right password does not reset the count of wrong codes', async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    for (let i = 0; i < 2; i += 1) {
      const c = await passwordStep(t.app, user.email, user.password);
      expectError(
        await verify(t.app, { mfa_token: c.mfa_token, code: wrongCode(secret) }),
        400,
        'MFA_CODE_INVALID',
      );
    }
    // Two wrong codes, each after a right password: the third attempt is the last allowed.
    const c = await passwordStep(t.app, user.email, user.password);
    expectError(
      await verify(t.app, { mfa_token: c.mfa_token, code: wrongCode(secret) }),
      400,
      'MFA_CODE_INVALID',
    );
    expectError(
      await verify(t.app, { mfa_token: c.mfa_token, code: codeAt(secret) }),
      429,
      'RATE_LIMITED',
    );
  });
});
