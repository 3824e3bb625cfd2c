import { createHash, randomBytes } from 'node:crypto';
import type { Session } from './fixtures.js';

/** A confidential application registered for the OpenID scenarios. */
export interface OidcClient {
  clientId: string;
  /** `Basic …` for client_secret_basic. */
  authorization: string;
  redirectUri: string;
}

/** One OpenID grant's refresh-token chain, and the latest access token issued from it. */
export interface OidcChain {
  refreshToken: string;
  accessToken: string;
  /** Refused by the provider (reuse after a timed-out request): no longer used. */
  broken?: boolean;
}

const REDIRECT_URI = 'https://bench.invalid/callback';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined. */
function basic(id: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

/** Registers the bench's application through the admin API (admin credentials of the server). */
export async function registerOidcClient(
  base: string,
  admin: { email: string; password: string },
): Promise<OidcClient> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!login.ok) throw new Error(`admin sign-in answered ${login.status}`);
  const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
  const res = await fetch(`${base}/api/admin/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Bench', redirect_uris: [REDIRECT_URI] }),
  });
  if (res.status !== 201) throw new Error(`client registration answered ${res.status}`);
  const { data } = (await res.json()) as { data: { client_id: string; client_secret: string } };
  return {
    clientId: data.client_id,
    authorization: basic(data.client_id, data.client_secret),
    redirectUri: REDIRECT_URI,
  };
}

/** The cookies a browser would hold (paths ignored: every request sends all of them). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * The authorization-code flow over HTTP as the web app drives it: the sign-in step completed with
 * a Gatehouse session's access token, consent allowed; then the code exchanged for tokens.
 */
async function authorizationCodeChain(
  base: string,
  client: OidcClient,
  session: Session,
): Promise<OidcChain> {
  const jar = new Jar();
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: 'openid offline_access',
    prompt: 'consent',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  let next = new URL(`${base}/oidc/auth?${query}`);
  for (let step = 0; step < 8; step++) {
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header } });
    jar.take(res);
    const location = new URL(res.headers.get('location') ?? '', base);
    const code = location.searchParams.get('code');
    if (location.href.startsWith(client.redirectUri) && code)
      return exchange(base, client, code, verifier);
    const login = location.pathname === '/sign-in';
    const consent = location.pathname.startsWith('/consent/');
    if (!login && !consent) {
      if (!location.pathname.startsWith('/oidc/'))
        throw new Error(`authorization stopped at ${location.href} (${res.status})`);
      next = location;
      continue;
    }
    const uid = login
      ? location.searchParams.get('interaction')!
      : location.pathname.split('/')[2]!;
    const done = await fetch(`${base}/api/oidc/interaction/${uid}/${login ? 'login' : 'consent'}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        cookie: jar.header,
        ...(consent ? { 'content-type': 'application/json' } : {}),
      },
      body: consent ? JSON.stringify({ allow: true }) : undefined,
    });
    if (!done.ok) throw new Error(`interaction ${uid} answered ${done.status}`);
    next = new URL(((await done.json()) as { data: { redirect_to: string } }).data.redirect_to);
  }
  throw new Error('the authorization flow did not finish');
}

async function exchange(base: string, client: OidcClient, code: string, verifier: string) {
  const res = await fetch(`${base}/oidc/token`, {
    method: 'POST',
    headers: { ...FORM, authorization: client.authorization },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error(`code exchange answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; refresh_token?: string };
  if (!body.refresh_token) throw new Error('no refresh token (offline_access not granted)');
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

/** One grant (refresh chain) per Gatehouse session given, `concurrency` flows at a time. */
export async function oidcChains(
  base: string,
  client: OidcClient,
  sessions: Session[],
  concurrency: number,
): Promise<OidcChain[]> {
  const chains: OidcChain[] = [];
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < sessions.length) {
      const session = sessions[next++]!;
      // A session ended meanwhile (refresh-token reuse) gives no grant: that one is left out.
      await authorizationCodeChain(base, client, session).then(
        (chain) => chains.push(chain),
        (err: Error) => failures.push(err.message),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (chains.length === 0 && failures.length > 0) throw new Error(failures[0]);
  return chains;
}

/** The refresh grant once: the chain moves on to its successor and a fresh access token. */
export async function refreshChain(base: string, client: OidcClient, chain: OidcChain) {
  const res = await fetch(`${base}/oidc/token`, {
    method: 'POST',
    headers: { ...FORM, authorization: client.authorization },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: chain.refreshToken }),
  });
  if (!res.ok) {
    chain.broken = true;
    return;
  }
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  chain.refreshToken = body.refresh_token;
  chain.accessToken = body.access_token;
}

export const OIDC_FORM = FORM;
