import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Feature } from '../http/types.js';
import { registerUserRoutes } from './routes.js';
import { createUserService, type UserServiceDeps } from './service.js';

/** User management: profile, the admin list, changes, deletion, export and audit trail. */
export function createUsersFeature(
  deps: UserServiceDeps & {
    authenticate: preHandlerAsyncHookHandler;
    requireAdmin: preHandlerAsyncHookHandler;
  },
): Feature {
  const service = createUserService(deps);
  return {
    routes: (app) =>
      registerUserRoutes(app, {
        service,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
      }),
  };
}
