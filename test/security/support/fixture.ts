import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  buildTestApp,
  login,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../../helpers/app.js';
import type { App } from '../../../src/http/types.js';
import { discoverRoutes, fillPath, sampleBody, type RouteInfo } from './routes.js';

export const ADMIN_PASSWORD = 'security suite admin passphrase';

export interface SecurityFixture {
  t: TestApp;
  app: App;
  routes: RouteInfo[];
  admin: SignedIn;
  adminEmail: string;
}

/** The real app with a bootstrap admin, and the routes it serves. */
export async function securityFixture(env: Record<string, string> = {}): Promise<SecurityFixture> {
  const adminEmail = `admin.${randomBytes(4).toString('hex')}@example.com`;
  const t = await buildTestApp({ ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD, ...env });
  const admin = await login(t.app, adminEmail, ADMIN_PASSWORD);
  const routes = await discoverRoutes(t.app);
  return { t, app: t.app, routes, admin, adminEmail };
}

/** Session id carried by an access token. */
export function sessionIdOf(user: SignedIn): number {
  return Number(decodeJwt(user.accessToken).sid);
}

/** A fresh signed-in user (a new session each call). */
export async function newUser(app: App, name = 'Security Test'): Promise<SignedIn> {
  return signUp(app, { email: uniqueEmail('sec'), name });
}

/** Inject options that reach the handler of `route` for the resource `id` with a valid body. */
export function requestFor(
  route: RouteInfo,
  id: number | string,
  headers: Record<string, string> = {},
  body?: Record<string, unknown>,
) {
  const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && route.body;
  return {
    method: route.method as 'GET',
    url: fillPath(route.url, id),
    headers,
    ...(withBody ? { payload: body ?? sampleBody(route.body, () => uniqueEmail('body')) } : {}),
  };
}

/**
 * Calls routes as the bootstrap admin, signing in again whenever a call ended the session
 * (logout, revocation) so that the next call still reaches its handler.
 */
export function adminCaller(f: SecurityFixture) {
  let current = f.admin;
  return {
    get user(): SignedIn {
      return current;
    },
    async call(request: { method: string; url: string; payload?: unknown; headers?: object }) {
      const send = () =>
        f.app.inject({
          ...request,
          method: request.method as 'GET',
          payload: request.payload as never,
          headers: { ...current.auth, ...(request.headers ?? {}) },
        });
      let res = await send();
      if (res.statusCode === 401 && res.json().code === 'UNAUTHENTICATED') {
        current = await login(f.app, f.adminEmail, ADMIN_PASSWORD);
        res = await send();
      }
      return res;
    },
  };
}
