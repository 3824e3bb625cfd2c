import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider on loopback (oidc-provider) standing in for Google & co in the social
 * sign-in tests. Its login page asks only an email (and whether the provider vouches for it);
 * the subject is `sub-<email>` unless `subjects` maps the email to another one.
 */
export interface Upstream {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email → subject overrides (e.g. two emails for one upstream account). */
  subjects: Map<string, string>;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startUpstream(options: { redirectUris: string[] }): Promise<Upstream> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'gatehouse-test';
  const clientSecret = 'upstream-test-client-secret';
  const subjects = new Map<string, string>();
  // The subject is the account id; the login step records what the account says about itself.
  const accounts = new Map<string, { email: string; verified: boolean }>();
  const accountOf = (sub: string) => ({
    sub,
    email: accounts.get(sub)?.email,
    email_verified: accounts.get(sub)?.verified === true,
    name: 'Upstream Person',
  });
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'upstream', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['upstream-cookie-key-for-tests'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => accountOf(sub) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Consent is implied: the test provider grants what is asked.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) {
      callback(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'POST') {
          const form = await readForm(req);
          const email = form.get('email') ?? '';
          const accountId = subjects.get(email) ?? `sub-${email}`;
          accounts.set(accountId, { email, verified: form.get('verified') === 'yes' });
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html lang="en"><head><title>Upstream sign-in</title></head>
<body><main><h1>Upstream provider</h1>
<form method="post" action="/interaction/${escape(details.uid)}">
<label for="email">Upstream email</label> <input id="email" name="email" type="email" required>
<label><input name="verified" type="checkbox" value="yes" checked> Email verified</label>
<button type="submit">Continue to Gatehouse</button>
</form></main></body></html>`);
      } catch (err) {
        res.statusCode = 400;
        res.end((err as Error).message);
      }
    })();
  });
  return {
    issuer,
    clientId,
    clientSecret,
    subjects,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal cookie jar for driving the upstream over HTTP, as a browser would. */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in at the upstream as a browser would (authorization URL → login form → back), and
 * returns the callback URL it redirects to (the code and state for Gatehouse).
 */
export async function signInUpstream(
  authorizationUrl: string,
  person: { email: string; verified?: boolean },
): Promise<URL> {
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(response);
    return response;
  };
  let response = await go(authorizationUrl);
  let location = response.headers.get('location');
  if (!location) throw new Error(`upstream answered ${response.status}: ${await response.text()}`);
  let url = new URL(location, authorizationUrl);
  if (url.pathname.startsWith('/interaction/')) {
    await go(url.href);
    const form = new URLSearchParams({ email: person.email });
    if (person.verified !== false) form.set('verified', 'yes');
    response = await go(url.href, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    location = response.headers.get('location');
    if (!location) throw new Error(`upstream login answered ${response.status}`);
    url = new URL(location, url);
  }
  // Follow the provider's own redirects until it sends the browser back to the client.
  for (let hops = 0; hops < 5 && url.origin === new URL(authorizationUrl).origin; hops++) {
    response = await go(url.href);
    location = response.headers.get('location');
    if (!location)
      throw new Error(`upstream answered ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
  }
  return url;
}
