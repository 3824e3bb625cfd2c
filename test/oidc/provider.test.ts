import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin } from '../users/helpers.js';
import { basicAuth, createClient, postForm, type RegisteredClient } from './support.js';

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
