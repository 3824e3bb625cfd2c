import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import type { App } from '../../src/http/types.js';
import { startServer } from '../helpers/server.js';

export interface RunningGatehouse {
  url: string;
  databaseUrl: string;
  app: App;
  issuer: string;
  audience: string;
  jwksUri: string;
  close(): Promise<void>;
}

/** Gatehouse listening on a real port, as another service would reach it. */
export async function startGatehouse(
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<RunningGatehouse> {
  const server = await startServer(env, options);
  const config = server.app.ctx.config;
  return {
    ...server,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    jwksUri: `${server.url}/.well-known/jwks.json`,
  };
}

async function json(res: Response): Promise<any> {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(body)}`);
  return body;
}

let counter = 0;
/** Registers an account over HTTP and signs it in; the tokens Gatehouse really issues. */
export async function signUpOverHttp(url: string, password = 'correct horse battery staple') {
  counter += 1;
  const email = `sdk.${process.pid}.${counter}.${Date.now()}@example.com`;
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(json);
  await post('/api/auth/register', { email, name: 'SDK User', password });
  return signInOverHttp(url, email, password);
}

export async function signInOverHttp(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { data } = await json(res);
  return {
    email,
    password,
    accessToken: data.access_token as string,
    refreshToken: data.refresh_token as string,
    userId: data.user.id as number,
  };
}

/** A token Gatehouse itself signed, for the same session, that expired a minute ago. */
export async function expiredAccessToken(gatehouse: RunningGatehouse, accessToken: string) {
  const claims = decodeJwt(accessToken);
  const tokens = new AccessTokens(gatehouse.app.ctx.keys, {
    issuer: gatehouse.issuer,
    audience: gatehouse.audience,
    ttlSeconds: -60,
  });
  const signed = await tokens.sign({
    userId: Number(claims.sub),
    sessionId: claims.sid as number,
    role: claims.role as 'user' | 'admin',
  });
  return signed.token;
}

/** Signs arbitrary claims with a key of our choice (Gatehouse's own, or a forger's). */
export function signToken(
  key: KeyObject,
  header: { alg?: string; kid: string; typ?: string },
  payload: JWTPayload,
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', ...header })
    .sign(key);
}

/** A TCP port free right now (for servers whose own URL must be known before they listen). */
export { freePort } from '../helpers/process.js';
