import Type from 'typebox';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { SessionIdParams, SessionSchema } from './schemas.js';
import { toSessionResponse } from './serializers.js';
import type { SessionService } from './service.js';

export function registerSessionRoutes(
  app: App,
  deps: { sessions: SessionService; authenticate: preHandlerAsyncHookHandler },
): void {
  const common = { tags: ['sessions'], security: [{ bearerAuth: [] }] };

  app.get(
    '/api/auth/sessions',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: "The caller's active sessions",
        response: { 200: Envelope(Type.Array(SessionSchema)), ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const rows = await deps.sessions.listSessions(auth.userId);
      // Current session first, then most recently used.
      const items = rows
        .map((row) => toSessionResponse(row, auth.sessionId))
        .sort((a, b) => Number(b.current) - Number(a.current));
      return ok('Active sessions', items);
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: 'End one of your sessions',
        params: SessionIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const sessionId = Number(request.params.id);
      // Someone else's session and an unknown one look the same: 404.
      const revoked = await deps.sessions.revokeSession(
        auth.userId,
        sessionId,
        'revoked_by_user',
        requestContext(request),
      );
      if (!revoked) throw new AppError('SESSION_NOT_FOUND');
      return ok('Session revoked');
    },
  );

  app.delete(
    '/api/auth/sessions',
    {
      preValidation: deps.authenticate,
      schema: {
        ...common,
        summary: 'End every session except the current one',
        response: {
          200: Envelope(Type.Object({ revoked: Type.Integer() })),
          ...errorResponses(401, 503),
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const revoked = await deps.sessions.revokeOtherSessions(
        auth.userId,
        auth.sessionId,
        requestContext(request),
      );
      return ok('Other sessions revoked', { revoked });
    },
  );
}
