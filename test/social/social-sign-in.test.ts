import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { signInUpstream, type Upstream } from '../helpers/upstream-oidc.js';
import { enableTotp } from '../mfa/support.js';
import { addPasskey, SoftAuthenticator } from '../passkeys/support.js';
import {
  callback,
  cookieOf,
  exchange,
  APP_URL,
  PROVIDER,
  socialSignIn,
  startFlow,
  startWithUpstream,
} from './support.js';

let t: TestApp;
let upstream: Upstream;
let sql: pg.Client;

beforeAll(async () => {
  ({ t, upstream } = await startWithUpstream());
  sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
  await upstream?.close();
});

async function auditTypes(userId: number): Promise<string[]> {
  const { rows } = await sql.query<{ type: string }>(
    'select type from audit_events where user_id = $1 order by id',
    [userId],
  );
  return rows.map((r) => r.type);
}

async function userByEmail(email: string) {
  const { rows } = await sql.query<{ id: number; email_verified: boolean; password_hash: string }>(
    'select id, email_verified, password_hash from users where email = $1',
    [email],
  );
  return rows[0];
}

const bearer = (res: { json(): any }) => ({
  authorization: `Bearer ${res.json().data.access_token as string}`,
});

describe('GET /api/auth/providers', () => {
  it('lists the configured providers by id and name only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([{ id: PROVIDER, name: 'Upstream' }]);
  });
});

describe('GET /api/auth/oauth/:provider/start', () => {
  it('answers 404 for a provider that is not configured', async () => {
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/auth/oauth/nope/start' }),
      404,
      'PROVIDER_NOT_FOUND',
    );
  });

  it('refuses a returnTo that is not root-relative', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/auth/oauth/${PROVIDER}/start?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizationUrl } = await startFlow(t.app);
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(upstream.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(
      `http://gatehouse.test/api/auth/oauth/${PROVIDER}/callback`,
    );
  });
});

describe('social sign-in', () => {
  it('creates a verified account without a password on the first sign-in', async () => {
    const email = uniqueEmail('social');
    const flow = await socialSignIn(t.app, { email });
    expect(flow.target.pathname).toBe('/sign-in/social');
    expect(flow.target.searchParams.get('returnTo')).toBe('/account');
    // No token in the address: only a one-time code for the web app.
    expect([...flow.target.searchParams.keys()].sort()).toEqual(['code', 'provider', 'returnTo']);
    expect(flow.signedIn!.statusCode, flow.signedIn!.body).toBe(200);
    const data = flow.signedIn!.json().data;
    expect(data.user.email).toBe(email);
    expect(data.user.email_verified).toBe(true);
    expect(cookieOf(flow.signedIn!, 'gh_refresh')).toBeTruthy();
    const user = await userByEmail(email);
    expect(user!.email_verified).toBe(true);
    // No password matches: the account has none until the person sets one.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: user!.password_hash },
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    // Provider tokens are not kept unless the provider asks for it (store_tokens).
    const { rows: identities } = await sql.query(
      'select tokens_sealed from user_identities where user_id = $1',
      [user!.id],
    );
    expect(identities).toEqual([{ tokens_sealed: null }]);
    expect(await auditTypes(user!.id)).toEqual(
      expect.arrayContaining([
        'account.created',
        'identity.linked',
        'social.sign_in',
        'login.succeeded',
      ]),
    );
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/users/${user!.id}/export`,
      headers: bearer(flow.signedIn!),
    });
    expect(exported.json().data.linked_identities).toMatchObject([
      { provider: PROVIDER, subject: `sub-${email}`, email },
    ]);
    const methods = await t.app.inject({
      method: 'GET',
      url: '/api/auth/identities',
      headers: bearer(flow.signedIn!),
    });
    expect(methods.json().data).toMatchObject({
      password: false,
      passkeys: 0,
      ways_in: 1,
      identities: [{ provider: PROVIDER, provider_name: 'Upstream', email }],
    });
  });

  it('finds the same account by (provider, subject) on the second sign-in', async () => {
    const email = uniqueEmail('again');
    const first = await socialSignIn(t.app, { email });
    const second = await socialSignIn(t.app, { email });
    expect(second.signedIn!.statusCode).toBe(200);
    expect(second.signedIn!.json().data.user.id).toBe(first.signedIn!.json().data.user.id);
    const { rows } = await sql.query('select count(*)::int as n from users where email = $1', [
      email,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('finds the account by subject even when the upstream email changed since', async () => {
    const email = uniqueEmail('moved');
    const first = await socialSignIn(t.app, { email });
    const moved = uniqueEmail('moved-new');
    upstream.subjects.set(moved, `sub-${email}`);
    const second = await socialSignIn(t.app, { email: moved, verified: false });
    expect(second.signedIn!.json().data.user.id).toBe(first.signedIn!.json().data.user.id);
  });

  it('never trusts an unverified upstream email: no account is created or matched', async () => {
    const email = uniqueEmail('unverified');
    const flow = await socialSignIn(t.app, { email, verified: false });
    expect(flow.code).toBeNull();
    expect(flow.target.pathname).toBe('/sign-in');
    expect(flow.target.searchParams.get('social_error')).toBe('email_unverified');
    expect(await userByEmail(email)).toBeUndefined();

    const owner = await registerUser(t.app);
    const attack = await socialSignIn(t.app, { email: owner.email, verified: false });
    expect(attack.target.searchParams.get('social_error')).toBe('email_unverified');
    expect(cookieOf(attack.callbackRes, 'gh_social_link')).toBeUndefined();
  });

  it('applies the second step when the account has one', async () => {
    const helper = await registerUser(t.app);
    await enableTotp(t.app, await login(t.app, helper.email, GOOD_PASSWORD));
    // An upstream identity already linked to that account.
    const email = uniqueEmail('mfa');
    await sql.query(
      'insert into user_identities (user_id, provider, subject, email) values ($1, $2, $3, $4)',
      [helper.id, PROVIDER, `sub-${email}`, email],
    );
    const flow = await socialSignIn(t.app, { email });
    expect(flow.signedIn!.statusCode, flow.signedIn!.body).toBe(200);
    const data = flow.signedIn!.json().data;
    expect(data.mfa_required).toBe(true);
    expect(data.access_token).toBeUndefined();
    expect(cookieOf(flow.signedIn!, 'gh_refresh')).toBeUndefined();
  });
});

describe('existing account with the upstream email', () => {
  it('links only after the person signs in to the account (no silent takeover)', async () => {
    const owner = await registerUser(t.app);
    const flow = await socialSignIn(t.app, { email: owner.email });
    expect(flow.code).toBeNull();
    expect(flow.target.searchParams.get('social')).toBe('link');
    expect(flow.target.searchParams.get('provider')).toBe(PROVIDER);
    const linkId = cookieOf(flow.callbackRes, 'gh_social_link');
    expect(linkId).toBeTruthy();
    const { rows } = await sql.query('select * from user_identities where user_id = $1', [
      owner.id,
    ]);
    expect(rows).toHaveLength(0);

    // Someone else signed in cannot take the pending link.
    const other = await registerUser(t.app);
    const intruder = await login(t.app, other.email, other.password);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/oauth/link',
        headers: intruder.auth,
        cookies: { gh_social_link: linkId! },
      }),
      400,
      'SOCIAL_LINK_INVALID',
    );

    // The intruder's attempt spent it: the owner starts again, signs in, then links.
    const again = await socialSignIn(t.app, { email: owner.email });
    const pending = cookieOf(again.callbackRes, 'gh_social_link')!;
    const signedIn = await login(t.app, owner.email, owner.password);
    const linked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/oauth/link',
      headers: signedIn.auth,
      cookies: { gh_social_link: pending },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().data).toMatchObject({ provider: PROVIDER, email: owner.email });
    // Single use.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/oauth/link',
        headers: signedIn.auth,
        cookies: { gh_social_link: pending },
      }),
      400,
      'SOCIAL_LINK_INVALID',
    );
    expect(await auditTypes(owner.id)).toContain('identity.linked');

    // From now on the provider signs in to the owner's account.
    const later = await socialSignIn(t.app, { email: owner.email });
    expect(later.signedIn!.json().data.user.id).toBe(owner.id);
  });
});

describe('refused callbacks', () => {
  it('refuses a wrong state', async () => {
    const { authorizationUrl, browser } = await startFlow(t.app);
    const callbackUrl = await signInUpstream(authorizationUrl, { email: uniqueEmail('state') });
    callbackUrl.searchParams.set('state', 'not-the-state-we-sent-0123456789');
    const { target } = await callback(t.app, callbackUrl, browser);
    expect(target.searchParams.get('social_error')).toBe('state');
    expect(target.searchParams.get('code')).toBeNull();
  });

  it('refuses a callback from a browser other than the one that started', async () => {
    const email = uniqueEmail('csrf');
    const { authorizationUrl } = await startFlow(t.app);
    const callbackUrl = await signInUpstream(authorizationUrl, { email });
    const { target } = await callback(t.app, callbackUrl, 'another-browser');
    expect(target.searchParams.get('social_error')).toBe('state');
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const email = uniqueEmail('nonce');
    const { authorizationUrl, browser } = await startFlow(t.app);
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    // The stored flow now expects another nonce than the one the provider put in the ID token.
    const key = `social:flow:${createHash('sha256').update(state).digest('hex')}`;
    const flow = JSON.parse((await t.app.ctx.state.get(key))!);
    await t.app.ctx.state.set(key, JSON.stringify({ ...flow, nonce: 'some-other-nonce' }), 600);
    const callbackUrl = await signInUpstream(authorizationUrl, { email });
    const { target } = await callback(t.app, callbackUrl, browser);
    expect(target.searchParams.get('social_error')).toBe('failed');
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('refuses a replayed callback', async () => {
    const email = uniqueEmail('replay');
    const { authorizationUrl, browser } = await startFlow(t.app);
    const callbackUrl = await signInUpstream(authorizationUrl, { email });
    const first = await callback(t.app, callbackUrl, browser);
    expect(first.target.searchParams.get('code')).toBeTruthy();
    const replay = await callback(t.app, callbackUrl, browser);
    expect(replay.target.searchParams.get('social_error')).toBe('state');
    expect(replay.target.searchParams.get('code')).toBeNull();
  });

  it('spends the one-time code once, and only from the browser that started', async () => {
    const email = uniqueEmail('code');
    const { authorizationUrl, browser } = await startFlow(t.app);
    const callbackUrl = await signInUpstream(authorizationUrl, { email });
    const { target } = await callback(t.app, callbackUrl, browser);
    const code = target.searchParams.get('code')!;
    expectError(await exchange(t.app, code, 'another-browser'), 400, 'SOCIAL_CODE_INVALID');
    // The failed attempt spent it too.
    expectError(await exchange(t.app, code, browser), 400, 'SOCIAL_CODE_INVALID');
  });
});

describe('unlinking', () => {
  it('refuses to unlink the last way in, even under concurrent unlinks', async () => {
    const email = uniqueEmail('last');
    const flow = await socialSignIn(t.app, { email });
    const auth = bearer(flow.signedIn!);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/identities', headers: auth });
    const [identity] = list.json().data.identities;
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/auth/identities/${identity.id}`,
        headers: auth,
      }),
      409,
      'LAST_SIGN_IN_METHOD',
    );

    // Two identities, two concurrent unlinks: one of them must be refused.
    const user = await userByEmail(email);
    await sql.query(
      `insert into user_identities (user_id, provider, subject, email) values ($1, $2, $3, $4)`,
      [user!.id, PROVIDER, `second-${email}`, email],
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/identities', headers: auth });
    expect(after.json().data.ways_in).toBe(2);
    const results = await Promise.all(
      after
        .json()
        .data.identities.map((i: { id: number }) =>
          t.app.inject({ method: 'DELETE', url: `/api/auth/identities/${i.id}`, headers: auth }),
        ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { rows } = await sql.query(
      'select count(*)::int as n from user_identities where user_id = $1',
      [user!.id],
    );
    expect(rows[0].n).toBe(1);
    expect(await auditTypes(user!.id)).toContain('identity.unlinked');
  });

  it('unlinks when the account has a password too, and not another person’s identity', async () => {
    const owner = await registerUser(t.app);
    await socialSignIn(t.app, { email: owner.email });
    // Link it (owner signs in with the password first).
    const pending = await socialSignIn(t.app, { email: owner.email });
    const signedIn = await login(t.app, owner.email, owner.password);
    const linked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/oauth/link',
      headers: signedIn.auth,
      cookies: { gh_social_link: cookieOf(pending.callbackRes, 'gh_social_link')! },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const id = linked.json().data.id as number;
    const stranger = await login(t.app, (await registerUser(t.app)).email, GOOD_PASSWORD);
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/auth/identities/${id}`,
        headers: stranger.auth,
      }),
      404,
      'IDENTITY_NOT_FOUND',
    );
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/identities/${id}`,
      headers: signedIn.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('counts passkeys as ways in: unlink is allowed with one, then the last passkey stays', async () => {
    const email = uniqueEmail('passkey');
    const flow = await socialSignIn(t.app, { email });
    const data = flow.signedIn!.json().data;
    const user = { id: data.user.id, auth: bearer(flow.signedIn!) } as unknown as SignedIn;
    const authenticator = new SoftAuthenticator(APP_URL);
    const passkeyId = await addPasskey(t.app, user, authenticator);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/auth/identities',
      headers: user.auth,
    });
    expect(list.json().data).toMatchObject({ password: false, passkeys: 1, ways_in: 2 });
    const unlinked = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/identities/${list.json().data.identities[0].id}`,
      headers: user.auth,
    });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    // Re-authenticated with the passkey itself, removing it would leave no way in.
    const options = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/options',
      headers: user.auth,
    });
    expect(options.statusCode, options.body).toBe(200);
    const reauth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/reauth/verify',
      headers: user.auth,
      payload: { credential: authenticator.assert(options.json().data) },
    });
    expect(reauth.statusCode, reauth.body).toBe(200);
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/auth/passkeys/${passkeyId}`,
        headers: user.auth,
        payload: {},
      }),
      409,
      'LAST_SIGN_IN_METHOD',
    );
  });
});
