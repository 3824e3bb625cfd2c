import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { expectError, GOOD_PASSWORD, signUp } from '../helpers/app.js';
import { codeAt, enableTotp, passwordStep } from '../mfa/support.js';
import { auditTypes, buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';
import { addPasskey, loginOptions, loginVerify, SoftAuthenticator } from './support.js';

let t: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let app: App;
beforeAll(async () => {
  t = await buildAppWithAdmin();
  app = t.app;
});
afterAll(() => t.close());

const mfaOptions = (mfaToken: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/passkeys/mfa/options',
    payload: { mfa_token: mfaToken },
  });
const mfaVerify = (mfaToken: string, credential: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/passkeys/mfa/verify',
    payload: { mfa_token: mfaToken, credential } as never,
  });

describe('a passkey as the second step of password sign-in', () => {
  it('makes password sign-in ask for a second step, which the passkey completes once', async () => {
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const step = await passwordStep(app, user.email, GOOD_PASSWORD);
    expect(step.methods).toEqual(['passkey']);
    const options = await mfaOptions(step.mfa_token);
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json().data.allowCredentials).toHaveLength(1);
    const res = await mfaVerify(step.mfa_token, authenticator.assert(options.json().data));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.user.id).toBe(user.id);
    // The mfa_token is spent.
    expectError(await mfaOptions(step.mfa_token), 401, 'MFA_TOKEN_INVALID');
  });

  it('is offered next to TOTP', async () => {
    const user = await signUp(app);
    await enableTotp(app, user);
    await addPasskey(app, user, new SoftAuthenticator());
    const step = await passwordStep(app, user.email, GOOD_PASSWORD);
    expect(step.methods).toEqual(['totp', 'recovery_code', 'passkey']);
  });

  it('refuses another person’s passkey, and a challenge issued for another mfa_token’s user', async () => {
    const user = await signUp(app);
    const mallory = await signUp(app);
    const mine = new SoftAuthenticator();
    const theirs = new SoftAuthenticator();
    await addPasskey(app, user, mine);
    await addPasskey(app, mallory, theirs);
    const step = await passwordStep(app, user.email, GOOD_PASSWORD);
    const options = (await mfaOptions(step.mfa_token)).json().data;
    const wrongKey = await mfaVerify(
      step.mfa_token,
      theirs.assert(options, { credential: theirs.credentials[0] }),
    );
    expectError(wrongKey, 401, 'PASSKEY_INVALID');
    expect(await auditTypes(t, user.id)).toContain('mfa.failed');
    // Mallory's own password step does not lend its challenge to this one.
    const theirStep = await passwordStep(app, mallory.email, GOOD_PASSWORD);
    const theirOptions = (await mfaOptions(theirStep.mfa_token)).json().data;
    expectError(
      await mfaVerify(
        step.mfa_token,
        mine.assert(theirOptions, { credential: mine.credentials[0] }),
      ),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    );
    // The right passkey still completes it (a wrong one does not spend the mfa_token).
    const again = (await mfaOptions(step.mfa_token)).json().data;
    expect((await mfaVerify(step.mfa_token, mine.assert(again))).statusCode).toBe(200);
  });

  it('refuses an unknown mfa_token', async () => {
    expectError(await mfaOptions('not-a-token'), 401, 'MFA_TOKEN_INVALID');
  });
});

describe('admin reset and re-authentication', () => {
  it('the admin MFA reset removes passkeys too, audited, and signing in with them fails', async () => {
    const admin = await loginAdmin(t);
    const user = await signUp(app);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/users/${user.id}`,
      headers: admin.auth,
    });
    expect(JSON.stringify(detail.json().data)).toMatch(/passkeys"?:1/);
    const res = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/mfa/reset`,
      headers: admin.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await query(t, 'select 1 from passkeys where user_id = $1', [user.id])).toHaveLength(0);
    expect(await auditTypes(t, user.id)).toContain('passkey.removed');
    expectError(
      await loginVerify(app, authenticator.assert(await loginOptions(app))),
      401,
      'PASSKEY_INVALID',
    );
  });

  it('a passkey re-authentication lets the session turn two-step verification off without the password', async () => {
    const user = await signUp(app);
    const { secret } = await enableTotp(app, user);
    const authenticator = new SoftAuthenticator();
    await addPasskey(app, user, authenticator);
    const disable = () =>
      app.inject({
        method: 'DELETE',
        url: '/api/auth/mfa/totp',
        headers: user.auth,
        payload: { code: codeAt(secret) },
      });
    expectError(await disable(), 400, 'CURRENT_PASSWORD_INVALID');
    const options = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/options',
      headers: user.auth,
    });
    const reauth = await app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/verify',
      headers: user.auth,
      payload: { credential: authenticator.assert(options.json().data) },
    });
    expect(reauth.statusCode, reauth.body).toBe(200);
    const res = await disable();
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('MFA_REQUIRED_FOR_ADMINS=true', () => {
  it('an admin may enrol with a passkey instead of TOTP', async () => {
    const strict = await buildAppWithAdmin({ MFA_REQUIRED_FOR_ADMINS: 'true' });
    try {
      const admin = await loginAdmin(strict);
      expectError(
        await strict.app.inject({ url: '/api/users', headers: admin.auth }),
        403,
        'MFA_ENROLMENT_REQUIRED',
      );
      await addPasskey(strict.app, admin, new SoftAuthenticator());
      const list = await strict.app.inject({ url: '/api/users', headers: admin.auth });
      expect(list.statusCode, list.body).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
