import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { createTokenReplies } from '../auth/routes.js';
import { TokenResponse } from '../auth/schemas.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { AppError } from '../errors/app-error.js';
import { UserIdParams } from '../users/schemas.js';
import {
  ConfirmBody,
  DisableBody,
  MfaStatusResponse,
  ReauthBody,
  RecoveryCodesResponse,
  SetupResponse,
  VerifyBody,
} from './schemas.js';
import type { MfaService } from './service.js';

/**
 * Routes an admin who must enrol (MFA_REQUIRED_FOR_ADMINS) may still call: "METHOD url pattern".
 * Passkeys add their registration routes here.
 */
export const ENROLMENT_ROUTES = new Set([
  'GET /api/users/profile',
  'GET /api/auth/mfa',
  'POST /api/auth/mfa/totp/setup',
  'POST /api/auth/mfa/totp/confirm',
  'POST /api/auth/logout',
]);

export interface MfaRouteDeps {
  service: MfaService;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
  appUrl: string;
  refreshTokenTtlSeconds: number;
}

export function registerMfaRoutes(app: App, deps: MfaRouteDeps): void {
  const { service } = deps;
  const { signedIn } = createTokenReplies(deps);
  const common = { tags: ['mfa'], security: [{ bearerAuth: [] }] };
  const signedInOnly = { preValidation: deps.authenticate };
  const userIdOf = (request: FastifyRequest) => authOf(request).userId;

  // Every authenticated route (of every feature) passes here after authentication: an admin who
  // must enrol is refused everything but enrolment until a second factor is confirmed.
  app.addHook('preHandler', async (request) => {
    const auth = request.auth;
    if (!auth) return;
    if (ENROLMENT_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return;
    if (await service.enrolmentRequired(auth.userId, auth.role))
      throw new AppError('MFA_ENROLMENT_REQUIRED');
  });

  app.get(
    '/api/auth/mfa',
    {
      ...signedInOnly,
      schema: {
        ...common,
        summary: 'Whether two-step verification is on, and how many recovery codes are left',
        response: { 200: Envelope(MfaStatusResponse), ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const status = await service.status(auth.userId);
      return ok('Two-step verification', {
        ...status,
        enrolment_required: await service.enrolmentRequired(auth.userId, auth.role),
      });
    },
  );

  app.post(
    '/api/auth/mfa/totp/setup',
    {
      ...signedInOnly,
      schema: {
        ...common,
        summary: 'Start setting up an authenticator app: a new secret, active once confirmed',
        body: ReauthBody,
        response: {
          200: Envelope(SetupResponse),
          ...errorResponses(400, 401, 403, 409, 415, 429, 503),
        },
      },
    },
    async (request) =>
      ok(
        'Scan the QR code, then confirm with a code',
        await service.setup(
          userIdOf(request),
          request.body.current_password,
          requestContext(request),
        ),
      ),
  );

  app.post(
    '/api/auth/mfa/totp/confirm',
    {
      ...signedInOnly,
      schema: {
        ...common,
        summary: 'Turn two-step verification on with a code; returns the recovery codes, once',
        body: ConfirmBody,
        response: {
          200: Envelope(RecoveryCodesResponse),
          ...errorResponses(400, 401, 403, 409, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const data = await service.confirm(
        userIdOf(request),
        request.body.code,
        requestContext(request),
      );
      reply.header('cache-control', 'no-store');
      return ok('Two-step verification is on', data);
    },
  );

  app.delete(
    '/api/auth/mfa/totp',
    {
      ...signedInOnly,
      schema: {
        ...common,
        summary: 'Turn two-step verification off (current password and a code or recovery code)',
        body: DisableBody,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 409, 415, 429, 503) },
      },
    },
    async (request) => {
      await service.disable(userIdOf(request), request.body, requestContext(request));
      return ok('Two-step verification is off');
    },
  );

  app.post(
    '/api/auth/mfa/recovery-codes',
    {
      ...signedInOnly,
      schema: {
        ...common,
        summary: 'Replace the recovery codes (the old ones stop working); returned once',
        body: ReauthBody,
        response: {
          200: Envelope(RecoveryCodesResponse),
          ...errorResponses(400, 401, 403, 409, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const data = await service.regenerateRecoveryCodes(
        userIdOf(request),
        request.body.current_password,
        requestContext(request),
      );
      reply.header('cache-control', 'no-store');
      return ok('New recovery codes', data);
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      // Throttled in the service: wrong codes count in the login throttle, per account and address.
      schema: {
        tags: ['mfa'],
        summary: 'Second step of sign-in: the mfa_token and a code or a recovery code',
        body: VerifyBody,
        response: { 200: Envelope(TokenResponse), ...errorResponses(400, 401, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { mfa_token: mfaToken, transport, ...proof } = request.body;
      const result = await service.verify(mfaToken, proof, requestContext(request));
      return ok('Login successful', signedIn(request, reply, result, transport));
    },
  );

  app.post(
    '/api/users/:id/mfa/reset',
    {
      preValidation: [deps.authenticate, deps.requireAdmin],
      schema: {
        tags: ['users'],
        security: [{ bearerAuth: [] }],
        summary: "Clear the user's second factors and end their sessions (admin)",
        params: UserIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await service.adminReset(
        userIdOf(request),
        Number(request.params.id),
        requestContext(request),
      );
      return ok('Two-step verification reset');
    },
  );
}
