import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
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

let t: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let admin: SignedIn;
let service: RegisteredClient;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
  service = await createClient(t.app, admin, {
    name: 'Billing worker',
    redirect_uris: ['https://billing.example.com/callback'],
  });
});
afterAll(async () => {
  await t.close();
});

describe('OpenID provider: discovery and keys', () => {
  it('serves discovery at the root with endpoints under /oidc and the one JWKS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/openid-configuration' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    const issuer = 'http://localhost:3000';
    expect(doc.issuer).toBe(issuer);
    expect(doc.authorization_endpoint).toBe(`${issuer}/oidc/auth`);
    expect(doc.token_endpoint).toBe(`${issuer}/oidc/token`);
    expect(doc.userinfo_endpoint).toBe(`${issuer}/oidc/me`);
    expect(doc.revocation_endpoint).toBe(`${issuer}/oidc/token/revocation`);
    expect(doc.introspection_endpoint).toBe(`${issuer}/oidc/token/introspection`);
    expect(doc.end_session_endpoint).toBe(`${issuer}/oidc/session/end`);
    expect(doc.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
    expect([...doc.id_token_signing_alg_values_supported].sort()).toEqual(['EdDSA', 'RS256']);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'offline_access', 'profile', 'email', 'roles']),
    );
    expect(doc.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('lists an RS256 and an EdDSA key in /.well-known/jwks.json, public parts only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    const keys = res.json().keys as Array<Record<string, unknown>>;
    expect(keys.map((k) => k.alg).sort()).toEqual(['EdDSA', 'RS256']);
    for (const key of keys) expect(key).not.toHaveProperty('d');
  });
});

describe('OpenID provider: client credentials, introspection, revocation', () => {
  async function clientCredentials(secret = service.client_secret!) {
    return postForm(
      t.app,
      '/oidc/token',
      { grant_type: 'client_credentials' },
      { authorization: basicAuth(service.client_id, secret) },
    );
  }

  it('issues an access token to a confidential client and introspects it as active', async () => {
    const res = await clientCredentials();
    expect(res.statusCode, res.body).toBe(200);
    const { access_token: token, token_type: type } = res.json();
    expect(type).toBe('Bearer');
    const introspection = await postForm(
      t.app,
      '/oidc/token/introspection',
      { token },
      { authorization: basicAuth(service.client_id, service.client_secret!) },
    );
    expect(introspection.json()).toMatchObject({ active: true, client_id: service.client_id });

    const revoked = await postForm(
      t.app,
      '/oidc/token/revocation',
      { token },
      { authorization: basicAuth(service.client_id, service.client_secret!) },
    );
    expect(revoked.statusCode).toBe(200);
    const after = await postForm(
      t.app,
      '/oidc/token/introspection',
      { token },
      { authorization: basicAuth(service.client_id, service.client_secret!) },
    );
    expect(after.json()).toEqual({ active: false });
  });

  it('refuses a wrong client secret', async () => {
    const res = await clientCredentials(`${service.client_secret!.slice(0, -2)}xx`);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_client');
  });

  it('stores only a hash of the secret and never shows it again', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/clients',
      headers: admin.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(service.client_secret);
    expect(list.json().data[0]).not.toHaveProperty('client_secret');
  });

  it('keeps the admin API for admins', async () => {
    const user = await signUp(t.app);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/clients',
      headers: user.auth,
    });
    expect(res.statusCode).toBe(403);
  });
});

const ISSUER = 'http://localhost:3000';
const REDIRECT = 'https://notes.example.com/callback';
let user: SignedIn;
let app: RegisteredClient;
let firstParty: RegisteredClient;
const clientAuth = () => ({ authorization: basicAuth(app.client_id, app.client_secret!) });

/** Authorization code flow; `resource` asks for tokens for Gatehouse's API. */
async function codeFlow(extra: Record<string, string> = {}, client = app) {
  const { verifier, challenge } = pkce();
  const location = await authorize(t.app, user, {
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid profile email roles',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st',
    ...extra,
  });
  const res = await postForm(
    t.app,
    '/oidc/token',
    {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    },
    { authorization: basicAuth(client.client_id, client.client_secret!) },
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { access_token: string; id_token: string };
}

async function introspect(token: string) {
  return (await postForm(t.app, '/oidc/token/introspection', { token }, clientAuth())).json();
}

async function verifyAccessToken(token: string) {
  const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
  return jwtVerify(token, createLocalJWKSet(jwks), {
    issuer: ISSUER,
    audience: 'gatehouse',
    typ: 'at+jwt',
    algorithms: ['EdDSA'],
  });
}

// Access tokens for Gatehouse's API resource are RFC 9068 JWTs that @gatehouse/verify accepts,
// and stay introspectable and revocable like opaque ones.
describe('OpenID provider: JWT access tokens for the API resource', () => {
  beforeAll(async () => {
    app = await createClient(t.app, admin, { name: 'Team notes', redirect_uris: [REDIRECT] });
    firstParty = await createClient(t.app, admin, {
      name: 'Our dashboard',
      redirect_uris: [REDIRECT],
      first_party: true,
    });
    user = await signUp(t.app, { name: 'Ada Lovelace' });
  });

  it('issues an EdDSA at+jwt with iss, aud, sub, client_id, scope and role when resource=<issuer>', async () => {
    const tokens = await codeFlow({ resource: ISSUER });
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({
      alg: 'EdDSA',
      typ: 'at+jwt',
    });
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload).toMatchObject({
      iss: ISSUER,
      aud: 'gatehouse',
      sub: String(user.id),
      client_id: app.client_id,
      scope: 'openid profile email roles',
      role: 'user',
    });
    // Exactly the claims docs/access-token-claims.md lists for OpenID clients (no `sid`).
    expect(Object.keys(payload).sort()).toEqual(
      ['aud', 'client_id', 'exp', 'iat', 'iss', 'jti', 'role', 'scope', 'sub'].sort(),
    );
    // The token is not for UserInfo, so the ID token carries the profile claims itself.
    expect(decodeJwt(tokens.id_token)).toMatchObject({ name: 'Ada Lovelace', email: user.email });
  });

  it('introspects the JWT as active until it is revoked; its bare jti is no token', async () => {
    const { access_token: token } = await codeFlow({ resource: ISSUER });
    expect(await introspect(token)).toMatchObject({
      active: true,
      sub: String(user.id),
      aud: 'gatehouse',
      role: 'user',
    });
    expect(await introspect(String(decodeJwt(token).jti))).toEqual({ active: false });
    const revoked = await postForm(t.app, '/oidc/token/revocation', { token }, clientAuth());
    expect(revoked.statusCode).toBe(200);
    expect(await introspect(token)).toEqual({ active: false });
  });

  it('never answers active for a JWT with the same claims and another signature', async () => {
    const { access_token: token } = await codeFlow({ resource: ISSUER });
    const [header, payload] = token.split('.');
    const forged = await introspect(`${header}.${payload}.${'A'.repeat(86)}`);
    // oidc-provider's own answer for a JWT it does not hold.
    expect(forged).toMatchObject({ error: 'unsupported_token_type' });
    expect(forged.active).toBeUndefined();
  });

  it('ends the JWT when the Gatehouse session it was signed in with is revoked', async () => {
    const { access_token: token } = await codeFlow({ resource: ISSUER });
    expect((await introspect(token)).active).toBe(true);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.auth });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await introspect(token)).toEqual({ active: false });
    user = await signUp(t.app, { name: 'Ada Lovelace' });
  });

  it('is refused by Gatehouse’s own API (it names no Gatehouse session)', async () => {
    const { access_token: token } = await codeFlow({ resource: ISSUER });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses another resource indicator', async () => {
    const { challenge } = pkce();
    const res = await t.app.inject({
      method: 'GET',
      url: `/oidc/auth?${new URLSearchParams({
        client_id: app.client_id,
        response_type: 'code',
        redirect_uri: REDIRECT,
        scope: 'openid',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        resource: 'https://other.example.com/',
      })}`,
    });
    expect(new URL(String(res.headers.location)).searchParams.get('error')).toBe('invalid_target');
  });

  it('issues a JWT to client credentials (sub is the client id)', async () => {
    const res = await postForm(
      t.app,
      '/oidc/token',
      { grant_type: 'client_credentials' },
      clientAuth(),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { payload } = await verifyAccessToken(res.json().access_token);
    expect(payload).toMatchObject({ sub: app.client_id, client_id: app.client_id });
  });

  it('asks no consent of a first-party client that asks for the resource', async () => {
    const consents = () =>
      query(t, `select id from audit_events where user_id = $1 and type = 'oidc.consent_given'`, [
        user.id,
      ]);
    const before = (await consents()).length;
    const { access_token: token } = await codeFlow({ resource: ISSUER }, firstParty);
    expect((await verifyAccessToken(token)).payload.scope).toBe('openid profile email roles');
    expect(await consents()).toHaveLength(before);
  });

  it('keeps an opaque token for UserInfo when no resource is asked for', async () => {
    const { access_token: token } = await codeFlow();
    expect(token.split('.')).toHaveLength(1);
    const info = await t.app.inject({
      method: 'GET',
      url: '/oidc/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ sub: String(user.id), role: 'user' });
  });
});
