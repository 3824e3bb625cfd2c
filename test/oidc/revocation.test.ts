import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { GOOD_PASSWORD, login, signUp, type SignedIn } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
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
let a: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let b: App;
let client: RegisteredClient;

// Two instances on one database, as behind a load balancer.
beforeAll(async () => {
  a = await buildAppWithAdmin();
  b = await buildApp(loadConfig({ ...TEST_ENV, DATABASE_URL: a.databaseUrl, DATA_DIR: a.dataDir }));
  await b.ready();
  const admin = await loginAdmin(a);
  client = await createClient(a.app, admin, { name: 'Notes', redirect_uris: [REDIRECT] });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const auth = () => ({ authorization: basicAuth(client.client_id, client.client_secret!) });

/** Signs the user in to the app (consent allowed) at instance `at` and redeems the code at `redeemAt`. */
async function tokensFor(user: SignedIn, at: App, redeemAt: App) {
  const { verifier, challenge } = pkce();
  const location = await authorize(at, user, {
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid offline_access',
    prompt: 'consent',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const res = await postForm(
    redeemAt,
    '/oidc/token',
    {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    },
    auth(),
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { access_token: string; refresh_token: string; id_token: string };
}

async function active(app: App, token: string): Promise<boolean> {
  const res = await postForm(app, '/oidc/token/introspection', { token }, auth());
  return res.json().active;
}

describe('OpenID provider across instances, and revocation reaching the apps', () => {
  it('redeems at instance 2 a code issued by instance 1', async () => {
    const user = await signUp(a.app);
    const tokens = await tokensFor(user, a.app, b);
    expect(tokens.refresh_token).toBeTruthy();
    expect(await active(a.app, tokens.access_token)).toBe(true);
  });

  it('answers inactive on instance 2 once the person revokes the app on instance 1', async () => {
    const user = await signUp(a.app);
    const tokens = await tokensFor(user, a.app, a.app);
    const list = await a.app.inject({ method: 'GET', url: '/api/oidc/grants', headers: user.auth });
    expect(list.json().data).toMatchObject([{ client_id: client.client_id, name: 'Notes' }]);
    const revoke = await a.app.inject({
      method: 'DELETE',
      url: `/api/oidc/grants/${list.json().data[0].grant_id}`,
      headers: user.auth,
    });
    expect(revoke.statusCode).toBe(200);
    expect(await active(b, tokens.access_token)).toBe(false);
    expect(await active(b, tokens.refresh_token)).toBe(false);
    const types = await query<{ type: string }>(
      a,
      'select type from audit_events where user_id = $1 order by id',
      [user.id],
    );
    expect(types.map((r) => r.type)).toEqual(
      expect.arrayContaining(['oidc.consent_given', 'oidc.tokens_issued', 'oidc.consent_revoked']),
    );
  });

  it('answers inactive once the Gatehouse session the person signed in with is revoked', async () => {
    const user = await signUp(a.app);
    const other = await login(a.app, user.email, GOOD_PASSWORD);
    const tokens = await tokensFor(user, a.app, a.app);
    const res = await b.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString()).sid}`,
      headers: other.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await active(a.app, tokens.access_token)).toBe(false);
    expect(await active(a.app, tokens.refresh_token)).toBe(false);
  });

  it('answers inactive once the password changes', async () => {
    const user = await signUp(a.app);
    const tokens = await tokensFor(user, a.app, a.app);
    const res = await b.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { password: 'a brand new passphrase 42', current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await active(a.app, tokens.access_token)).toBe(false);
    expect(await active(a.app, tokens.refresh_token)).toBe(false);
  });

  it('answers inactive once the account is deleted', async () => {
    const user = await signUp(a.app);
    const tokens = await tokensFor(user, a.app, a.app);
    const res = await b.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await active(a.app, tokens.access_token)).toBe(false);
  });
});
