import type { preHandlerAsyncHookHandler } from 'fastify';
import Type from 'typebox';
import { TokenResponse } from '../auth/schemas.js';
import { createTokenReplies } from '../auth/routes.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { UserIdParams } from '../users/schemas.js';
import {
  AuthenticationOptionsSchema,
  DeletePasskeyBody,
  LoginVerifyBody,
  MfaOptionsBody,
  MfaVerifyBody,
  PasskeyIdParams,
  PasskeySchema,
  ReauthResponse,
  ReauthVerifyBody,
  RegisterVerifyBody,
  RegistrationOptionsSchema,
  RenameBody,
} from './schemas.js';
import { toPasskeyResponse } from './serializers.js';
import type { PasskeyService } from './service.js';

export interface PasskeyRouteDeps {
  service: PasskeyService;
  authenticate: preHandlerAsyncHookHandler;
  appUrl: string;
  refreshTokenTtlSeconds: number;
}

/** /api/auth/passkeys: thin handlers over the passkey service. */
export function registerPasskeyRoutes(app: App, deps: PasskeyRouteDeps): void {
  const { service } = deps;
  const { setRefreshCookie, tokenData } = createTokenReplies(deps);
  const tags = ['passkeys'];
  const signedIn = { preValidation: deps.authenticate };
  const security = [{ bearerAuth: [] }];
  const idOf = (request: { params: { id: string } }) => Number(request.params.id);

  app.post(
    '/api/auth/passkeys/register/options',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Start registering a passkey: WebAuthn creation options (5-minute challenge)',
        response: { 200: Envelope(RegistrationOptionsSchema), ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const options = await service.registrationOptions(auth.userId, auth.sessionId);
      return ok('Passkey registration options', options);
    },
  );

  app.post(
    '/api/auth/passkeys/register/verify',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Finish registering a passkey with the authenticator response and a name',
        body: RegisterVerifyBody,
        response: {
          201: Envelope(PasskeySchema),
          ...errorResponses(400, 401, 409, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const row = await service.registerVerify(
        auth.userId,
        auth.sessionId,
        request.body,
        requestContext(request),
      );
      return reply.status(201).send(ok('Passkey added', toPasskeyResponse(row)));
    },
  );

  app.get(
    '/api/auth/passkeys',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "The caller's passkeys",
        response: { 200: Envelope(Type.Array(PasskeySchema)), ...errorResponses(401, 503) },
      },
    },
    async (request) =>
      ok('Passkeys', (await service.list(authOf(request).userId)).map(toPasskeyResponse)),
  );

  app.patch(
    '/api/auth/passkeys/:id',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Rename a passkey',
        params: PasskeyIdParams,
        body: RenameBody,
        response: { 200: Envelope(PasskeySchema), ...errorResponses(400, 401, 404, 413, 415, 503) },
      },
    },
    async (request) => {
      const row = await service.rename(authOf(request).userId, idOf(request), request.body.name);
      return ok('Passkey renamed', toPasskeyResponse(row));
    },
  );

  app.delete(
    '/api/auth/passkeys/:id',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Remove a passkey (current_password, or a passkey re-authentication in the last 5 minutes)',
        params: PasskeyIdParams,
        body: DeletePasskeyBody,
        response: { 200: NoData, ...errorResponses(400, 401, 404, 415, 429, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      await service.remove(
        auth.userId,
        auth.sessionId,
        idOf(request),
        request.body?.current_password,
        requestContext(request),
      );
      return ok('Passkey removed');
    },
  );

  app.get(
    '/api/users/:id/passkeys',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "A user's passkeys (self or admin): names and dates",
        params: UserIdParams,
        response: {
          200: Envelope(Type.Array(PasskeySchema)),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const rows = await service.listOf({ userId: auth.userId, role: auth.role }, idOf(request));
      return ok('Passkeys', rows.map(toPasskeyResponse));
    },
  );

  app.post(
    '/api/auth/passkeys/login/options',
    {
      schema: {
        tags,
        summary: 'Start a passwordless sign-in: WebAuthn request options for discoverable passkeys',
        response: { 200: Envelope(AuthenticationOptionsSchema), ...errorResponses(429, 503) },
      },
    },
    async () => ok('Passkey sign-in options', await service.loginOptions()),
  );

  app.post(
    '/api/auth/passkeys/login/verify',
    {
      schema: {
        tags,
        summary: 'Sign in with a passkey: the usual token data',
        body: LoginVerifyBody,
        response: {
          200: Envelope(TokenResponse),
          ...errorResponses(400, 401, 403, 413, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { user, tokens } = await service.loginVerify(
        request.body.credential,
        requestContext(request),
      );
      setRefreshCookie(request, reply, tokens.refreshToken);
      return ok('Login successful', tokenData(tokens, user, request.body.transport));
    },
  );

  app.post(
    '/api/auth/passkeys/mfa/options',
    {
      schema: {
        tags,
        summary: 'Second step of sign-in with a passkey: request options for the mfa_token’s user',
        body: MfaOptionsBody,
        response: {
          200: Envelope(AuthenticationOptionsSchema),
          ...errorResponses(400, 401, 404, 413, 415, 503),
        },
      },
    },
    async (request) =>
      ok('Passkey second-step options', await service.mfaOptions(request.body.mfa_token)),
  );

  app.post(
    '/api/auth/passkeys/mfa/verify',
    {
      schema: {
        tags,
        summary: 'Second step of sign-in with a passkey: the usual token data',
        body: MfaVerifyBody,
        response: {
          200: Envelope(TokenResponse),
          ...errorResponses(400, 401, 413, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const result = await service.mfaVerify(
        request.body.mfa_token,
        request.body.credential,
        requestContext(request),
      );
      setRefreshCookie(request, reply, result.tokens.refreshToken);
      return ok('Login successful', tokenData(result.tokens, result.user, request.body.transport));
    },
  );

  app.post(
    '/api/auth/passkeys/reauth/options',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "Start a passkey re-authentication: request options for the caller's passkeys",
        response: { 200: Envelope(AuthenticationOptionsSchema), ...errorResponses(401, 404, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return ok(
        'Passkey re-authentication options',
        await service.reauthOptions(auth.userId, auth.sessionId),
      );
    },
  );

  app.post(
    '/api/auth/passkeys/reauth/verify',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary:
          'Re-authenticate this session with a passkey: for 5 minutes current_password may be left out',
        body: ReauthVerifyBody,
        response: { 200: Envelope(ReauthResponse), ...errorResponses(400, 401, 413, 415, 503) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const result = await service.reauthVerify(
        auth.userId,
        auth.sessionId,
        request.body.credential,
        requestContext(request),
      );
      return ok('Re-authenticated', result);
    },
  );
}
