import Type from 'typebox';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { cachedUserResponse } from '../users/serializers.js';
import {
  ActiveOrganizationBody,
  AdminOrganizationListSchema,
  AdminOrganizationsQuery,
  CreateOrganizationBody,
  InvitationParams,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenBody,
  InviteBody,
  MemberParams,
  MemberRoleBody,
  MemberSchema,
  OrganizationIdParams,
  OrganizationSchema,
  RenameOrganizationBody,
  SessionOrganizationResponse,
} from './schemas.js';
import type { Actor, OrganizationService } from './service.js';

const actorOf = (request: FastifyRequest): Actor => {
  const auth = authOf(request);
  return { userId: auth.userId, sessionId: auth.sessionId, role: auth.role };
};

/** The Organizations routes: thin handlers over the organization service. */
export function registerOrganizationRoutes(
  app: App,
  deps: {
    service: OrganizationService;
    authenticate: preHandlerAsyncHookHandler;
    requireAdmin: preHandlerAsyncHookHandler;
  },
): void {
  const { service } = deps;
  const common = { tags: ['organizations'], security: [{ bearerAuth: [] }] };
  // Authentication runs before validation, so an anonymous caller learns nothing from a 400.
  const signedIn = { preValidation: deps.authenticate };
  const orgId = (request: { params: { id: string } }) => Number(request.params.id);

  app.get(
    '/api/organizations',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: "The caller's organizations, with their role in each",
        response: { 200: Envelope(Type.Array(OrganizationSchema)), ...errorResponses(401, 503) },
      },
    },
    async (request) => ok('Organizations', await service.listMine(actorOf(request))),
  );

  app.post(
    '/api/organizations',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Create an organization; the caller becomes its owner (ORG_CREATION)',
        body: CreateOrganizationBody,
        response: {
          201: Envelope(OrganizationSchema),
          ...errorResponses(400, 401, 403, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const org = await service.create(actorOf(request), request.body, requestContext(request));
      return reply.status(201).send(ok('Organization created', org));
    },
  );

  app.post(
    '/api/organizations/invitations/lookup',
    {
      schema: {
        tags: ['organizations'],
        summary: 'What an invitation link offers (organization, address, role), without using it',
        body: InvitationTokenBody,
        response: {
          200: Envelope(InvitationPreviewSchema),
          ...errorResponses(400, 413, 415, 503),
        },
      },
    },
    async (request) => ok('Invitation', await service.previewInvitation(request.body.token)),
  );

  app.post(
    '/api/organizations/invitations/accept',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Join the organization of an invitation sent to your email address',
        body: InvitationTokenBody,
        response: {
          200: Envelope(OrganizationSchema),
          ...errorResponses(400, 401, 403, 409, 413, 415, 503),
        },
      },
    },
    async (request) =>
      ok(
        'Invitation accepted',
        await service.acceptInvitation(
          actorOf(request),
          request.body.token,
          requestContext(request),
        ),
      ),
  );

  app.get(
    '/api/organizations/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'One of your organizations (404 for non-members)',
        params: OrganizationIdParams,
        response: { 200: Envelope(OrganizationSchema), ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request) => ok('Organization', await service.get(actorOf(request), orgId(request))),
  );

  app.patch(
    '/api/organizations/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Rename the organization (owners and admins)',
        params: OrganizationIdParams,
        body: RenameOrganizationBody,
        response: {
          200: Envelope(OrganizationSchema),
          ...errorResponses(400, 401, 403, 404, 413, 415, 503),
        },
      },
    },
    async (request) =>
      ok(
        'Organization renamed',
        await service.rename(
          actorOf(request),
          orgId(request),
          request.body,
          requestContext(request),
        ),
      ),
  );

  app.delete(
    '/api/organizations/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Delete the organization, its memberships and invitations (owners)',
        params: OrganizationIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await service.remove(actorOf(request), orgId(request), requestContext(request));
      return ok('Organization deleted');
    },
  );

  app.get(
    '/api/organizations/:id/members',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'The members and their roles (any member)',
        params: OrganizationIdParams,
        response: {
          200: Envelope(Type.Array(MemberSchema)),
          ...errorResponses(400, 401, 404, 503),
        },
      },
    },
    async (request) => ok('Members', await service.listMembers(actorOf(request), orgId(request))),
  );

  app.patch(
    '/api/organizations/:id/members/:userId',
    {
      ...signedIn,
      schema: {
        ...common,
        summary:
          "Change a member's role (owners: any; admins: members and admins); the last owner stays",
        params: MemberParams,
        body: MemberRoleBody,
        response: {
          200: Envelope(Type.Array(MemberSchema)),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = orgId(request);
      await service.changeMember(
        actor,
        id,
        Number(request.params.userId),
        { role: request.body.role },
        requestContext(request),
      );
      return ok('Role changed', await service.listMembers(actor, id));
    },
  );

  app.delete(
    '/api/organizations/:id/members/:userId',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Remove a member (owners and admins), or leave (yourself); the last owner stays',
        params: MemberParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      await service.changeMember(
        actorOf(request),
        orgId(request),
        Number(request.params.userId),
        'remove',
        requestContext(request),
      );
      return ok('Member removed');
    },
  );

  app.get(
    '/api/organizations/:id/invitations',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Pending invitations (owners and admins)',
        params: OrganizationIdParams,
        response: {
          200: Envelope(Type.Array(InvitationSchema)),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) =>
      ok('Invitations', await service.listInvitations(actorOf(request), orgId(request))),
  );

  app.post(
    '/api/organizations/:id/invitations',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Invite someone by email: a single-use link valid 7 days (owners and admins)',
        params: OrganizationIdParams,
        body: InviteBody,
        response: {
          201: Envelope(InvitationSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const invitation = await service.invite(
        actorOf(request),
        orgId(request),
        request.body,
        requestContext(request),
      );
      return reply.status(201).send(ok('Invitation sent', invitation));
    },
  );

  app.delete(
    '/api/organizations/:id/invitations/:invId',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Revoke a pending invitation (owners and admins)',
        params: InvitationParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await service.revokeInvitation(
        actorOf(request),
        orgId(request),
        Number(request.params.invId),
        requestContext(request),
      );
      return ok('Invitation revoked');
    },
  );

  app.post(
    '/api/auth/session/organization',
    {
      ...signedIn,
      schema: {
        ...common,
        summary:
          'Choose the organization this session acts in (null: none); returns a new access token with org_id and org_role',
        body: ActiveOrganizationBody,
        response: {
          200: Envelope(SessionOrganizationResponse),
          ...errorResponses(400, 401, 404, 413, 415, 503),
        },
      },
    },
    async (request) => {
      const result = await service.setActiveOrganization(
        actorOf(request),
        request.body.organization_id,
        requestContext(request),
      );
      return ok('Active organization set', {
        access_token: result.access.token,
        token_type: 'Bearer' as const,
        expires_in: result.access.expiresIn,
        user: cachedUserResponse(result.user),
        organization: result.organization,
      });
    },
  );

  app.get(
    '/api/admin/organizations',
    {
      preValidation: [deps.authenticate, deps.requireAdmin],
      schema: {
        ...common,
        summary: 'Every organization (admin): paginated, searchable by name',
        querystring: AdminOrganizationsQuery,
        response: {
          200: Envelope(AdminOrganizationListSchema),
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    async (request) => ok('Organizations', await service.listAll(actorOf(request), request.query)),
  );
}
