import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Feature } from '../http/types.js';
import { registerOrganizationRoutes } from './routes.js';
import { createOrganizationService, type OrganizationServiceDeps } from './service.js';

/** Organizations: memberships and roles, invitations by email, the session's active organization. */
export function createOrganizationsFeature(
  deps: OrganizationServiceDeps & {
    authenticate: preHandlerAsyncHookHandler;
    requireAdmin: preHandlerAsyncHookHandler;
  },
): Feature {
  const service = createOrganizationService(deps);
  return {
    routes: (app) =>
      registerOrganizationRoutes(app, {
        service,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
      }),
  };
}
