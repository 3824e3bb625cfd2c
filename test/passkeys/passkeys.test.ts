import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp, expectError, GOOD_PASSWORD, signUp, type TestApp } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { inTransaction } from '../../src/db/transaction.js';
import { removeAllPasskeys } from '../../src/passkeys/service.js';
import { auditTypes, query } from '../users/helpers.js';
import { addPasskey, loginOptions, loginVerify, SoftAuthenticator } from './support.js';

let t: TestApp;
let app: App;
beforeAll(async () => {
  t = await buildTestApp();
  app = t.app;
});
afterAll(() => t.close());

describe('registering passkeys', () => {
  it('refuses anonymous callers', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/passkeys/register/options' });
    expectError(res, 401, 'UNAUTHENTICATED');
    expectError(
      await app.inject({ method: 'GET', url: '/api/auth/passkeys' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('asks for a discoverable credential with user verification, for the APP_URL host', async () => {
    const user = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/register/options',
      headers: user.auth,
    });
    const options = res.json().data;
    expect(options.rp.id).toBe('localhost');
    expect(options.user.name).toBe(user.email);
    // The user handle is random, not the id or the address.
    expect(Buffer.from(options.user.id, 'base64url').length).toBe(32);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
  });

  it('stores several per person, listed without keys, and audits each', async () => {
    const user = await signUp(app);
    const phone = new SoftAuthenticator();
    const laptop = new SoftAuthenticator();
    await addPasskey(app, user, phone, 'Phone');
    await addPasskey(app, user, laptop, 'Laptop');
    const list = await app.inject({ method: 'GET', url: '/api/auth/passkeys', headers: user.auth });
    const items = list.json().data;
    expect(items.map((p: { name: string }) => p.name)).toEqual(['Phone', 'Laptop']);
    expect(Object.keys(items[0]).sort()).toEqual(
      ['backed_up', 'created_at', 'id', 'last_used_at', 'name', 'transports'].sort(),
    );
    expect(items[0]).toMatchObject({
      last_used_at: null,
      backed_up: false,
      transports: ['internal'],
    });
    expect((await auditTypes(t, user.id)).filter((e) => e === 'passkey.added')).toHaveLength(2);
    const [row] = await query<{ sign_count: string; public_key: Buffer }>(
      t,
      'select sign_count, public_key from passkeys where user_id = $1 order by id limit 1',
      [user.id],
    );
    expect(Number(row!.sign_count)).toBe(1);
    expect(row!.public_key.length).toBeGreaterThan(60);
  });

  it('refuses an answer to a challenge that was used, never issued, or issued to another session', async () => {
    const user = await signUp(app);
    const other = await signUp(app);
    const authenticator = new SoftAuthenticator();
    const options = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/passkeys/register/options',
        headers: user.auth,
      })
    ).json().data;
    const credential = authenticator.register(options);
    const verify = (who: typeof user, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/passkeys/register/verify',
        headers: who.auth,
        payload: payload as never,
      });
    // Another account cannot finish this person's registration (the challenge is then spent).
    expectError(await verify(other, { name: 'x', credential }), 400, 'PASSKEY_CHALLENGE_INVALID');
    expectError(await verify(user, { name: 'x', credential }), 400, 'PASSKEY_CHALLENGE_INVALID');
    const forged = authenticator.register({
      ...options,
      challenge: randomBytes(32).toString('base64url'),
    });
    expectError(
      await verify(user, { name: 'x', credential: forged }),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    );
  });

  it('refuses a response made for another origin, and an unverified user', async () => {
    const user = await signUp(app);
    const options = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/passkeys/register/options',
          headers: user.auth,
        })
      ).json().data;
    const phishing = new SoftAuthenticator();
    const credential = phishing.register(await options(), { origin: 'http://evil.example' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/register/verify',
      headers: user.auth,
      payload: { name: 'x', credential },
    });
    expectError(res, 400, 'PASSKEY_REJECTED');
    const noUv = new SoftAuthenticator();
    noUv.userVerified = false;
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/register/verify',
      headers: user.auth,
      payload: { name: 'x', credential: noUv.register(await options()) },
    });
    expectError(second, 400, 'PASSKEY_REJECTED');
    expect((await query(t, 'select 1 from passkeys where user_id = $1', [user.id])).length).toBe(0);
  });

  it('validates the name', async () => {
    const user = await signUp(app);
    const options = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/passkeys/register/options',
        headers: user.auth,
      })
    ).json().data;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/register/verify',
      headers: user.auth,
      payload: { name: '  \u202e ', credential: new SoftAuthenticator().register(options) },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});

describe('passwordless sign-in', () => {
  it('signs in with the usual token data and audits it', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    const id = await addPasskey(app, user, authenticator);
    const options = await loginOptions(app);
    expect(options.allowCredentials ?? []).toEqual([]);
    const res = await loginVerify(app, authenticator.assert(options));
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ token_type: 'Bearer', user: { id: user.id } });
    expect(typeof data.refresh_token).toBe('string');
    expect(String(res.headers['set-cookie'])).toMatch(/gh_refresh=/);
    const profile = await app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: { authorization: `Bearer ${data.access_token}` },
    });
    expect(profile.statusCode).toBe(200);
    expect(await auditTypes(t, user.id)).toContain('passkey.sign_in');
    const list = await app.inject({ method: 'GET', url: '/api/auth/passkeys', headers: user.auth });
    const used = list.json().data.find((p: { id: number }) => p.id === id);
    expect(used.last_used_at).not.toBeNull();
  });

  it('leaves the refresh token out of the body with the cookie transport', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/login/verify',
      payload: { credential: authenticator.assert(await loginOptions(app)), transport: 'cookie' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.refresh_token).toBeUndefined();
  });

  it('accepts each challenge once', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const options = await loginOptions(app);
    expect((await loginVerify(app, authenticator.assert(options))).statusCode).toBe(200);
    expectError(
      await loginVerify(app, authenticator.assert(options)),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    );
  });

  it('refuses an unknown credential, a bad signature and a missing user verification', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const stranger = new SoftAuthenticator();
    stranger.register({ challenge: 'x', user: { id: 'eA' } });
    expectError(
      await loginVerify(app, stranger.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
    const tampered = authenticator.assert(await loginOptions(app));
    const sig = Buffer.from(tampered.response.signature, 'base64url');
    sig[sig.length - 1] = sig.at(-1)! ^ 1;
    tampered.response.signature = sig.toString('base64url');
    expectError(await loginVerify(app, tampered), 401, 'PASSKEY_INVALID');
    authenticator.userVerified = false;
    expectError(
      await loginVerify(app, authenticator.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
    const failures = await query<{ details: { reason: string } }>(
      t,
      `select details from audit_events where type = 'login.failed' and user_id = $1`,
      [user.id],
    );
    expect(failures.map((f) => f.details.reason)).toEqual(['passkey_invalid', 'passkey_invalid']);
  });

  it('refuses a cloned authenticator whose counter did not increase, and audits it', async () => {
    const user = await signUp(app);
    const original = new SoftAuthenticator();
    await addPasskey(app, user, original);
    const clone = original.clone();
    expect((await loginVerify(app, original.assert(await loginOptions(app)))).statusCode).toBe(200);
    expect((await loginVerify(app, original.assert(await loginOptions(app)))).statusCode).toBe(200);
    // The clone's next counter (2) is below the stored one (3).
    expectError(
      await loginVerify(app, clone.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
    // Same counter as stored: refused too.
    expectError(
      await loginVerify(app, original.assert(await loginOptions(app), { counter: 3 })),
      401,
      'PASSKEY_INVALID',
    );
    const events = await query<{ details: { stored: number; presented: number } }>(
      t,
      `select details from audit_events where type = 'passkey.counter_regressed' and user_id = $1 order by id`,
      [user.id],
    );
    expect(events.map((e) => [e.details.stored, e.details.presented])).toEqual([
      [3, 2],
      [3, 3],
    ]);
  });

  it('accepts an authenticator that keeps no counter (always 0)', async () => {
    const user = await signUp(app);
    const synced = new SoftAuthenticator();
    synced.counterStep = 0;
    await addPasskey(app, user, synced);
    for (let i = 0; i < 2; i++)
      expect((await loginVerify(app, synced.assert(await loginOptions(app)))).statusCode).toBe(200);
  });

  it('counts failures against the sign-in throttle', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_LOGIN_ACCOUNT_MAX: '2' });
    try {
      const user = await signUp(limited.app);
      const authenticator = new SoftAuthenticator();
      await addPasskey(limited.app, user, authenticator);
      authenticator.userVerified = false;
      for (let i = 0; i < 2; i++)
        expectError(
          await loginVerify(limited.app, authenticator.assert(await loginOptions(limited.app))),
          401,
          'PASSKEY_INVALID',
        );
      authenticator.userVerified = true;
      const res = await loginVerify(
        limited.app,
        authenticator.assert(await loginOptions(limited.app)),
      );
      expectError(res, 429, 'RATE_LIMITED');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('managing passkeys', () => {
  it('renames only one’s own passkeys', async () => {
    const user = await signUp(app);
    const other = await signUp(app);
    const id = await addPasskey(app, user, new SoftAuthenticator(), 'Old');
    const rename = (who: typeof user, name: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/auth/passkeys/${id}`,
        headers: who.auth,
        payload: { name },
      });
    expectError(await rename(other, 'Mine now'), 404, 'PASSKEY_NOT_FOUND');
    const res = await rename(user, ' Work key ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.name).toBe('Work key');
  });

  it('removes a passkey only with current_password or a recent passkey re-authentication', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    const id = await addPasskey(app, user, authenticator);
    const remove = (payload?: object) =>
      app.inject({
        method: 'DELETE',
        url: `/api/auth/passkeys/${id}`,
        headers: user.auth,
        ...(payload && { payload }),
      });
    expectError(await remove(), 400, 'CURRENT_PASSWORD_INVALID');
    expectError(await remove({ current_password: 'wrong one' }), 400, 'CURRENT_PASSWORD_INVALID');
    const other = await signUp(app);
    expectError(
      await app.inject({
        method: 'DELETE',
        url: `/api/auth/passkeys/${id}`,
        headers: other.auth,
        payload: { current_password: GOOD_PASSWORD },
      }),
      404,
      'PASSKEY_NOT_FOUND',
    );
    const res = await remove({ current_password: GOOD_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toBeNull();
    expect(await auditTypes(t, user.id)).toContain('passkey.removed');
    // Removed: signing in with it fails.
    expectError(
      await loginVerify(app, authenticator.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
  });
});

describe('what others see', () => {
  it('the export lists names and dates only; admins see them, other users do not', async () => {
    const user = await signUp(app);
    await addPasskey(app, user, new SoftAuthenticator(), 'Phone');
    const exported = await app.inject({
      method: 'GET',
      url: `/api/users/${user.id}/export`,
      headers: user.auth,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const keys = exported.json().data.factors.filter((f: { type: string }) => f.type === 'passkey');
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(['created_at', 'last_used_at', 'name', 'type']);
    expect(keys[0].name).toBe('Phone');
    const other = await signUp(app);
    expectError(
      await app.inject({
        method: 'GET',
        url: `/api/users/${user.id}/passkeys`,
        headers: other.auth,
      }),
      403,
      'FORBIDDEN',
    );
    const own = await app.inject({
      method: 'GET',
      url: `/api/users/${user.id}/passkeys`,
      headers: user.auth,
    });
    expect(own.json().data.map((p: { name: string }) => p.name)).toEqual(['Phone']);
    expectError(
      await app.inject({ method: 'GET', url: '/api/users/999999999/passkeys', headers: user.auth }),
      404,
      'USER_NOT_FOUND',
    );
  });

  it('removeAllPasskeys (the admin reset) removes and audits every passkey of the user', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator, 'A');
    await addPasskey(app, user, new SoftAuthenticator(), 'B');
    const removed = await inTransaction(app.ctx.database.db, (trx) =>
      removeAllPasskeys(trx, user.id, { actorId: null, context: { ip: null, userAgent: null } }),
    );
    expect(removed).toBe(2);
    expect((await auditTypes(t, user.id)).filter((e) => e === 'passkey.removed')).toHaveLength(2);
    expectError(
      await loginVerify(app, authenticator.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
  });
});

describe('re-authentication with a passkey', () => {
  const reauth = async (
    a: App,
    user: { auth: Record<string, string> },
    authenticator: SoftAuthenticator,
  ) => {
    const options = await a.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/options',
      headers: user.auth,
    });
    expect(options.statusCode, options.body).toBe(200);
    return a.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/verify',
      headers: user.auth,
      payload: { credential: authenticator.assert(options.json().data) },
    });
  };

  it('lets this session change the password, the email and delete the account without current_password', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const put = (payload: object) =>
      app.inject({ method: 'PUT', url: `/api/users/${user.id}`, headers: user.auth, payload });
    expectError(
      await put({ password: 'another fine passphrase' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    const res = await reauth(app, user, authenticator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual({ expires_in: 300 });
    expect((await put({ password: 'another fine passphrase' })).statusCode).toBe(200);
    expect((await put({ email: `new.${user.email}` })).statusCode).toBe(200);
    // A wrong password given explicitly is still judged.
    expectError(
      await put({ password: 'a third passphrase!', current_password: 'wrong' }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: user.auth,
    });
    expect(del.statusCode, del.body).toBe(200);
  });

  it('is bound to the session that made it', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    expect((await reauth(app, user, authenticator)).statusCode).toBe(200);
    // Another session of the same person (signed in with the passkey): no marker there.
    const otherSession = await loginVerify(app, authenticator.assert(await loginOptions(app)));
    const token = otherSession.json().data.access_token;
    expectError(
      await app.inject({
        method: 'DELETE',
        url: `/api/users/${user.id}`,
        headers: { authorization: `Bearer ${token}` },
      }),
      400,
      'CURRENT_PASSWORD_INVALID',
    );
  });

  it('refuses another person’s passkey and a challenge issued to another session', async () => {
    const user = await signUp(app);
    const mallory = await signUp(app);
    const mine = new SoftAuthenticator();
    const theirs = new SoftAuthenticator();
    await addPasskey(app, user, mine);
    await addPasskey(app, mallory, theirs);
    const options = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/options',
      headers: mallory.auth,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/verify',
      headers: user.auth,
      payload: {
        credential: mine.assert(options.json().data, { credential: mine.credentials[0] }),
      },
    });
    expectError(res, 400, 'PASSKEY_CHALLENGE_INVALID');
    const own = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/options',
      headers: user.auth,
    });
    const wrongKey = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/verify',
      headers: user.auth,
      payload: {
        credential: theirs.assert(own.json().data, { credential: theirs.credentials[0] }),
      },
    });
    expectError(wrongKey, 401, 'PASSKEY_INVALID');
  });

  it('answers 404 to options for a person without passkeys', async () => {
    const user = await signUp(app);
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/auth/passkeys/reauth/options',
        headers: user.auth,
      }),
      404,
      'PASSKEY_NOT_FOUND',
    );
  });
});

describe('two instances sharing Redis', () => {
  it('a challenge issued by instance 1 is answered at instance 2, once', async () => {
    const env = {
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `gh-passkeys:${randomBytes(4).toString('hex')}:`,
    };
    const one = await buildTestApp(env);
    const two = await buildApp(
      loadConfig({ ...TEST_ENV, ...env, DATA_DIR: one.dataDir, DATABASE_URL: one.databaseUrl }),
    );
    try {
      const user = await signUp(one.app);
      const authenticator = new SoftAuthenticator();
      // Registration: options at one, verify at two.
      const regOptions = await one.app.inject({
        method: 'POST',
        url: '/api/auth/passkeys/register/options',
        headers: user.auth,
      });
      const registered = await two.inject({
        method: 'POST',
        url: '/api/auth/passkeys/register/verify',
        headers: user.auth,
        payload: { name: 'Key', credential: authenticator.register(regOptions.json().data) },
      });
      expect(registered.statusCode, registered.body).toBe(201);
      // Sign-in: options at one, verify at two, then the same answer again at one.
      const options = await loginOptions(one.app);
      const credential = authenticator.assert(options);
      expect((await loginVerify(two, credential)).statusCode).toBe(200);
      expectError(await loginVerify(one.app, credential), 400, 'PASSKEY_CHALLENGE_INVALID');
    } finally {
      await two.close();
      await one.close();
    }
  });
});
