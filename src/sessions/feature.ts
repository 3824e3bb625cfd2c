import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Feature } from '../http/types.js';
import { registerSessionRoutes } from './routes.js';
import { createSessionService, type SessionService, type SessionServiceDeps } from './service.js';

export interface SessionsFeature extends Feature {
  /** Other features start and end sessions through it. */
  service: SessionService;
}

/** Sessions: the session service and the routes that list and end sessions. */
export function createSessionsFeature(
  deps: SessionServiceDeps & { authenticate: preHandlerAsyncHookHandler },
): SessionsFeature {
  const service = createSessionService(deps);
  return {
    service,
    routes: (app) =>
      registerSessionRoutes(app, { sessions: service, authenticate: deps.authenticate }),
  };
}
