import { gatehouseAuth } from '@gatehouse/verify/express';
import express, { type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';

export interface ExampleOptions {
  /** Gatehouse's issuer, e.g. http://localhost:3000. */
  issuer: string;
  /** Where this app is, e.g. http://localhost:4000 (the redirect URI is <appUrl>/callback). */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  /** The `aud` of the access tokens Gatehouse issues to this app. */
  audience?: string;
}

interface Session {
  state?: string;
  codeVerifier?: string;
  accessToken?: string;
  idToken?: string;
  name?: string;
}

const COOKIE = 'example_session';
// Sessions in memory: enough for an example; a real app keeps them in its own store.
const sessions = new Map<string, Session>();

function sessionOf(req: Request, res: Response): Session {
  const id = /(?:^|;\s*)example_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (id && sessions.has(id)) return sessions.get(id)!;
  const fresh = randomBytes(24).toString('base64url');
  sessions.set(fresh, {});
  res.cookie(COOKIE, fresh, { httpOnly: true, sameSite: 'lax', path: '/' });
  return sessions.get(fresh)!;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (body: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Example app</title><body>${body}</body></html>`;

/** The Gatehouse CLI arguments that register this app as a confidential client. */
export function clientRegistrationArgs(appUrl: string): string[] {
  const name = 'Example app';
  return ['clients', 'create', '--name', name, '--redirect-uri', `${appUrl}/callback`, '--json'];
}

/** A web app that signs people in through Gatehouse and calls its own API with their token. */
export async function createExampleApp(options: ExampleOptions) {
  const insecure = new URL(options.issuer).protocol === 'http:'; // local development only
  const config = await oidc.discovery(
    new URL(options.issuer),
    options.clientId,
    undefined,
    oidc.ClientSecretBasic(options.clientSecret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  const redirectUri = `${options.appUrl}/callback`;
  const app = express();

  // The app's own API: any service can protect itself like this.
  const api = express.Router();
  api.use(
    gatehouseAuth({
      issuer: options.issuer,
      audience: options.audience ?? 'gatehouse',
      algorithms: ['EdDSA', 'RS256'],
    }),
  );
  api.get('/hello', (req, res) => {
    res.json({ message: `Hello, user ${req.gatehouse!.sub}`, scope: req.gatehouse!.scope ?? '' });
  });
  app.use('/api', api);

  app.get('/', async (req, res) => {
    const session = sessionOf(req, res);
    if (!session.accessToken)
      return void res.send(page('<a href="/login">Sign in with Gatehouse</a>'));
    // Call our own API the way a browser or another service would, with the access token.
    const answer = await fetch(`${options.appUrl}/api/hello`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const body = JSON.stringify({ status: answer.status, body: await answer.json() });
    res.send(
      page(
        `<p>Signed in as ${escapeHtml(session.name ?? '')}.</p>` +
          `<p>GET /api/hello answered:</p><pre id="hello">${escapeHtml(body)}</pre>` +
          '<a href="/logout">Sign out</a>',
      ),
    );
  });

  app.get('/login', async (req, res) => {
    const session = sessionOf(req, res);
    session.codeVerifier = oidc.randomPKCECodeVerifier();
    session.state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email roles',
      // Gatehouse's API resource: the access token is then a JWT that @gatehouse/verify checks.
      resource: options.issuer,
      code_challenge: await oidc.calculatePKCECodeChallenge(session.codeVerifier),
      code_challenge_method: 'S256',
      state: session.state,
    });
    res.redirect(url.href);
  });

  app.get('/callback', async (req, res) => {
    const session = sessionOf(req, res);
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(req.originalUrl, options.appUrl),
        { pkceCodeVerifier: session.codeVerifier, expectedState: session.state },
      );
      // The access token is for the API (not for UserInfo), so the ID token carries the
      // profile and email claims itself.
      const claims = tokens.claims()!;
      Object.assign(session, {
        accessToken: tokens.access_token,
        idToken: tokens.id_token,
        name: String(claims.name ?? claims.email ?? claims.sub),
        state: undefined,
        codeVerifier: undefined,
      });
      res.redirect('/');
    } catch (err) {
      res.status(400).send(page(`<p>Sign-in failed: ${escapeHtml((err as Error).message)}</p>`));
    }
  });

  app.get('/logout', (req, res) => {
    const session = sessionOf(req, res);
    const idToken = session.idToken;
    Object.assign(session, { accessToken: undefined, idToken: undefined, name: undefined });
    // RP-initiated logout: Gatehouse ends its own session too, then sends the person back here.
    const url = oidc.buildEndSessionUrl(config, {
      post_logout_redirect_uri: `${options.appUrl}/`,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
    res.redirect(url.href);
  });

  return app;
}
