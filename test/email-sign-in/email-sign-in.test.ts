import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';
import { FAST_MAIL_ENV } from '../email/env.js';
import { SmtpSink, sleep } from '../email/smtp-sink.js';
import { codeAt, enableTotp, verify as mfaVerify, wrongCode as wrongTotp } from '../mfa/support.js';

let smtp: SmtpSink;
let t: TestApp;
let sql: pg.Client;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  t = await buildTestApp({ ...FAST_MAIL_ENV, SMTP_URL: smtp.url });
  sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
  await smtp?.stop();
});

type Inject = TestApp['app']['inject'];
const requestSignIn = (email: unknown, app: { inject: Inject } = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/email-sign-in', payload: { email } });
const verify = (payload: Record<string, unknown>, app: { inject: Inject } = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/email-sign-in/verify', payload });

/** The link token and the code of a sign-in mail (each alone on its line in the text part). */
export function signInSecrets(raw: string) {
  const link = /^https?:\/\/\S+\/email-sign-in\?token=([A-Za-z0-9_-]+)\r?$/m.exec(raw);
  const code = /^(\d{6})\r?$/m.exec(raw);
  if (!link || !code) throw new Error(`no sign-in link or code in mail:\n${raw}`);
  return { token: link[1]!, code: code[1]! };
}

/** A registered user (verification mail received) who asked for a sign-in mail. */
async function userWithSignInMail(overrides: { email?: string } = {}) {
  const user = await registerUser(t.app, overrides);
  await smtp.waitForMail(user.email);
  expect((await requestSignIn(user.email)).statusCode).toBe(200);
  const mail = await smtp.waitForMail(user.email, 2);
  return { user, mail, ...signInSecrets(mail.raw) };
}

async function auditTypes(userId: number): Promise<string[]> {
  const { rows } = await sql.query<{ type: string }>(
    'select type from audit_events where user_id = $1 order by id',
    [userId],
  );
  return rows.map((r) => r.type);
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/auth/email-sign-in', () => {
  it('answers 400 for something that is not an email address', async () => {
    expectError(await requestSignIn('not-an-address'), 400, 'VALIDATION_FAILED');
    expectError(await requestSignIn(42), 400, 'VALIDATION_FAILED');
  });

  it('answers an unknown address exactly like a known one, and mails nothing to it', async () => {
    const known = await registerUser(t.app);
    await smtp.waitForMail(known.email);
    const unknown = uniqueEmail('nobody');
    const a = await requestSignIn(known.email);
    const b = await requestSignIn(unknown);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(a.json().data).toBeNull();
    await smtp.waitForMail(known.email, 2);
    await sleep(300);
    expect(smtp.mailsTo(unknown)).toHaveLength(0);
    const { rows } = await sql.query('select 1 from email_sign_ins where email = $1', [unknown]);
    expect(rows).toHaveLength(0);
  });

  it('mails a link and a 6-digit code, stored only hashed, valid 15 minutes', async () => {
    const { user, mail, token, code } = await userWithSignInMail();
    expect(mail.raw).toMatch(/^Subject: .*sign-in code/im);
    expect(code).toMatch(/^\d{6}$/);
    const { rows } = await sql.query(
      `select token_hash, code_hash, attempts, used_at,
              extract(epoch from expires_at - created_at) as ttl
         from email_sign_ins where user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(Number(row.ttl)).toBeGreaterThan(14 * 60);
    expect(Number(row.ttl)).toBeLessThanOrEqual(15 * 60 + 1);
    expect(row.token_hash.toString('base64url')).not.toBe(token);
    expect(row.code_hash.toString('utf8')).not.toContain(code);
    expect(row.attempts).toBe(0);
    expect(row.used_at).toBeNull();
    expect(await auditTypes(user.id)).toContain('email_sign_in.requested');
  });

  it('is limited per recipient like forgot-password (429 past the allowance)', async () => {
    const limited = await buildTestApp({
      ...FAST_MAIL_ENV,
      SMTP_URL: smtp.url,
      RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: '2',
    });
    try {
      const email = uniqueEmail('limited');
      expect((await requestSignIn(email, limited.app)).statusCode).toBe(200);
      expect((await requestSignIn(email, limited.app)).statusCode).toBe(200);
      const res = await requestSignIn(email, limited.app);
      expectError(res, 429, 'RATE_LIMITED');
      expect(res.headers['retry-after']).toBeTruthy();
      // The allowance is shared with forgot-password: both send mail to that inbox.
      const other = uniqueEmail('shared');
      expect((await requestSignIn(other, limited.app)).statusCode).toBe(200);
      await limited.app.inject({
        method: 'POST',
        url: '/api/auth/forgot-password',
        payload: { email: other },
      });
      expectError(await requestSignIn(other, limited.app), 429, 'RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('is limited per client address too', async () => {
    const limited = await buildTestApp({
      ...FAST_MAIL_ENV,
      SMTP_URL: smtp.url,
      RATE_LIMIT_EMAIL_PER_HOUR: '2',
    });
    try {
      expect((await requestSignIn(uniqueEmail('a'), limited.app)).statusCode).toBe(200);
      expect((await requestSignIn(uniqueEmail('b'), limited.app)).statusCode).toBe(200);
      expectError(await requestSignIn(uniqueEmail('c'), limited.app), 429, 'RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('POST /api/auth/email-sign-in/verify', () => {
  it.each([
    ['an unknown token', { token: 'A'.repeat(43) }],
    ['an empty token', { token: '' }],
    ['a code that is not 6 digits', { email: 'a@example.com', code: '12345' }],
    ['a code without its address', { code: '123456' }],
    ['both kinds at once', { token: 'abc', email: 'a@example.com', code: '123456' }],
    ['nothing', {}],
  ])('refuses %s', async (_label, payload) => {
    const res = await verify(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().success).toBe(false);
  });

  it('refuses a code for an address that asked for nothing, like a wrong one', async () => {
    const res = expectError(
      await verify({ email: uniqueEmail('nobody'), code: '123456' }),
      400,
      'SIGN_IN_CODE_INVALID',
    );
    expect(res.message).toMatch(/wrong|expired/);
  });

  it('signs in with the code, marks the email verified, and the code works once', async () => {
    const { user, code } = await userWithSignInMail();
    const res = await verify({ email: user.email.toUpperCase(), code });
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.token_type).toBe('Bearer');
    expect(data.access_token).toBeTruthy();
    expect(data.refresh_token).toBeTruthy();
    expect(data.user.email_verified).toBe(true);
    expect(res.headers['set-cookie']).toBeTruthy();
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: { authorization: `Bearer ${data.access_token}` },
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.json().data.id).toBe(user.id);
    const types = await auditTypes(user.id);
    expect(types).toEqual(
      expect.arrayContaining(['email.verified', 'email_sign_in.succeeded', 'login.succeeded']),
    );
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
  });

  it('signs in with the link token, once; the code of that request is spent with it', async () => {
    const { user, token, code } = await userWithSignInMail();
    const res = await verify({ token, transport: 'cookie' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.refresh_token).toBeUndefined();
    expect(res.json().data.user.id).toBe(user.id);
    expectError(await verify({ token }), 400, 'SIGN_IN_CODE_INVALID');
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
  });

  it('ends the sessions an unverified account had (someone else may have registered it)', async () => {
    const user = await registerUser(t.app);
    const earlier = await login(t.app, user.email, GOOD_PASSWORD);
    const profile = () =>
      t.app.inject({ method: 'GET', url: '/api/users/profile', headers: earlier.auth });
    expect((await profile()).statusCode).toBe(200);
    await smtp.waitForMail(user.email);
    await requestSignIn(user.email);
    const { code } = signInSecrets((await smtp.waitForMail(user.email, 2)).raw);
    expect((await verify({ email: user.email, code })).statusCode).toBe(200);
    expect((await profile()).statusCode).toBe(401);
  });

  it('keeps other sessions of an account whose address was already verified', async () => {
    const first = await userWithSignInMail();
    expect((await verify({ token: first.token })).statusCode).toBe(200);
    const earlier = await login(t.app, first.user.email, GOOD_PASSWORD);
    await requestSignIn(first.user.email);
    const again = signInSecrets((await smtp.waitForMail(first.user.email, 3)).raw);
    expect((await verify({ token: again.token })).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: earlier.auth,
    });
    expect(res.statusCode).toBe(200);
  });

  it('does not write email.verified again for an address already verified', async () => {
    const first = await userWithSignInMail();
    expect((await verify({ token: first.token })).statusCode).toBe(200);
    expect((await requestSignIn(first.user.email)).statusCode).toBe(200);
    const again = signInSecrets((await smtp.waitForMail(first.user.email, 3)).raw);
    expect((await verify({ token: again.token })).statusCode).toBe(200);
    const types = await auditTypes(first.user.id);
    expect(types.filter((x) => x === 'email.verified')).toHaveLength(1);
    expect(types.filter((x) => x === 'email_sign_in.succeeded')).toHaveLength(2);
  });

  it('kills the request after 5 wrong codes: then even the right code and the link fail', async () => {
    const { user, token, code } = await userWithSignInMail();
    for (let i = 0; i < 5; i++)
      expectError(
        await verify({ email: user.email, code: wrongCode(code) }),
        400,
        'SIGN_IN_CODE_INVALID',
      );
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
    expectError(await verify({ token }), 400, 'SIGN_IN_CODE_INVALID');
    const { rows } = await sql.query('select attempts from email_sign_ins where user_id = $1', [
      user.id,
    ]);
    expect(rows[0].attempts).toBe(5);
    const failed = (await auditTypes(user.id)).filter((x) => x === 'email_sign_in.failed');
    expect(failed.length).toBeGreaterThanOrEqual(5);
  });

  it('counts concurrent wrong guesses atomically: never more than 5 per request', async () => {
    const { user, code } = await userWithSignInMail();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        verify({
          email: user.email,
          code: String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
        }),
      ),
    );
    expect(guesses.every((r) => r.statusCode === 400)).toBe(true);
    const { rows } = await sql.query('select attempts from email_sign_ins where user_id = $1', [
      user.id,
    ]);
    expect(rows[0].attempts).toBe(5);
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
  });

  it('still takes the right code after fewer than 5 wrong ones', async () => {
    const { user, code } = await userWithSignInMail();
    for (let i = 0; i < 4; i++)
      expectError(
        await verify({ email: user.email, code: wrongCode(code) }),
        400,
        'SIGN_IN_CODE_INVALID',
      );
    expect((await verify({ email: user.email, code })).statusCode).toBe(200);
  });

  it('refuses an expired link and code', async () => {
    const { user, token, code } = await userWithSignInMail();
    await sql.query(
      `update email_sign_ins set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
    expectError(await verify({ token }), 400, 'SIGN_IN_CODE_INVALID');
  });

  it('a new request replaces the previous one for that address', async () => {
    const first = await userWithSignInMail();
    expect((await requestSignIn(first.user.email)).statusCode).toBe(200);
    const second = signInSecrets((await smtp.waitForMail(first.user.email, 3)).raw);
    expectError(await verify({ token: first.token }), 400, 'SIGN_IN_CODE_INVALID');
    expectError(
      await verify({
        email: first.user.email,
        code: first.code === second.code ? wrongCode(first.code) : first.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    );
    expect((await verify({ email: first.user.email, code: second.code })).statusCode).toBe(200);
  });

  it('refuses a request once the account changed its address', async () => {
    const { user, token } = await userWithSignInMail();
    const signedIn = await login(t.app, user.email, GOOD_PASSWORD);
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      headers: signedIn.auth,
      payload: { email: uniqueEmail('moved'), current_password: GOOD_PASSWORD },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expectError(await verify({ token }), 400, 'SIGN_IN_CODE_INVALID');
  });
});

describe('with two-step verification on', () => {
  it('answers the second-step challenge instead of tokens; the code then finishes it', async () => {
    const user = await registerUser(t.app);
    await smtp.waitForMail(user.email);
    const signedIn = await login(t.app, user.email, GOOD_PASSWORD);
    const { secret } = await enableTotp(t.app, signedIn);
    await requestSignIn(user.email);
    const { code } = signInSecrets((await smtp.waitForMail(user.email, 2)).raw);
    const res = await verify({ email: user.email, code });
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.access_token).toBeUndefined();
    expect(data.refresh_token).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(data.mfa_required).toBe(true);
    expect(data.methods).toContain('totp');
    // The email code is spent: it cannot start a second challenge.
    expectError(await verify({ email: user.email, code }), 400, 'SIGN_IN_CODE_INVALID');
    const wrong = await mfaVerify(t.app, { mfa_token: data.mfa_token, code: wrongTotp(secret) });
    expect(wrong.statusCode).not.toBe(200);
    const done = await mfaVerify(t.app, { mfa_token: data.mfa_token, code: codeAt(secret) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().data.user.id).toBe(user.id);
  });
});

describe('EMAIL_SIGN_UP', () => {
  it('off (default): an unknown address gets no mail and no account', async () => {
    const email = uniqueEmail('stranger');
    expect((await requestSignIn(email)).statusCode).toBe(200);
    await sleep(300);
    expect(smtp.mailsTo(email)).toHaveLength(0);
    const { rows } = await sql.query('select 1 from users where email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it('on: the first sign-in creates a verified account without a password or name', async () => {
    const signUpApp = await buildTestApp({
      ...FAST_MAIL_ENV,
      SMTP_URL: smtp.url,
      EMAIL_SIGN_UP: 'true',
    });
    try {
      const email = uniqueEmail('newcomer');
      const a = await requestSignIn(email, signUpApp.app);
      expect(a.statusCode).toBe(200);
      const { code } = signInSecrets((await smtp.waitForMail(email)).raw);
      // Nothing exists before the code is used.
      const before = await signUpApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: GOOD_PASSWORD },
      });
      expectError(before, 401, 'INVALID_CREDENTIALS');
      const res = await verify({ email, code }, signUpApp.app);
      expect(res.statusCode, res.body).toBe(200);
      const user = res.json().data.user;
      expect(user.email).toBe(email);
      expect(user.name).toBe('');
      expect(user.email_verified).toBe(true);
      // No password works for it.
      for (const password of [GOOD_PASSWORD, '!no-password', ''])
        expect(
          (
            await signUpApp.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email, password },
            })
          ).statusCode,
        ).not.toBe(200);
      // A second request signs in to the same account.
      await requestSignIn(email, signUpApp.app);
      const again = signInSecrets((await smtp.waitForMail(email, 2)).raw);
      const second = await verify({ token: again.token }, signUpApp.app);
      expect(second.statusCode).toBe(200);
      expect(second.json().data.user.id).toBe(user.id);
    } finally {
      await signUpApp.close();
    }
  });
});
