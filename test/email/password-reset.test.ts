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
  t = await buildTestApp({ ...FAST_MAIL_ENV, SMTP_URL: smtp.url });
  sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
  await smtp?.stop();
});

const NEW_PASSWORD = 'a whole new passphrase 42';

const forgot = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email } });
const reset = (token: string, password = NEW_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password } });

/** A registered user whose verification mail has arrived, and a reset mail requested for them. */
async function userWithResetToken() {
  const user = await signUp(t.app);
  await smtp.waitForMail(user.email);
  expect((await forgot(user.email)).statusCode).toBe(200);
  const mail = await smtp.waitForMail(user.email, 2);
  return { user, mail, ...linkIn(mail.raw, 'reset-password') };
}

describe('POST /api/auth/forgot-password', () => {
  it('answers 400 for something that is not an email address', async () => {
    const body = expectError(await forgot('not-an-address'), 400, 'VALIDATION_FAILED');
    expect(body.errors.email).toBeTruthy();
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await registerUser(t.app);
    await smtp.waitForMail(known.email);
    const unknown = uniqueEmail('nobody');
    const a = await forgot(known.email);
    const b = await forgot(unknown);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(b.headers['content-length']).toBe(a.headers['content-length']);
    await smtp.waitForMail(known.email, 2);
    await sleep(300);
    expect(smtp.mailsTo(unknown)).toHaveLength(0);
  });

  it('takes the same time for a known and an unknown address', async () => {
    const known = await registerUser(t.app);
    const nobody = uniqueEmail('nobody');
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 30; i++) {
      // Random order, and a pause so one request's background work never slows the next one.
      const order =
        Math.random() < 0.5 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const kind of order) {
        const started = process.hrtime.bigint();
        const res = await forgot(kind === 'known' ? known.email : nobody);
        timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.statusCode).toBe(200);
        await sleep(30);
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    console.log(
      `forgot-password median: known ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms`,
    );
    // The lookup happens after the answer: both are only validation and serialisation. The
    // tolerance absorbs scheduling noise on a busy machine, not a database round trip per case.
    const [a, b] = [median(timings.known), median(timings.unknown)];
    expect(Math.abs(a - b)).toBeLessThan(Math.max(10, 0.25 * Math.max(a, b)));
  });

  it('sends the link only to the address stored on the account, never the one typed', async () => {
    const local = `mike.${process.pid}.${Date.now()}`;
    const stored = `${local}@example.com`;
    await registerUser(t.app, { email: stored });
    await smtp.waitForMail(stored);

    // A look-alike with a dotless ı (U+0131) is another address: nothing is sent anywhere.
    const dotless = `${local.replace('i', '\u0131')}@example.com`;
    expect((await forgot(dotless)).statusCode).toBe(200);
    // The Kelvin sign (U+212A) lower-cases to "k", so this spelling does find the account: the
    // mail must still go to the stored address, not to the one typed.
    const kelvin = `${local.replace('k', '\u212a')}@example.com`;
    expect((await forgot(kelvin)).statusCode).toBe(200);
    await smtp.waitForMail(stored, 2);
    // Case variants match too, and also go to the stored spelling.
    expect((await forgot(`${local.toUpperCase()}@EXAMPLE.COM`)).statusCode).toBe(200);
    const mail = await smtp.waitForMail(stored, 3);
    await sleep(300);
    const lookAlikes = /[\u0131\u212a]/;
    const forThisAccount = smtp.mails.filter((m) =>
      m.to.some((to) =>
        to
          .toLowerCase()
          .replace(/\u0131/g, 'i')
          .startsWith(local),
      ),
    );
    // One verification and two reset mails, all to the stored spelling.
    expect(forThisAccount.flatMap((m) => m.to)).toEqual([stored, stored, stored]);
    expect(forThisAccount.some((m) => lookAlikes.test(m.raw))).toBe(false);
    expect(header(mail.raw, 'To')).toBe(stored);
    linkIn(mail.raw, 'reset-password');
  });

  it('records PASSWORD_RESET_REQUESTED for the account', async () => {
    const { user } = await userWithResetToken();
    const audit = await sql.query(`select type from audit_events where user_id = $1`, [user.id]);
    expect(audit.rows.map((r) => r.type)).toContain('password.reset_requested');
  });
});

describe('POST /api/auth/reset-password: refusals', () => {
  it.each([
    ['an unknown token', { token: 'B'.repeat(43), password: NEW_PASSWORD }],
    ['a missing token', { password: NEW_PASSWORD }],
    ['a missing password', { token: 'B'.repeat(43) }],
  ])('answers 400 for %s', async (_label, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a weak password without spending the token', async () => {
    const { user, token } = await userWithResetToken();
    const body = expectError(await reset(token, 'password'), 400, 'PASSWORD_TOO_COMMON');
    expect(body.errors.password).toBeTruthy();
    expectError(await reset(token, 'short'), 400, 'VALIDATION_FAILED');
    expect((await reset(token)).statusCode).toBe(200);
    await login(t.app, user.email, NEW_PASSWORD);
  });

  it('refuses an expired token (valid for 1 hour)', async () => {
    const { user, token } = await userWithResetToken();
    const ttl = await sql.query(
      `select round(extract(epoch from expires_at - created_at)) as ttl from email_tokens
        where user_id = $1 and purpose = 'reset_password'`,
      [user.id],
    );
    expect(Number(ttl.rows[0].ttl)).toBe(3600);
    await sql.query(
      `update email_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    expectError(await reset(token), 400, 'INVALID_TOKEN');
    await login(t.app, user.email, GOOD_PASSWORD);
  });

  it('refuses a verification token (tokens are bound to their purpose)', async () => {
    const user = await registerUser(t.app);
    const { token } = linkIn((await smtp.waitForMail(user.email)).raw, 'verify-email');
    expectError(await reset(token), 400, 'INVALID_TOKEN');
  });
});

describe('forgot → mail → reset', () => {
  it('sets the password, ends every session, and works only once', async () => {
    const { user, mail, token, link } = await userWithResetToken();
    expect(link).toBe(`http://localhost:3000/reset-password?token=${token}`);
    expect(header(mail.raw, 'Subject')).toBe('Reset your password');
    const second = await login(t.app, user.email, GOOD_PASSWORD);

    const res = await reset(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().success).toBe(true);

    // Every old access token and refresh token is dead at once.
    for (const session of [user, second]) {
      expectError(
        await t.app.inject({ url: '/api/users/profile', headers: session.auth }),
        401,
        'UNAUTHENTICATED',
      );
      const refreshed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/refresh-token',
        payload: { refresh_token: session.refreshToken },
      });
      expect(refreshed.statusCode).toBe(401);
    }

    // The old password is refused, the new one works.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: GOOD_PASSWORD },
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    const fresh = await login(t.app, user.email, NEW_PASSWORD);
    const profile = await t.app.inject({ url: '/api/users/profile', headers: fresh.auth });
    expect(profile.statusCode).toBe(200);
    // Reaching the account's address proved control of it.
    expect(profile.json().data.email_verified).toBe(true);

    // Single use.
    expectError(await reset(token, 'yet another passphrase 7'), 400, 'INVALID_TOKEN');

    const audit = await sql.query(
      `select type, details from audit_events where user_id = $1 and type = 'password.reset'`,
      [user.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.sessions_revoked).toBe(2);
    const revoked = await sql.query(
      `select count(*)::int as n from sessions where user_id = $1 and revoked_reason = 'password_reset'`,
      [user.id],
    );
    expect(revoked.rows[0].n).toBe(2);
  });

  it('spends every other reset link of the account with it', async () => {
    const { user, token: first } = await userWithResetToken();
    await forgot(user.email);
    const { token: second } = linkIn((await smtp.waitForMail(user.email, 3)).raw, 'reset-password');
    expect((await reset(second)).statusCode).toBe(200);
    expectError(await reset(first), 400, 'INVALID_TOKEN');
  });

  it('lets exactly one of two concurrent resets with the same token win', async () => {
    const { token } = await userWithResetToken();
    const results = await Promise.all([
      reset(token, 'first racing passphrase'),
      reset(token, 'second racing passphrase'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it('refuses the link once the account has another address', async () => {
    const { user, token } = await userWithResetToken();
    await sql.query(`update users set email = $1 where id = $2`, [uniqueEmail('moved'), user.id]);
    expectError(await reset(token), 400, 'INVALID_TOKEN');
  });

  it('delivers the reset mail even when it is requested right after registering', async () => {
    const email = uniqueEmail('quick');
    await registerUser(t.app, { email });
    await forgot(email);
    await eventually(() => smtp.mailsTo(email).length === 2, 10_000, 'two mails');
  });
});
