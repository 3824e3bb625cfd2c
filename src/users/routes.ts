import Type from 'typebox';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AuditEventSchema } from '../audit/schemas.js';
import { AppError } from '../errors/app-error.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { ExportSchema } from './export-schema.js';
import {
  DeleteUserBody,
  ListUsersQuery,
  PageQuery,
  UpdateUserBody,
  UserIdParams,
  UserListSchema,
  UserSchema,
} from './schemas.js';
import { cachedUserResponse, toUserResponse } from './serializers.js';
import type { Actor, UserService } from './service.js';

const actorOf = (request: FastifyRequest): Actor => {
  const auth = authOf(request);
  return { userId: auth.userId, sessionId: auth.sessionId, role: auth.role };
};

/** Before schema validation: a non-admin sending `role` is refused whatever else the body holds. */
const refuseRoleFromNonAdmin = async (request: FastifyRequest): Promise<void> => {
  const body = request.body as Record<string, unknown> | null;
  if (body && typeof body === 'object' && 'role' in body && authOf(request).role !== 'admin')
    throw new AppError('FORBIDDEN', { message: 'Only an admin may change roles' });
};

/** The Users routes of the contract: thin handlers over the user service. */
export function registerUserRoutes(
  app: App,
  deps: {
    service: UserService;
    authenticate: preHandlerAsyncHookHandler;
    requireAdmin: preHandlerAsyncHookHandler;
  },
): void {
  const { service } = deps;
  const common = { tags: ['users'], security: [{ bearerAuth: [] }] };
  // Authentication runs before validation, so an anonymous caller learns nothing from a 400.
  const signedIn = { preValidation: deps.authenticate };
  const idOf = (request: { params: { id: string } }) => Number(request.params.id);

  app.get(
    '/api/users/profile',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: "The caller's user object",
        response: { 200: Envelope(UserSchema), ...errorResponses(401, 503) },
      },
    },
    // Served from the live-session cache: the user row is re-read whenever it changes.
    async (request) => ok('Profile', cachedUserResponse(authOf(request).session.user)),
  );

  // The same user object under the name the language work agreed on (issue 18); PATCH changes the
  // caller's own profile with PUT /api/users/:id's rules (locale included).
  app.get(
    '/api/users/me',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: "The caller's user object (same as /api/users/profile)",
        response: { 200: Envelope(UserSchema), ...errorResponses(401, 503) },
      },
    },
    async (request) => ok('Profile', cachedUserResponse(authOf(request).session.user)),
  );

  app.patch(
    '/api/users/me',
    {
      preValidation: [deps.authenticate, refuseRoleFromNonAdmin],
      schema: {
        ...common,
        summary: "Change the caller's own name, email, password or language (locale)",
        body: UpdateUserBody,
        response: {
          200: Envelope(UserSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429, 503),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await service.updateUser(
        actor,
        actor.userId,
        request.body,
        requestContext(request),
      );
      return ok('User updated', toUserResponse(user));
    },
  );

  app.get(
    '/api/users',
    {
      preValidation: [deps.authenticate, deps.requireAdmin],
      schema: {
        ...common,
        summary: 'List users (admin): paginated, searchable, sortable',
        querystring: ListUsersQuery,
        response: { 200: Envelope(UserListSchema), ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => ok('Users', await service.listUsers(actorOf(request), request.query)),
  );

  app.get(
    '/api/users/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'One user (self or admin)',
        params: UserIdParams,
        response: { 200: Envelope(UserSchema), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => ok('User', await service.getUser(actorOf(request), idOf(request))),
  );

  app.put(
    '/api/users/:id',
    {
      preValidation: [deps.authenticate, refuseRoleFromNonAdmin],
      schema: {
        ...common,
        summary: 'Change name, email, password, language or role (self or admin; role: admin only)',
        params: UserIdParams,
        body: UpdateUserBody,
        response: {
          200: Envelope(UserSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429, 503),
        },
      },
    },
    async (request) => {
      const user = await service.updateUser(
        actorOf(request),
        idOf(request),
        request.body,
        requestContext(request),
      );
      return ok('User updated', toUserResponse(user));
    },
  );

  app.delete(
    '/api/users/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary:
          'Delete the account and end all its sessions (self with current_password, or admin)',
        params: UserIdParams,
        body: DeleteUserBody,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 409, 415, 429, 503) },
      },
    },
    async (request) => {
      await service.deleteUser(
        actorOf(request),
        idOf(request),
        request.body?.current_password,
        requestContext(request),
      );
      return ok('User deleted');
    },
  );

  app.get(
    '/api/users/:id/export',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Every stored fact about the user as one JSON document (self or admin)',
        params: UserIdParams,
        response: { 200: Envelope(ExportSchema), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const id = idOf(request);
      const data = await service.exportUser(actorOf(request), id);
      reply.header('content-disposition', `attachment; filename="gatehouse-data-${id}.json"`);
      // Personal data: no shared cache may keep a copy.
      reply.header('cache-control', 'no-store');
      return ok('Data export', data);
    },
  );

  app.get(
    '/api/users/:id/audit',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: "The user's audit trail, newest first (self or admin)",
        params: UserIdParams,
        querystring: PageQuery,
        response: {
          200: Envelope(
            Type.Object({
              items: Type.Array(AuditEventSchema),
              page: Type.Integer(),
              limit: Type.Integer(),
              total: Type.Integer(),
            }),
          ),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) =>
      ok('Audit events', await service.listAudit(actorOf(request), idOf(request), request.query)),
  );
}
