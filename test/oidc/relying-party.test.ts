import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../web/e2e/support/browser.js';
import { signUp, type SignedIn } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin } from '../users/helpers.js';
import { createClient, freePort, type RegisteredClient } from './support.js';

// A real relying party: openid-client discovers Gatehouse and runs the authorization-code flow
// with PKCE while Chromium plays the person (sign-in page, consent page).
let t: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let issuer: string;
let rp: Server;
let rpUrl: string;
let browser: Browser;
let user: SignedIn;
let registered: RegisteredClient;
let config: client.Configuration;

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await buildAppWithAdmin({ APP_URL: issuer });
  await t.app.listen({ host: '127.0.0.1', port });
  // The application's redirect URI: it only has to answer, the test reads the URL.
  rp = createServer((_req, res) => res.end('relying party'));
  await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
  rpUrl = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
  registered = await createClient(t.app, await loginAdmin(t), {
    name: 'Team notes',
    redirect_uris: [`${rpUrl}/callback`],
    post_logout_redirect_uris: [`${rpUrl}/signed-out`],
  });
  user = await signUp(t.app, { name: 'Ada Lovelace' });
  config = await client.discovery(
    new URL(issuer),
    registered.client_id,
    undefined,
    client.ClientSecretBasic(registered.client_secret!),
    { execute: [client.allowInsecureRequests] },
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => rp?.close(resolve));
  await t?.close();
});

async function startFlow(extra: Record<string, string | undefined> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const params = {
    redirect_uri: `${rpUrl}/callback`,
    scope: 'openid profile email roles offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    prompt: 'consent',
    ...extra,
  };
  const url = client.buildAuthorizationUrl(
    config,
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as never,
  );
  return { url, verifier, state, nonce };
}

async function signInOnPage(page: Page) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('a relying party signing people in through Gatehouse', () => {
  it('runs discovery, sign-in, consent, code exchange, userinfo, refresh, introspection, revocation and logout', async () => {
    expect(config.serverMetadata().issuer).toBe(issuer);
    const context = await browser.newContext();
    const page = await context.newPage();
    const flow = await startFlow();
    await page.goto(flow.url.href);
    await page.waitForURL(/\/sign-in\?interaction=/);
    await page.getByText('Sign in to continue to Team notes.').waitFor();
    await signInOnPage(page);
    await page.waitForURL(/\/consent\//);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${rpUrl}/callback?**`);

    const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    // The ID token: RS256 by default, signed by a key of the one JWKS.
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, {
      issuer,
      audience: registered.client_id,
      algorithms: ['RS256'],
    });
    expect(payload.sub).toBe(String(user.id));
    expect(payload.nonce).toBe(flow.nonce);

    const info = await client.fetchUserInfo(config, tokens.access_token, String(user.id));
    expect(info).toMatchObject({
      sub: String(user.id),
      name: 'Ada Lovelace',
      email: user.email,
      email_verified: false,
      role: 'user',
    });
    expect(typeof info.updated_at).toBe('number');

    // Refresh rotation; the used refresh token presented again revokes the whole grant.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await client.tokenIntrospection(config, refreshed.access_token)).active).toBe(true);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await client.tokenIntrospection(config, refreshed.access_token)).active).toBe(false);

    // A new sign-in needs no password: the Gatehouse session is still there (single sign-on).
    // The reuse above revoked the grant, so consent is asked again.
    const again = await startFlow({ prompt: undefined, scope: 'openid email' });
    await page.goto(again.url.href);
    await page.waitForURL(/\/consent\//);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${rpUrl}/callback?**`);
    const second = await client.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: again.verifier,
      expectedState: again.state,
      expectedNonce: again.nonce,
    });
    expect((await client.tokenIntrospection(config, second.access_token)).active).toBe(true);
    await client.tokenRevocation(config, second.access_token);
    expect((await client.tokenIntrospection(config, second.access_token)).active).toBe(false);

    // RP-initiated logout: confirmed by the person, then back to the application.
    const logout = client.buildEndSessionUrl(config, {
      id_token_hint: second.id_token!,
      post_logout_redirect_uri: `${rpUrl}/signed-out`,
      state: 'bye',
    });
    await page.goto(logout.href);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${rpUrl}/signed-out?state=bye`);

    // prompt=login asks for the password even though the Gatehouse session lives on (the
    // logout ended the app's grant, so consent comes again).
    const fresh = await startFlow({ prompt: 'login', scope: 'openid email' });
    await page.goto(fresh.url.href);
    await page.waitForURL(/\/sign-in\?interaction=/);
    await signInOnPage(page);
    await page.waitForURL(/\/consent\//);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${rpUrl}/callback?**`);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
    await context.close();
  }, 120_000);

  it('returns access_denied to the application when the person denies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const flow = await startFlow();
    await page.goto(flow.url.href);
    await page.waitForURL(/\/sign-in\?interaction=/);
    await signInOnPage(page);
    await page.waitForURL(/\/consent\//);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`${rpUrl}/callback?**`);
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    await context.close();
  }, 120_000);
});
