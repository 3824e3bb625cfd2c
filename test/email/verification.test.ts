import pg from 'pg';
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
import { FAST_MAIL_ENV } from './env.js';
import { eventually, header, linkIn, SmtpSink, sleep } from './smtp-sink.js';

let smtp: SmtpSink;
let t: TestApp;
let sql: pg.Client;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  t = await buildTestApp({
    ...FAST_MAIL_ENV,
    SMTP_URL: smtp.url,
    APP_URL: 'https://accounts.example.test',
  });
  sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
  await smtp?.stop();
});

const verify = (token: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });

async function registerAndReadToken(overrides: { name?: string } = {}) {
  const user = await registerUser(t.app, overrides);
  const mail = await smtp.waitForMail(user.email);
  return { user, mail, ...linkIn(mail.raw, 'verify-email') };
}

describe('POST /api/auth/verify-email: refusals', () => {
  it.each([
    ['an unknown token', { token: 'A'.repeat(43) }],
    ['an empty token', { token: '' }],
    ['a missing token', {}],
    ['a token of the wrong type', { token: 42 }],
  ])('answers 400 for %s', async (_label, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().success).toBe(false);
  });

  it('refuses a reset-password token (tokens are bound to their purpose)', async () => {
    const user = await registerUser(t.app);
    const token = await smtp.resetTokenFor(t.app, user.email);
    expectError(await verify(token), 400, 'INVALID_TOKEN');
  });

  it('refuses an expired token', async () => {
    const { user, token } = await registerAndReadToken();
    await sql.query(
      `update email_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    expectError(await verify(token), 400, 'INVALID_TOKEN');
  });

  it('refuses a token once the account has another address', async () => {
    const { user, token } = await registerAndReadToken();
    await sql.query(`update users set email = $1 where id = $2`, [uniqueEmail('moved'), user.id]);
    expectError(await verify(token), 400, 'INVALID_TOKEN');
    const row = await sql.query(`select email_verified from users where id = $1`, [user.id]);
    expect(row.rows[0].email_verified).toBe(false);
  });

  it('accepts a token once the account has another spelling of the same address', async () => {
    const email = uniqueEmail().replace('@', '.ΟΔΟΣ@'); // lowers to a final ς
    const user = await registerUser(t.app, { email });
    const { token } = linkIn((await smtp.waitForMail(email)).raw, 'verify-email');
    await sql.query(`update users set email = $1 where id = $2`, [
      email.replace('ΟΔΟΣ', 'οδοσ'),
      user.id,
    ]);
    expect((await verify(token)).statusCode).toBe(200);
  });

  it('works once: the second use answers 400', async () => {
    const { token } = await registerAndReadToken();
    expect((await verify(token)).statusCode).toBe(200);
    expectError(await verify(token), 400, 'INVALID_TOKEN');
  });
});

describe('registration → mail → verify', () => {
  it('mails a link to APP_URL/verify-email that verifies the address', async () => {
    const { user, mail, link, token } = await registerAndReadToken();
    expect(mail.to).toEqual([user.email]);
    expect(mail.from).toBe('no-reply@gatehouse.test');
    expect(header(mail.raw, 'Subject')).toBe('Confirm your email address');
    expect(link).toBe(`https://accounts.example.test/verify-email?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);

    // Only the SHA-256 of the token is stored.
    const stored = await sql.query(
      `select token_hash, email, round(extract(epoch from expires_at - created_at)) as ttl from email_tokens where user_id = $1`,
      [user.id],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].email).toBe(user.email);
    expect(Number(stored.rows[0].ttl)).toBe(24 * 3600);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    const signedIn = await login(t.app, user.email, user.password);
    const before = await t.app.inject({ url: '/api/users/profile', headers: signedIn.auth });
    expect(before.json().data.email_verified).toBe(false);

    const res = await verify(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      success: true,
      data: { id: user.id, email_verified: true },
    });

    const after = await t.app.inject({ url: '/api/users/profile', headers: signedIn.auth });
    expect(after.json().data.email_verified).toBe(true);

    const audit = await sql.query(`select type from audit_events where user_id = $1`, [user.id]);
    expect(audit.rows.map((r) => r.type)).toContain('email.verified');
  });

  it('escapes the user-supplied name in the HTML part', async () => {
    const { mail } = await registerAndReadToken({ name: '<b>Eve</b> & "friends"' });
    expect(mail.raw).not.toContain('<b>Eve</b>');
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;friends');
  });

  it('keeps the outbox bodies sealed while pending and empty once sent', async () => {
    const { user } = await registerAndReadToken();
    const rows = await eventually(async () => {
      const result = await sql.query(
        `select text, html, sent_at, attempts, message_id from mail_outbox where user_id = $1`,
        [user.id],
      );
      return result.rows[0]?.sent_at ? result : null;
    });
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ text: '', html: '', attempts: 1 });
    expect(rows.rows[0].sent_at).toBeInstanceOf(Date);
    const mail = smtp.mailsTo(user.email)[0]!;
    expect(mail.messageId).toBe(`<${rows.rows[0].message_id}>`);
  });
});

describe('email change → mail to the new address', () => {
  it('sends a verification link to the new address; links to the old one stop working', async () => {
    const user = await signUp(t.app);
    const oldLink = linkIn((await smtp.waitForMail(user.email)).raw, 'verify-email');
    const newEmail = uniqueEmail('changed');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { email: newEmail, current_password: user.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const mail = await smtp.waitForMail(newEmail);
    expect(mail.to).toEqual([newEmail]);
    expectError(await verify(oldLink.token), 400, 'INVALID_TOKEN');
    const verified = await verify(linkIn(mail.raw, 'verify-email').token);
    expect(verified.statusCode).toBe(200);
    expect(verified.json().data).toMatchObject({ email: newEmail, email_verified: true });
  });
});

describe('POST /api/auth/resend-verification', () => {
  it('answers 401 without a token', async () => {
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('sends a new link; the old and the new both verify until one is used', async () => {
    const user = await signUp(t.app);
    const first = linkIn((await smtp.waitForMail(user.email)).raw, 'verify-email').token;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/resend-verification',
      headers: user.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true, message: 'Verification email sent', data: null });
    const second = linkIn((await smtp.waitForMail(user.email, 2)).raw, 'verify-email').token;
    expect(second).not.toBe(first);
    expect((await verify(second)).statusCode).toBe(200);
    // Verified: the other outstanding link is spent with it.
    expectError(await verify(first), 400, 'INVALID_TOKEN');
  });

  it('answers 200 without sending anything when already verified', async () => {
    const user = await signUp(t.app);
    const { token } = linkIn((await smtp.waitForMail(user.email)).raw, 'verify-email');
    expect((await verify(token)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/resend-verification',
      headers: user.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatch(/already verified/);
    await sleep(300);
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });
});

describe('REQUIRE_EMAIL_VERIFICATION=true', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await buildTestApp({
      ...FAST_MAIL_ENV,
      SMTP_URL: smtp.url,
      REQUIRE_EMAIL_VERIFICATION: 'true',
    });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('refuses login with EMAIL_NOT_VERIFIED until the link is used', async () => {
    const email = uniqueEmail('strict');
    await registerUser(strict.app, { email });
    const payload = { email, password: GOOD_PASSWORD };
    expectError(
      await strict.app.inject({ method: 'POST', url: '/api/auth/login', payload }),
      403,
      'EMAIL_NOT_VERIFIED',
    );
    const { token } = linkIn((await smtp.waitForMail(email)).raw, 'verify-email');
    const res = await strict.app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token },
    });
    expect(res.statusCode).toBe(200);
    await login(strict.app, email, GOOD_PASSWORD);
  });
});
