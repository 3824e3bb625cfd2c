import type { preHandlerAsyncHookHandler } from 'fastify';
import Type from 'typebox';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import type { ClientService } from './clients.js';
import type { ConnectedApps } from './connected-apps.js';
import type { InteractionService } from './interactions.js';
import {
  ClientIdParams,
  ClientSchema,
  ConnectedAppSchema,
  ConsentBody,
  CreateClientBody,
  CreatedClientSchema,
  GrantIdParams,
  InteractionSchema,
  RedirectSchema,
  UidParams,
  UpdateClientBody,
} from './schemas.js';
import { INTERACTION_API_PATH } from './provider.js';

export interface OidcRouteDeps {
  interactions: InteractionService;
  clients: ClientService;
  connectedApps: ConnectedApps;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
}

/** The web app's side of sign-in and consent for applications. */
function registerInteractionRoutes(app: App, deps: OidcRouteDeps): void {
  const common = { tags: ['openid'] };
  const raw = (request: { raw: never }, reply: { raw: never }) => ({
    req: request.raw,
    res: reply.raw,
  });

  app.get(
    `${INTERACTION_API_PATH}/:uid`,
    {
      schema: {
        ...common,
        summary: 'What an application asks for (this browser’s pending sign-in)',
        params: UidParams,
        response: { 200: Envelope(InteractionSchema), ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) =>
      ok(
        'Sign-in request',
        await deps.interactions.details(raw(request as never, reply as never), request.params.uid),
      ),
  );

  app.post(
    `${INTERACTION_API_PATH}/:uid/login`,
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        security: [{ bearerAuth: [] }],
        summary: 'Complete the sign-in step with the caller’s Gatehouse session',
        params: UidParams,
        response: { 200: Envelope(RedirectSchema), ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const redirectTo = await deps.interactions.login(
        raw(request as never, reply as never),
        request.params.uid,
        auth,
      );
      return ok('Signed in', { redirect_to: redirectTo });
    },
  );

  app.post(
    `${INTERACTION_API_PATH}/:uid/consent`,
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        security: [{ bearerAuth: [] }],
        summary: 'Allow or deny the application',
        params: UidParams,
        body: ConsentBody,
        response: { 200: Envelope(RedirectSchema), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const redirectTo = await deps.interactions.consent(
        raw(request as never, reply as never),
        request.params.uid,
        auth.userId,
        request.body.allow,
        requestContext(request),
      );
      return ok(request.body.allow ? 'Allowed' : 'Denied', { redirect_to: redirectTo });
    },
  );
}

/** "Connected apps": the caller's grants, and revoking one. */
function registerConnectedAppRoutes(app: App, deps: OidcRouteDeps): void {
  const common = { tags: ['openid'], security: [{ bearerAuth: [] }] };
  app.get(
    '/api/oidc/grants',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: 'Applications you allowed',
        response: { 200: Envelope(Type.Array(ConnectedAppSchema)), ...errorResponses(401, 503) },
      },
    },
    async (request) => ok('Connected apps', await deps.connectedApps.list(authOf(request).userId)),
  );
  app.delete(
    '/api/oidc/grants/:id',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: 'Revoke an application: its tokens stop working at once',
        params: GrantIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request) => {
      await deps.connectedApps.revoke(
        authOf(request).userId,
        request.params.id,
        requestContext(request),
      );
      return ok('Access revoked');
    },
  );
}

/** Admin API for registered applications (OpenID clients). */
function registerClientRoutes(app: App, deps: OidcRouteDeps): void {
  const common = { tags: ['openid'], security: [{ bearerAuth: [] }] };
  // The role is checked before validation too, so a non-admin learns nothing from a 400.
  const admin = { preValidation: [deps.authenticate, deps.requireAdmin] };
  app.get(
    '/api/admin/clients',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Registered applications',
        response: { 200: Envelope(Type.Array(ClientSchema)), ...errorResponses(401, 403, 503) },
      },
    },
    async () => ok('Applications', await deps.clients.list()),
  );
  app.post(
    '/api/admin/clients',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Register an application (the secret is shown once)',
        body: CreateClientBody,
        response: { 201: Envelope(CreatedClientSchema), ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return ok('Application created', await deps.clients.create(request.body));
    },
  );
  app.get(
    '/api/admin/clients/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'One registered application',
        params: ClientIdParams,
        response: { 200: Envelope(ClientSchema), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => ok('Application', await deps.clients.get(request.params.id)),
  );
  app.put(
    '/api/admin/clients/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Change an application',
        params: ClientIdParams,
        body: UpdateClientBody,
        response: { 200: Envelope(ClientSchema), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) =>
      ok('Application updated', await deps.clients.update(request.params.id, request.body)),
  );
  app.delete(
    '/api/admin/clients/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Delete an application and everything issued to it',
        params: ClientIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await deps.clients.remove(request.params.id);
      return ok('Application deleted');
    },
  );
}

export function registerOidcRoutes(app: App, deps: OidcRouteDeps): void {
  registerInteractionRoutes(app, deps);
  registerConnectedAppRoutes(app, deps);
  registerClientRoutes(app, deps);
}
