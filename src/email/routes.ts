import Type from 'typebox';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { validateEmail } from '../users/email.js';
import { authOf, requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { UserSchema } from '../users/schemas.js';
import { toUserResponse } from '../users/serializers.js';
import type { EmailService } from './service.js';

const Token = Type.String({
  minLength: 1,
  maxLength: 512,
  description: 'The token from the link in the mail',
});

const VerifyEmailBody = Type.Object({ token: Token }, { additionalProperties: false });
const ForgotPasswordBody = Type.Object(
  {
    email: Type.String({
      minLength: 1,
      maxLength: 320,
      format: 'email-address',
      description: 'Trimmed and compared case-insensitively',
    }),
  },
  { additionalProperties: false },
);
const ResetPasswordBody = Type.Object(
  {
    token: Token,
    password: Type.String({
      minLength: 8,
      maxLength: 128,
      description: '8–128 characters, not a common password',
    }),
  },
  { additionalProperties: false },
);

export const FORGOT_PASSWORD_MESSAGE =
  'If an account exists for that address, a link to reset the password has been sent to it';

export interface EmailRouteDeps {
  service: EmailService;
  authenticate: preHandlerAsyncHookHandler;
  guards: {
    forgotPassword?: preHandlerAsyncHookHandler | undefined;
    resendVerification?: preHandlerAsyncHookHandler | undefined;
  };
  /** Runs work after the response is sent; the feature waits for it on shutdown. */
  background: (work: () => Promise<void>) => void;
}

/** The contract's verify-email, resend-verification, forgot-password and reset-password routes. */
export function registerEmailRoutes(app: App, deps: EmailRouteDeps): void {
  const { service } = deps;
  const guard = (handler: preHandlerAsyncHookHandler | undefined) => (handler ? [handler] : []);

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm an email address with the token from the verification mail',
        body: VerifyEmailBody,
        response: { 200: Envelope(UserSchema), ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      const user = await service.verifyEmail(request.body.token, requestContext(request));
      return ok('Email address verified', toUserResponse(user));
    },
  );

  app.post(
    '/api/auth/resend-verification',
    {
      preValidation: deps.authenticate,
      preHandler: guard(deps.guards.resendVerification),
      schema: {
        tags: ['auth'],
        summary: 'Send the verification mail again',
        security: [{ bearerAuth: [] }],
        response: { 200: NoData, ...errorResponses(401, 429, 503) },
      },
    },
    async (request) => {
      const outcome = await service.resendVerification(authOf(request).userId, request.locale);
      return outcome === 'already_verified'
        ? ok('Email address is already verified')
        : ok('Verification email sent');
    },
  );

  app.post(
    '/api/auth/forgot-password',
    {
      preHandler: guard(deps.guards.forgotPassword),
      schema: {
        tags: ['auth'],
        summary:
          'Mail a password-reset link; the answer is the same whether or not the account exists',
        body: ForgotPasswordBody,
        response: { 200: NoData, ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      const email = validateEmail(request.body.email);
      const context = requestContext(request);
      // Looked up after the answer: status, body and timing are the same for every address.
      deps.background(() => service.requestPasswordReset(email, context));
      return ok(FORGOT_PASSWORD_MESSAGE);
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the token from the reset mail; ends every session',
        body: ResetPasswordBody,
        response: { 200: NoData, ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      await service.resetPassword(request.body, requestContext(request));
      return ok('Password has been reset. Sign in with the new password.');
    },
  );
}
