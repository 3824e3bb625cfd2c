import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Feature } from '../http/types.js';
import { registerPasskeyRoutes } from './routes.js';
import { createPasskeyService, type PasskeyServiceDeps } from './service.js';

/** Passkeys (WebAuthn): registration, passwordless sign-in, re-authentication, management. */
export function createPasskeysFeature(
  deps: PasskeyServiceDeps & {
    authenticate: preHandlerAsyncHookHandler;
    refreshTokenTtlSeconds: number;
  },
): Feature & { service: ReturnType<typeof createPasskeyService> } {
  const service = createPasskeyService(deps);
  return {
    service,
    routes: (app) =>
      registerPasskeyRoutes(app, {
        service,
        authenticate: deps.authenticate,
        appUrl: deps.appUrl,
        refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
      }),
  };
}
