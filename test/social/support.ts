import { expect } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { signInUpstream, startUpstream, type Upstream } from '../helpers/upstream-oidc.js';

export const APP_URL = 'http://gatehouse.test';
export const PROVIDER = 'upstream';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Gatehouse with the loopback upstream configured through SOCIAL_PROVIDERS (real Redis). */
export async function startWithUpstream(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; upstream: Upstream }> {
  const upstream = await startUpstream({
    redirectUris: [`${APP_URL}/api/auth/oauth/${PROVIDER}/callback`],
  });
  const t = await buildTestApp({
    APP_URL,
    REDIS_URL,
    SOCIAL_ALLOW_HTTP: 'true',
    SOCIAL_PROVIDERS: JSON.stringify([
      {
        id: PROVIDER,
        preset: 'oidc',
        name: 'Upstream',
        issuer: upstream.issuer,
        client_id: upstream.clientId,
        client_secret: upstream.clientSecret,
      },
    ]),
    ...env,
  });
  return { t, upstream };
}

/** The value of a Set-Cookie of the response. */
export function cookieOf(res: { cookies: { name: string; value: string }[] }, name: string) {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** GET …/start: the authorization URL and the browser cookie bound to it. */
export async function startFlow(app: App, returnTo = '/account', provider = PROVIDER) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/auth/oauth/${provider}/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(res.statusCode, res.body).toBe(302);
  const browser = cookieOf(res, 'gh_social');
  expect(browser).toBeTruthy();
  return { authorizationUrl: res.headers.location as string, browser: browser! };
}

/** The provider's redirect back, presented to Gatehouse by the browser holding `browser`. */
export async function callback(app: App, callbackUrl: URL, browser: string | undefined) {
  const res = await app.inject({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    cookies: browser ? { gh_social: browser } : {},
  });
  expect(res.statusCode, res.body).toBe(303);
  return { res, target: new URL(res.headers.location as string, APP_URL) };
}

export async function exchange(app: App, code: string, browser: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/oauth/exchange',
    payload: { code },
    cookies: { gh_social: browser },
  });
}

/** The whole flow, as the browser and web app do it; returns where the callback sent the browser. */
export async function socialSignIn(
  app: App,
  person: { email: string; verified?: boolean },
  provider = PROVIDER,
) {
  const { authorizationUrl, browser } = await startFlow(app, '/account', provider);
  const callbackUrl = await signInUpstream(authorizationUrl, person);
  const { res, target } = await callback(app, callbackUrl, browser);
  const code = target.searchParams.get('code');
  const signedIn = code ? await exchange(app, code, browser) : null;
  return { browser, callbackUrl, callbackRes: res, target, code, signedIn };
}
