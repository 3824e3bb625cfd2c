import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import { assertSameOrigin } from '../http/origin.js';
import type { App } from '../http/types.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import { UserSchema } from '../users/schemas.js';
import { cachedUserResponse, toUserResponse } from '../users/serializers.js';
import type { UserRow } from '../db/types.js';
import {
  LoginBody,
  LoginResponse,
  LogoutBody,
  RefreshBody,
  RegisterBody,
  TokenResponse,
} from './schemas.js';
import type { AuthService } from './service.js';

export const REFRESH_COOKIE = 'gh_refresh';

/**
 * Where the refresh token lives in the browser. Over HTTPS the `__Host-` prefix makes browsers
 * accept the cookie only with Secure, Path=/ and no Domain, set by this very host: a sibling
 * subdomain can then neither plant one (session fixation) nor shadow ours. Plain http keeps the
 * unprefixed name, scoped to the auth routes, Secure when a trusted proxy says HTTPS.
 */
export function refreshCookie(appUrl: string) {
  const https = new URL(appUrl).protocol === 'https:';
  const name = https ? `__Host-${REFRESH_COOKIE}` : REFRESH_COOKIE;
  const options = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: https || request.protocol === 'https',
    path: https ? '/' : '/api/auth',
  });
  return { name, options };
}

export interface AuthRouteDeps {
  auth: AuthService;
  sessions: SessionService;
  authenticate: preHandlerAsyncHookHandler;
  refreshTokenTtlSeconds: number;
  /** APP_URL: an https one gets the `__Host-` cookie. */
  appUrl: string;
  allowedOrigins: readonly string[];
  /** Per-route guards (rate limits) keyed by route name; absent = none. */
  guards?: Partial<Record<'register' | 'login' | 'refresh', preHandlerAsyncHookHandler>>;
}

/**
 * How every sign-in answers with tokens (password, refresh, second step, passkey): the refresh
 * token goes in the HttpOnly cookie, and in the body unless transport is "cookie".
 */
export function createTokenReplies(options: { appUrl: string; refreshTokenTtlSeconds: number }) {
  const cookie = refreshCookie(options.appUrl);
  const setRefreshCookie = (request: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(cookie.name, token, {
      ...cookie.options(request),
      maxAge: options.refreshTokenTtlSeconds,
    });
  };
  const clearRefreshCookie = (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(cookie.name, cookie.options(request));
  };
  const tokenData = (
    tokens: IssuedTokens,
    user: Omit<UserRow, 'password_hash'>,
    transport: string | undefined,
  ) => ({
    access_token: tokens.accessToken,
    ...(transport === 'cookie' ? {} : { refresh_token: tokens.refreshToken }),
    token_type: 'Bearer' as const,
    expires_in: tokens.expiresIn,
    user: cachedUserResponse(user),
  });
  /** Sets the cookie and returns the token data for the body. */
  const signedIn = (
    request: FastifyRequest,
    reply: FastifyReply,
    result: { tokens: IssuedTokens; user: Omit<UserRow, 'password_hash'> },
    transport: string | undefined,
  ) => {
    setRefreshCookie(request, reply, result.tokens.refreshToken);
    return tokenData(result.tokens, result.user, transport);
  };
  return { cookie, setRefreshCookie, clearRefreshCookie, tokenData, signedIn };
}

export function registerAuthRoutes(app: App, deps: AuthRouteDeps): void {
  const { cookie, setRefreshCookie, clearRefreshCookie, tokenData, signedIn } =
    createTokenReplies(deps);
  const guard = (name: 'register' | 'login' | 'refresh') =>
    deps.guards?.[name] ? [deps.guards[name]!] : [];

  app.post(
    '/api/auth/register',
    {
      preHandler: guard('register'),
      schema: {
        tags: ['auth'],
        summary: 'Create an account',
        body: RegisterBody,
        response: { 201: Envelope(UserSchema), ...errorResponses(400, 409, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const user = await deps.auth.register(request.body, requestContext(request));
      return reply.status(201).send(ok('User registered successfully', toUserResponse(user)));
    },
  );

  app.post(
    '/api/auth/login',
    {
      preHandler: guard('login'),
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: Envelope(LoginResponse), ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const result = await deps.auth.login(request.body, requestContext(request));
      // A second step is due: no tokens and no cookie until POST /api/auth/mfa/verify.
      if (result.challenge) return ok('Second step required', result.challenge);
      return ok('Login successful', signedIn(request, reply, result, request.body.transport));
    },
  );

  app.post(
    '/api/auth/refresh-token',
    {
      preHandler: guard('refresh'),
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token (body or cookie) for new tokens',
        body: RefreshBody,
        response: { 200: Envelope(TokenResponse), ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const fromBody = request.body?.refresh_token;
      const fromCookie = request.cookies[cookie.name];
      const presented = fromBody ?? fromCookie;
      if (!presented) throw new AppError('INVALID_REFRESH_TOKEN');
      if (!fromBody) assertSameOrigin(request, deps.allowedOrigins);
      let rotated: Awaited<ReturnType<SessionService['rotateRefreshToken']>>;
      try {
        rotated = await deps.sessions.rotateRefreshToken(presented, requestContext(request));
      } catch (err) {
        if (err instanceof AppError && err.code === 'INVALID_REFRESH_TOKEN' && !fromBody)
          clearRefreshCookie(request, reply);
        throw err;
      }
      setRefreshCookie(request, reply, rotated.tokens.refreshToken);
      return ok(
        'Token refreshed',
        tokenData(rotated.tokens, rotated.user, request.body?.transport),
      );
    },
  );

  app.post(
    '/api/auth/logout',
    {
      preValidation: deps.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        security: [{ bearerAuth: [] }],
        body: LogoutBody,
        response: { 200: NoData, ...errorResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await deps.sessions.revokeSession(
        auth.userId,
        auth.sessionId,
        'logout',
        requestContext(request),
      );
      clearRefreshCookie(request, reply);
      return ok('Logged out successfully');
    },
  );
}
