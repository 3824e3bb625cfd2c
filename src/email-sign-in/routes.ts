import type { preHandlerAsyncHookHandler } from 'fastify';
import { createTokenReplies } from '../auth/routes.js';
import { LoginResponse } from '../auth/schemas.js';
import { requestContext } from '../http/authenticate.js';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { AppError } from '../errors/app-error.js';
import { validateEmail } from '../users/email.js';
import { EmailSignInBody, EmailSignInVerifyBody } from './schemas.js';
import type { EmailSignInService } from './service.js';

export const EMAIL_SIGN_IN_MESSAGE =
  'If this address can sign in, a sign-in link and code have been sent to it';

/** `{token}` alone, or `{email, code}` together; anything else is a validation error. */
export function proofOf(body: {
  email?: string | undefined;
  code?: string | undefined;
  token?: string | undefined;
}): { token: string } | { email: string; code: string } {
  if (body.token !== undefined) {
    if (body.email === undefined && body.code === undefined) return { token: body.token };
    throw new AppError('VALIDATION_FAILED', {
      errors: { token: 'Send either the token or the email and code, not both' },
    });
  }
  if (body.email !== undefined && body.code !== undefined)
    return { email: body.email, code: body.code };
  const errors: Record<string, string> = {};
  if (body.email === undefined) errors.email = 'Email is required with the code';
  if (body.code === undefined) errors.code = 'Enter the 6-digit code from the mail';
  throw new AppError('VALIDATION_FAILED', { errors });
}

export interface EmailSignInRouteDeps {
  service: EmailSignInService;
  /** Mail limits per address and per recipient (shared with forgot-password). */
  guard?: preHandlerAsyncHookHandler | undefined;
  appUrl: string;
  refreshTokenTtlSeconds: number;
  /** Runs work after the response is sent; the feature waits for it on shutdown. */
  background: (work: () => Promise<void>) => void;
}

export function registerEmailSignInRoutes(app: App, deps: EmailSignInRouteDeps): void {
  const { service } = deps;
  const { signedIn } = createTokenReplies(deps);

  app.post(
    '/api/auth/email-sign-in',
    {
      preHandler: deps.guard ? [deps.guard] : [],
      schema: {
        tags: ['auth'],
        summary:
          'Mail a sign-in link and code; the answer is the same whether or not the account exists',
        body: EmailSignInBody,
        response: { 200: NoData, ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request) => {
      const email = validateEmail(request.body.email);
      const context = requestContext(request);
      // Looked up after the answer: status, body and timing are the same for every address.
      deps.background(() => service.request(email, context));
      return ok(EMAIL_SIGN_IN_MESSAGE);
    },
  );

  app.post(
    '/api/auth/email-sign-in/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with the code (and address) or the link token from the sign-in mail',
        body: EmailSignInVerifyBody,
        response: { 200: Envelope(LoginResponse), ...errorResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const result = await service.verify(proofOf(request.body), requestContext(request));
      // A second step is due: no tokens and no cookie until POST /api/auth/mfa/verify.
      if (result.challenge) return ok('Second step required', result.challenge);
      return ok('Login successful', signedIn(request, reply, result, request.body.transport));
    },
  );
}
