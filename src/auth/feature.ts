import type { Feature } from '../http/types.js';
import { registerAuthRoutes, type AuthRouteDeps } from './routes.js';
import { createAuthService, type AuthServiceDeps } from './service.js';

/** Registration, sign-in, refresh and sign-out. */
export function createAuthFeature(deps: AuthServiceDeps & Omit<AuthRouteDeps, 'auth'>): Feature {
  const auth = createAuthService(deps);
  return { routes: (app) => registerAuthRoutes(app, { ...deps, auth }) };
}
