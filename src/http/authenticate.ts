import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AccessTokens } from '../auth/access-tokens.js';
import type { Role } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { LiveSession, LiveSessionCache } from '../sessions/live-session-cache.js';

export interface RequestAuth {
  userId: number;
  sessionId: number;
  /** The role as of now (live session), not as of when the token was issued. */
  role: Role;
  session: LiveSession;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** preHandler: a valid access token whose session is still live, or 401. */
export function createAuthenticate(deps: {
  accessTokens: AccessTokens;
  cache: LiveSessionCache;
}): preHandlerAsyncHookHandler {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply) {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new AppError('UNAUTHENTICATED');
    const claims = await deps.accessTokens.verify(match[1]!);
    if (!claims) throw new AppError('UNAUTHENTICATED');
    // Logout, revocation and deletion act on the very next request: the session must still be live.
    const session = await deps.cache.get(claims.sessionId);
    if (!session || session.userId !== claims.userId) throw new AppError('UNAUTHENTICATED');
    request.auth = {
      userId: claims.userId,
      sessionId: claims.sessionId,
      role: session.role,
      session,
    };
  };
}

/** preHandler (after authenticate): the caller must have this role. */
export function requireRole(role: Role): preHandlerAsyncHookHandler {
  return async function checkRole(request: FastifyRequest) {
    if (!request.auth) throw new AppError('UNAUTHENTICATED');
    if (request.auth.role !== role) throw new AppError('FORBIDDEN');
  };
}

/** The authenticated caller; only valid in routes that declared `authenticate`. */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export function requestContext(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    locale: request.locale,
  };
}
