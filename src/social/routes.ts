import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import Type from 'typebox';
import { createTokenReplies } from '../auth/routes.js';
import { LoginResponse } from '../auth/schemas.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { newOpaqueToken } from '../auth/opaque-tokens.js';
import {
  AddProviderBody,
  CallbackQuery,
  ExchangeBody,
  IdentityIdParams,
  IdentitySchema,
  ProviderIdParams,
  ProviderParams,
  ProviderSchema,
  PublicProviderSchema,
  SignInMethodsSchema,
  StartQuery,
} from './schemas.js';
import { toIdentityResponse, toProviderResponse } from './serializers.js';
import {
  FLOW_TTL_SECONDS,
  PENDING_LINK_TTL_SECONDS,
  type CallbackOutcome,
  type SocialService,
} from './service.js';

/** The browser that started a sign-in (its flow, hand-over code and pending link are bound to it). */
export const BROWSER_COOKIE = 'gh_social';
/** The pending link, waiting for the person to sign in to the account with that address. */
export const LINK_COOKIE = 'gh_social_link';

export interface SocialRouteDeps {
  service: SocialService;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
  appUrl: string;
  refreshTokenTtlSeconds: number;
  redirectUriOf: (providerId: string) => string;
  /** Rate limit of sign-in starts (per client address). */
  guard?: preHandlerAsyncHookHandler | undefined;
}

/** Where the web app picks up after the callback (no token in any URL: a one-time code). */
export function webAppTarget(providerId: string, outcome: CallbackOutcome): string {
  const params = new URLSearchParams();
  if (outcome.kind === 'signed_in') params.set('code', outcome.code);
  else if (outcome.kind === 'link_required') params.set('social', 'link');
  else params.set('social_error', outcome.reason);
  params.set('provider', providerId);
  if (outcome.returnTo !== '/') params.set('returnTo', outcome.returnTo);
  const page = outcome.kind === 'signed_in' ? '/sign-in/social' : '/sign-in';
  return `${page}?${params.toString()}`;
}

export function registerSocialRoutes(app: App, deps: SocialRouteDeps): void {
  const { service } = deps;
  const { signedIn } = createTokenReplies(deps);
  const https = new URL(deps.appUrl).protocol === 'https:';
  // Lax: the provider's redirect back is a cross-site top-level navigation.
  const cookieOptions = (request: FastifyRequest, maxAge: number) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: https || request.protocol === 'https',
    path: '/api/auth/oauth',
    maxAge,
  });
  const clear = (request: FastifyRequest, reply: FastifyReply, name: string) =>
    reply.clearCookie(name, { ...cookieOptions(request, 0), maxAge: undefined });
  const tags = ['social'];
  const security = [{ bearerAuth: [] }];
  const admin = { preValidation: [deps.authenticate, deps.requireAdmin] };

  app.get(
    '/api/auth/providers',
    {
      schema: {
        tags,
        summary: 'The configured sign-in providers, for the sign-in page',
        response: { 200: Envelope(Type.Array(PublicProviderSchema)), ...errorResponses(503) },
      },
    },
    async () => {
      const providers = await service.listProviders();
      return ok(
        'Sign-in providers',
        providers.map((p) => ({ id: p.id, name: p.displayName })),
      );
    },
  );

  app.get(
    '/api/auth/oauth/:provider/start',
    {
      preHandler: deps.guard ? [deps.guard] : [],
      schema: {
        tags,
        summary: 'Start a sign-in with the provider: redirects the browser there (302)',
        params: ProviderParams,
        querystring: StartQuery,
        response: { ...errorResponses(400, 404, 429, 502, 503) },
      },
    },
    async (request, reply) => {
      const browser = newOpaqueToken();
      const url = await service.start(
        request.params.provider,
        request.query.returnTo ?? '/',
        browser,
      );
      reply.setCookie(BROWSER_COOKIE, browser, cookieOptions(request, FLOW_TTL_SECONDS));
      reply.header('cache-control', 'no-store');
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api/auth/oauth/:provider/callback',
    {
      schema: {
        tags,
        summary:
          "The provider's redirect back: redirects to the web app with a one-time code, or with the reason it was refused",
        params: ProviderParams,
        querystring: CallbackQuery,
        response: { ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const query = request.raw.url!.split('?')[1] ?? '';
      const callbackUrl = new URL(`${deps.redirectUriOf(request.params.provider)}?${query}`);
      const outcome = await service.callback(
        request.params.provider,
        callbackUrl,
        request.cookies[BROWSER_COOKIE],
        requestContext(request),
      );
      if (outcome.kind === 'link_required')
        reply.setCookie(
          LINK_COOKIE,
          outcome.linkId,
          cookieOptions(request, PENDING_LINK_TTL_SECONDS),
        );
      if (outcome.kind !== 'signed_in') clear(request, reply, BROWSER_COOKIE);
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
      return reply.redirect(webAppTarget(request.params.provider, outcome), 303);
    },
  );

  app.post(
    '/api/auth/oauth/exchange',
    {
      schema: {
        tags,
        summary:
          "The web app's one-time code from the callback, from the browser that started: the usual token data, or the second-step challenge",
        body: ExchangeBody,
        response: { 200: Envelope(LoginResponse), ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const result = await service.exchange(
        request.body.code,
        request.cookies[BROWSER_COOKIE],
        requestContext(request),
      );
      clear(request, reply, BROWSER_COOKIE);
      if (result.challenge) return ok('Second step required', result.challenge);
      return ok('Login successful', signedIn(request, reply, result, request.body.transport));
    },
  );

  app.post(
    '/api/auth/oauth/link',
    {
      preValidation: deps.authenticate,
      schema: {
        tags,
        security,
        summary:
          'Link the provider account waiting in this browser (after signing in to the account with its address)',
        response: { 200: Envelope(IdentitySchema), ...errorResponses(400, 401, 409, 503) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const identity = await service.completeLink(
        auth.userId,
        request.cookies[LINK_COOKIE],
        requestContext(request),
      );
      clear(request, reply, LINK_COOKIE);
      const providers = await service.listProviders();
      const name = providers.find((p) => p.id === identity.provider)?.displayName;
      return ok(
        'Account linked',
        toIdentityResponse({ ...identity, providerName: name ?? identity.provider }),
      );
    },
  );

  app.get(
    '/api/auth/identities',
    {
      preValidation: deps.authenticate,
      schema: {
        tags,
        security,
        summary: 'Sign-in methods: linked provider accounts, and how many ways in the account has',
        response: { 200: Envelope(SignInMethodsSchema), ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const methods = await service.signInMethods(authOf(request).userId);
      return ok('Sign-in methods', {
        password: methods.password,
        passkeys: methods.passkeys,
        identities: methods.identities.map(toIdentityResponse),
        ways_in: methods.waysIn,
      });
    },
  );

  app.delete(
    '/api/auth/identities/:id',
    {
      preValidation: deps.authenticate,
      schema: {
        tags,
        security,
        summary: 'Unlink a provider account (refused with 409 for the last way in)',
        params: IdentityIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 404, 409, 503) },
      },
    },
    async (request) => {
      await service.unlink(
        authOf(request).userId,
        Number(request.params.id),
        requestContext(request),
      );
      return ok('Account unlinked');
    },
  );

  app.get(
    '/api/admin/providers',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Sign-in providers (secrets are never shown)',
        response: { 200: Envelope(Type.Array(ProviderSchema)), ...errorResponses(401, 403, 503) },
      },
    },
    async () => {
      const providers = await service.listProviders();
      return ok(
        'Sign-in providers',
        providers.map((p) => toProviderResponse(p, deps.redirectUriOf(p.id))),
      );
    },
  );

  app.post(
    '/api/admin/providers',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Add a sign-in provider (its client secret is sealed at rest)',
        body: AddProviderBody,
        response: {
          201: Envelope(ProviderSchema),
          ...errorResponses(400, 401, 403, 409, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const provider = await service.addProvider(request.body);
      return reply
        .status(201)
        .send(ok('Provider added', toProviderResponse(provider, deps.redirectUriOf(provider.id))));
    },
  );

  app.delete(
    '/api/admin/providers/:id',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Remove a provider added at run time (linked accounts stay until unlinked)',
        params: ProviderIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      await service.removeProvider(request.params.id);
      return ok('Provider removed');
    },
  );
}
