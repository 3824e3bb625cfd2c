import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/http/types.js';
import type { SignedIn } from '../helpers/app.js';

/** A port free right now (the issuer URL must name the port before the app is built). */
export { freePort } from '../helpers/process.js';

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  [key: string]: unknown;
}

/** Registers an application through the admin API. */
export async function createClient(
  app: App,
  admin: SignedIn,
  body: Record<string, unknown>,
): Promise<RegisteredClient> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/clients',
    headers: admin.auth,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

/** A form POST to one of the provider's endpoints. */
export async function postForm(
  app: App,
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

/** The cookies a browser would hold (paths ignored: every request sends all of them). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * An authorization request driven through the API as the web app would: sign-in step completed
 * with the user's Gatehouse session, consent (if asked) allowed. Returns the redirect URL.
 */
export async function authorize(
  app: App,
  user: SignedIn,
  params: Record<string, string>,
  jar = new CookieJar(),
): Promise<URL> {
  let res = await app.inject({
    method: 'GET',
    url: `/oidc/auth?${new URLSearchParams(params)}`,
    headers: { cookie: jar.header() },
  });
  for (let step = 0; step < 6; step += 1) {
    jar.take(res.headers['set-cookie']);
    expect([302, 303], res.body).toContain(res.statusCode);
    const location = new URL(String(res.headers.location), 'http://localhost:3000');
    const interaction =
      location.pathname === '/sign-in'
        ? { uid: location.searchParams.get('interaction')!, step: 'login', body: undefined }
        : location.pathname.startsWith('/consent/')
          ? { uid: location.pathname.split('/')[2]!, step: 'consent', body: { allow: true } }
          : null;
    if (!interaction) {
      if (location.pathname.startsWith('/oidc/')) {
        res = await app.inject({
          method: 'GET',
          url: location.pathname + location.search,
          headers: { cookie: jar.header() },
        });
        continue;
      }
      return location;
    }
    const done = await app.inject({
      method: 'POST',
      url: `/api/oidc/interaction/${interaction.uid}/${interaction.step}`,
      headers: { ...user.auth, cookie: jar.header() },
      payload: interaction.body,
    });
    expect(done.statusCode, done.body).toBe(200);
    const next = new URL(done.json().data.redirect_to);
    res = await app.inject({
      method: 'GET',
      url: next.pathname + next.search,
      headers: { cookie: jar.header() },
    });
  }
  throw new Error('authorization did not finish');
}

/** S256 PKCE pair. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
