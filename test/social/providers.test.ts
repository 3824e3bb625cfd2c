import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, signUp, uniqueEmail, type SignedIn, type TestApp } from '../helpers/app.js';
import { startUpstream, type Upstream } from '../helpers/upstream-oidc.js';
import { cli, cliEnv, tempDir } from '../ops/helpers.js';
import { buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';
import { APP_URL, REDIS_URL, socialSignIn } from './support.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
let user: SignedIn;
let upstream: Upstream;
const data = tempDir();
const ENV = {
  APP_URL,
  REDIS_URL,
  SOCIAL_ALLOW_HTTP: 'true',
  SOCIAL_PROVIDERS: JSON.stringify([
    { id: 'from-env', preset: 'google', client_id: 'env-client', client_secret: 'env-secret' },
  ]),
};

beforeAll(async () => {
  upstream = await startUpstream({
    redirectUris: [
      `${APP_URL}/api/auth/oauth/corp/callback`,
      `${APP_URL}/api/auth/oauth/cli-corp/callback`,
    ],
  });
  t = await buildAppWithAdmin(ENV);
  admin = await loginAdmin(t);
  user = await signUp(t.app);
});
afterAll(async () => {
  await t?.close();
  await upstream?.close();
  data.remove();
});

const add = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/providers',
    headers,
    payload: payload as object,
  });

describe('provider admin API', () => {
  it('answers 401 without a token and 403 to a non-admin', async () => {
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/admin/providers' }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/admin/providers', headers: user.auth }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await add(user.auth, { id: 'x', preset: 'google', client_id: 'c' }),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses bad input: unknown preset, missing issuer or tenant, id not a slug', async () => {
    expectError(
      await add(admin.auth, { id: 'x', preset: 'facebook', client_id: 'c' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await add(admin.auth, { id: 'x', preset: 'oidc', client_id: 'c' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await add(admin.auth, { id: 'x', preset: 'microsoft', client_id: 'c' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await add(admin.auth, { id: 'Not A Slug', preset: 'google', client_id: 'c' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await add(admin.auth, { id: 'from-env', preset: 'google', client_id: 'c' }),
      409,
      'PROVIDER_EXISTS',
    );
  });

  it('adds a provider with its secret sealed, lists it without the secret, signs in with it, removes it', async () => {
    const res = await add(admin.auth, {
      id: 'corp',
      preset: 'oidc',
      name: 'Corp SSO',
      issuer: upstream.issuer,
      client_id: upstream.clientId,
      client_secret: upstream.clientSecret,
      store_tokens: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({
      id: 'corp',
      name: 'Corp SSO',
      source: 'admin',
      callback_url: `${APP_URL}/api/auth/oauth/corp/callback`,
    });
    expect(res.body).not.toContain(upstream.clientSecret);
    const [row] = await query<{ client_secret_sealed: string }>(
      t,
      "select client_secret_sealed from social_providers where id = 'corp'",
    );
    expect(row!.client_secret_sealed).toMatch(/^v1\./);
    expect(row!.client_secret_sealed).not.toContain(upstream.clientSecret);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/providers',
      headers: admin.auth,
    });
    expect(list.json().data.map((p: { id: string; source: string }) => [p.id, p.source])).toEqual([
      ['from-env', 'env'],
      ['corp', 'admin'],
    ]);
    expect(list.body).not.toContain('env-secret');
    const publicList = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(publicList.json().data).toEqual([
      { id: 'from-env', name: 'Google' },
      { id: 'corp', name: 'Corp SSO' },
    ]);

    // The unsealed secret authenticates Gatehouse at the provider's token endpoint.
    const flow = await socialSignIn(t.app, { email: uniqueEmail('corp') }, 'corp');
    expect(flow.signedIn?.statusCode, flow.target.href).toBe(200);
    // store_tokens: the provider's tokens are kept, sealed.
    const [identity] = await query<{ tokens_sealed: string | null }>(
      t,
      "select tokens_sealed from user_identities where provider = 'corp'",
    );
    expect(identity!.tokens_sealed).toMatch(/^v1\./);
    expect(identity!.tokens_sealed).not.toMatch(/eyJ/);

    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: '/api/admin/providers/from-env',
        headers: admin.auth,
      }),
      409,
      'PROVIDER_FROM_ENV',
    );
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/providers/corp',
      headers: admin.auth,
    });
    expect(removed.statusCode).toBe(200);
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/auth/oauth/corp/start' }),
      404,
      'PROVIDER_NOT_FOUND',
    );
  });

  it('requires https issuers unless SOCIAL_ALLOW_HTTP', async () => {
    const strict = await buildAppWithAdmin({ APP_URL });
    try {
      const res = await strict.app.inject({
        method: 'POST',
        url: '/api/admin/providers',
        headers: (await loginAdmin(strict)).auth,
        payload: { id: 'plain', preset: 'oidc', issuer: 'http://id.example.com', client_id: 'c' },
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.json().errors.issuer).toMatch(/https/);
    } finally {
      await strict.close();
    }
  });
});

describe('gatehouse providers', () => {
  it('adds (secret from stdin, never argv), lists and removes; the service signs in with it', async () => {
    const env = cliEnv(t.databaseUrl, data.dir, ENV);
    const added = await cli(
      [
        'providers',
        'add',
        'cli-corp',
        '--preset',
        'oidc',
        '--issuer',
        upstream.issuer,
        '--client-id',
        upstream.clientId,
        '--name',
        'CLI Corp',
      ],
      env,
      { stdin: `${upstream.clientSecret}\n` },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`${APP_URL}/api/auth/oauth/cli-corp/callback`);
    expect(added.stdout).not.toContain(upstream.clientSecret);

    const listed = await cli(['providers', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((p: { id: string }) => p.id)).toContain('cli-corp');

    const flow = await socialSignIn(t.app, { email: uniqueEmail('cli') }, 'cli-corp');
    expect(flow.signedIn?.statusCode, flow.target.href).toBe(200);

    const again = await cli(
      ['providers', 'add', 'cli-corp', '--preset', 'google', '--client-id', 'x', '--no-secret'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect((await cli(['providers', 'remove', 'from-env'], env)).code).toBe(1);
    const removed = await cli(['providers', 'remove', 'cli-corp'], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await cli(['providers', 'remove', 'cli-corp'], env)).code).toBe(1);
    expect((await cli(['providers', 'frobnicate'], env)).code).toBe(2);
  });
});
