import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';
import {
  authorize,
  basicAuth,
  createClient,
  pkce,
  postForm,
  type RegisteredClient,
} from './support.js';

const REDIRECT = 'https://app.example.com/callback';
let t: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let user: SignedIn;
let web: RegisteredClient;
let spa: RegisteredClient;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  const admin = await loginAdmin(t);
  web = await createClient(t.app, admin, {
    name: 'Web app',
    redirect_uris: [REDIRECT],
    first_party: true,
  });
  spa = await createClient(t.app, admin, {
    name: 'Single-page app',
    redirect_uris: [REDIRECT],
    public: true,
    first_party: true,
  });
  user = await signUp(t.app);
});
afterAll(async () => {
  await t.close();
});

function authParams(client: RegisteredClient, challenge?: string, extra = {}) {
  return {
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid email',
    state: 'st',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
    ...extra,
  };
}

async function redeem(code: string, verifier: string, client = web) {
  return postForm(
    t.app,
    '/oidc/token',
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
    client.client_secret
      ? { authorization: basicAuth(client.client_id, client.client_secret) }
      : {},
  );
}

async function introspect(token: string) {
  const res = await postForm(
    t.app,
    '/oidc/token/introspection',
    { token },
    { authorization: basicAuth(web.client_id, web.client_secret!) },
  );
  return res.json() as { active: boolean };
}

describe('OpenID provider refusals', () => {
  it('refuses an unregistered redirect_uri without redirecting to it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/oidc/auth?${new URLSearchParams({ ...authParams(web, pkce().challenge), redirect_uri: 'https://evil.example.com/cb' })}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('redirect_uri');
  });

  it('refuses a public client without PKCE', async () => {
    const location = await authorize(t.app, user, authParams(spa));
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('refuses a wrong PKCE verifier', async () => {
    const { challenge } = pkce();
    const code = (await authorize(t.app, user, authParams(web, challenge))).searchParams.get(
      'code',
    )!;
    const res = await redeem(code, pkce().verifier);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_grant');
  });

  it('refuses a code used twice and revokes the tokens issued from it', async () => {
    const { verifier, challenge } = pkce();
    const code = (await authorize(t.app, user, authParams(web, challenge))).searchParams.get(
      'code',
    )!;
    const first = await redeem(code, verifier);
    expect(first.statusCode, first.body).toBe(200);
    const { access_token: accessToken } = first.json();
    expect((await introspect(accessToken)).active).toBe(true);
    const second = await redeem(code, verifier);
    expect(second.statusCode).toBe(400);
    expect(second.json().error).toBe('invalid_grant');
    expect(await introspect(accessToken)).toEqual({ active: false });
  });

  it('refuses an expired code', async () => {
    const { verifier, challenge } = pkce();
    const code = (await authorize(t.app, user, authParams(web, challenge))).searchParams.get(
      'code',
    )!;
    await query(
      t,
      `update oidc_payloads set expires_at = now() - interval '1 second'
        where type = 'AuthorizationCode'`,
    );
    const res = await redeem(code, verifier);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_grant');
  });

  it('refuses an ID token hint signed by another key or with alg none', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwks = (await t.app.inject({ url: '/.well-known/jwks.json' })).json().keys;
    const kid = jwks.find((k: { alg: string }) => k.alg === 'RS256').kid;
    const claims = { sub: String(user.id), aud: web.client_id };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer('http://localhost:3000')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const unsigned = new UnsecuredJWT(claims)
      .setIssuer('http://localhost:3000')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    for (const hint of [forged, unsigned]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/oidc/session/end?${new URLSearchParams({ id_token_hint: hint, client_id: web.client_id })}`,
      });
      expect(res.statusCode, hint).toBe(400);
      expect(res.body).toMatch(/id_token_hint/);
    }
  });
});
