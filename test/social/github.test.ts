import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { APP_URL, REDIS_URL, callback, exchange, startFlow } from './support.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/github/${name}.json`, import.meta.url), 'utf8');
const RECORDED = {
  token: fixture('access_token'),
  user: fixture('user'),
  emails: fixture('emails'),
};
const TOKEN = JSON.parse(RECORDED.token).access_token as string;

/** GitHub's endpoints on loopback, answering with the recorded responses. */
let github: http.Server;
let base: string;
let emails = RECORDED.emails;
const seen: { path: string; body: string; authorization?: string | undefined }[] = [];
let t: TestApp;

beforeAll(async () => {
  github = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      seen.push({ path, body, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json; charset=utf-8');
      const authorized = req.headers.authorization === `Bearer ${TOKEN}`;
      if (path === '/login/oauth/access_token' && req.method === 'POST') res.end(RECORDED.token);
      else if (path === '/user' && authorized) res.end(RECORDED.user);
      else if (path === '/user/emails' && authorized) res.end(emails);
      else {
        res.statusCode = 401;
        res.end('{"message":"Requires authentication"}');
      }
    });
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
  t = await buildTestApp({
    APP_URL,
    REDIS_URL,
    SOCIAL_ALLOW_HTTP: 'true',
    SOCIAL_PROVIDERS: JSON.stringify([
      {
        id: 'github',
        preset: 'github',
        client_id: 'Iv1.8a61f9b3a7aba766',
        client_secret: 'recorded-client-secret',
        endpoints: {
          authorization: `${base}/login/oauth/authorize`,
          token: `${base}/login/oauth/access_token`,
          api: base,
        },
      },
    ]),
  });
});
afterAll(async () => {
  await t?.close();
  github?.closeAllConnections();
  await new Promise((resolve) => github?.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  emails = RECORDED.emails;
});

/** Start, then GitHub's redirect back with a code, then the web app's exchange. */
async function signInWithGitHub() {
  const { authorizationUrl, browser } = await startFlow(t.app, '/account', 'github');
  const state = new URL(authorizationUrl).searchParams.get('state')!;
  const back = new URL(`${APP_URL}/api/auth/oauth/github/callback`);
  back.searchParams.set('code', 'e72e16c7e42f292c6912');
  back.searchParams.set('state', state);
  const { target } = await callback(t.app, back, browser);
  const code = target.searchParams.get('code');
  return { authorizationUrl, target, signedIn: code ? await exchange(t.app, code, browser) : null };
}

describe('GitHub preset (recorded responses)', () => {
  it('is listed as GitHub and sends the browser to the authorize endpoint with PKCE, no nonce', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(list.json().data).toEqual([{ id: 'github', name: 'GitHub' }]);
    const { authorizationUrl } = await startFlow(t.app, '/account', 'github');
    const url = new URL(authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${base}/login/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe('Iv1.8a61f9b3a7aba766');
    expect(url.searchParams.get('scope')).toBe('read:user user:email');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBeNull();
  });

  it('signs in with the primary verified address from /user/emails, subject = the user id', async () => {
    const { signedIn } = await signInWithGitHub();
    expect(signedIn!.statusCode, signedIn!.body).toBe(200);
    const user = signedIn!.json().data.user;
    expect(user.email).toBe('octocat@github.com');
    expect(user.name).toBe('monalisa octocat');
    const token = seen.find((r) => r.path === '/login/oauth/access_token')!;
    const form = new URLSearchParams(token.body);
    expect(form.get('code')).toBe('e72e16c7e42f292c6912');
    expect(form.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    expect(form.get('client_secret')).toBe('recorded-client-secret');
    expect(seen.map((r) => r.path)).toEqual(['/login/oauth/access_token', '/user', '/user/emails']);
    const methods = await t.app.inject({
      method: 'GET',
      url: '/api/auth/identities',
      headers: { authorization: `Bearer ${signedIn!.json().data.access_token as string}` },
    });
    expect(methods.json().data.identities).toMatchObject([
      { provider: 'github', provider_name: 'GitHub', email: 'octocat@github.com' },
    ]);
  });

  it('does not trust a primary address GitHub has not verified', async () => {
    emails = JSON.stringify([
      { email: 'unverified@example.com', verified: false, primary: true, visibility: 'public' },
    ]);
    // A new GitHub account (another id) so no link exists yet.
    const recordedUser = RECORDED.user;
    RECORDED.user = JSON.stringify({ ...JSON.parse(recordedUser), id: 2, login: 'other' });
    try {
      const { target, signedIn } = await signInWithGitHub();
      expect(signedIn).toBeNull();
      expect(target.searchParams.get('social_error')).toBe('email_unverified');
    } finally {
      RECORDED.user = recordedUser;
    }
  });

  it('does not use a verified address that is not the primary one', async () => {
    emails = JSON.stringify([
      { email: 'secondary@example.com', verified: true, primary: false, visibility: null },
      { email: 'primary@example.com', verified: false, primary: true, visibility: 'public' },
    ]);
    const recordedUser = RECORDED.user;
    RECORDED.user = JSON.stringify({ ...JSON.parse(recordedUser), id: 3, login: 'third' });
    try {
      const { target, signedIn } = await signInWithGitHub();
      expect(signedIn).toBeNull();
      expect(target.searchParams.get('social_error')).toBe('email_unverified');
    } finally {
      RECORDED.user = recordedUser;
    }
  });
});
