import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  signUp,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/auth/register', () => {
  it('creates the user and returns the user object without secrets', async () => {
    const email = uniqueEmail();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: `  ${email.toUpperCase()} `, name: '  Ann  ', password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ success: true, message: 'User registered successfully' });
    expect(body.data).toMatchObject({
      name: 'Ann',
      role: 'user',
      email_verified: false,
      last_login_at: null,
    });
    expect(body.data.email.toLowerCase()).toBe(email.toLowerCase());
    expect(Number.isInteger(body.data.id)).toBe(true);
    expect(body.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(res.body).not.toContain('password');
  });

  it('answers 409 with errors.email for an email taken in another case', async () => {
    const user = await registerUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: user.email.toUpperCase(), name: 'B', password: GOOD_PASSWORD },
    });
    const body = expectError(res, 409, 'EMAIL_TAKEN');
    expect(body.errors.email).toBeTruthy();
  });

  it('reports every invalid field at once', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'nope', name: '', password: 'short' },
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(body.errors).sort()).toEqual(['email', 'name', 'password']);
    expect(body.errors.password).toMatch(/8/);
  });

  it.each([
    ['a name of spaces only', { name: '    ' }, 'name'],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
    ['a control character in the name', { name: 'Ann\u0007' }, 'name'],
    ['a password over 128 characters', { password: 'p'.repeat(129) }, 'password'],
    ['a missing email', { email: undefined }, 'email'],
  ])('refuses %s', async (_label, override, field) => {
    const payload = { email: uniqueEmail(), name: 'Ann', password: GOOD_PASSWORD, ...override };
    const body = expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/register', payload }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors[field]).toBeTruthy();
  });

  it('refuses a common password with a reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: uniqueEmail(), name: 'A', password: 'Password1' },
    });
    const body = expectError(res, 400, 'PASSWORD_TOO_COMMON');
    expect(body.errors.password).toMatch(/common/);
  });

  it('ignores fields a client may not set (mass assignment)', async () => {
    const email = uniqueEmail();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email,
        name: 'Mallory',
        password: GOOD_PASSWORD,
        role: 'admin',
        email_verified: true,
        id: 1,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ role: 'user', email_verified: false });
  });

  it('treats NFC and NFD spellings of one address as the same account', async () => {
    const local = `jose${Date.now()}`;
    await registerUser(t.app, { email: `${local}\u00e9@example.com` });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: `${local}e\u0301@EXAMPLE.com`, name: 'J', password: GOOD_PASSWORD },
    });
    expectError(res, 409, 'EMAIL_TAKEN');
  });

  it('gives exactly one 201 to 20 parallel registrations of one email', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email, name: 'R', password: GOOD_PASSWORD },
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
  });
});

describe('POST /api/auth/login', () => {
  it('returns tokens, the user and a HttpOnly SameSite=Strict cookie scoped to /api/auth', async () => {
    const user = await registerUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    expect(data.access_token.split('.')).toHaveLength(3);
    expect(data.refresh_token.length).toBeGreaterThan(30);
    expect(data.user.last_login_at).not.toBeNull();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/gh_refresh=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('leaves the refresh token out of the body with transport "cookie", and marks the cookie Secure over HTTPS', async () => {
    const user = await registerUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password, transport: 'cookie' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.refresh_token).toBeUndefined();
    expect(String(res.headers['set-cookie'])).toMatch(/gh_refresh=/);
  });

  it('gives the same status and body for an unknown email and a wrong password', async () => {
    const user = await registerUser(t.app);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail('ghost'), password: GOOD_PASSWORD },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expect(unknown.body).toBe(wrong.body);
  });

  it('compares passwords in full: beyond 72 bytes and after a NUL character', async () => {
    const long = 'a'.repeat(72);
    const user = await registerUser(t.app, { password: `${long}-one` });
    await login(t.app, user.email, `${long}-one`);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: `${long}-two` },
    });
    expectError(other, 401, 'INVALID_CREDENTIALS');

    const nul = await registerUser(t.app, { password: 'before\u0000after-one' });
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: nul.email, password: 'before\u0000after-two' },
    });
    expectError(cut, 401, 'INVALID_CREDENTIALS');
  });

  it('stores bcrypt hashes at the configured cost in the $2b$ format', async () => {
    const user = await registerUser(t.app);
    const row = await t.app.ctx.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$2b\$04\$/);
  });

  it('signs in case-insensitively with surrounding spaces', async () => {
    const user = await registerUser(t.app);
    await login(t.app, `  ${user.email.toUpperCase()}  `, user.password);
  });

  it('refuses unverified accounts with EMAIL_NOT_VERIFIED when verification is required', async () => {
    const strict = await buildTestApp({ REQUIRE_EMAIL_VERIFICATION: 'true' });
    try {
      const user = await registerUser(strict.app);
      const res = await strict.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expectError(res, 403, 'EMAIL_NOT_VERIFIED');
      const wrong = await strict.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'wrong password!' },
      });
      expectError(wrong, 401, 'INVALID_CREDENTIALS');
    } finally {
      await strict.close();
    }
  });
});

describe('GET /api/users/profile', () => {
  it('returns the caller', async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({ method: 'GET', url: '/api/users/profile', headers: me.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.id).toBe(me.id);
  });

  it('answers 401 without a token', async () => {
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/users/profile' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
