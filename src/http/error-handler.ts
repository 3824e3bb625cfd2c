import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateDatabaseError } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { ERROR_CODES, type ErrorCode } from '../errors/codes.js';
import { localizeFieldErrors, localizeSentence } from '../i18n/api-messages.js';
import { localeOf } from '../i18n/request-locale.js';
import { applySecurityHeaders } from './security-headers.js';
import { validationErrorsToFields } from './validation-messages.js';

/** Fastify's own client-error codes → our catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function isDataException(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && typeof severity === 'string';
}

/** Classifies any thrown value as an AppError; unknown failures become INTERNAL_ERROR. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const dbError = translateDatabaseError(error);
  if (dbError) return dbError;
  // SQLSTATE class 22 (data exception: a NUL byte in text, a number out of range) is always caused
  // by a value the client sent that a schema let through: the client's mistake (400), never a 500.
  if (isDataException(error)) return new AppError('VALIDATION_FAILED', { cause: error });
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (fastifyError.validation) {
    return new AppError('VALIDATION_FAILED', {
      errors: validationErrorsToFields(
        fastifyError.validation as never,
        fastifyError.validationContext ?? 'body',
      ),
    });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  // Errors from JSON parsing (SyntaxError, prototype poisoning) carry a 400 status.
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 400 && error instanceof SyntaxError) return new AppError('MALFORMED_JSON');
  const byStatus = STATUS_CODES[status];
  if (byStatus && status < 500) return new AppError(byStatus);
  return new AppError('INTERNAL_ERROR', { cause: error });
}

/** The one place that writes error envelopes: never a stack trace, SQL, path, hash or token. */
export function sendError(reply: FastifyReply, appError: AppError) {
  if (appError.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(appError.retryAfterSeconds));
  // The sentences follow the request's language (src/i18n); `code` never changes.
  // Router-level errors (frameworkErrors) come with a request the decorators never reached.
  const locale = localeOf(reply.request);
  const message =
    appError.code === 'INTERNAL_ERROR' ? ERROR_CODES.INTERNAL_ERROR.message : appError.message;
  const body: Record<string, unknown> = {
    success: false,
    message: localizeSentence(message, locale),
    code: appError.code,
  };
  if (appError.errors) body.errors = localizeFieldErrors(appError.errors, locale);
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL_ERROR') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.code === 'VALIDATION_FAILED' && appError.cause) {
      // A schema let an invalid value reach the database: worth fixing at the route.
      const cause = appError.cause as { message?: string; code?: string };
      request.log.warn(
        { cause: cause.message, causeCode: cause.code },
        'data exception from database',
      );
    } else if (appError.code === 'SERVICE_UNAVAILABLE') {
      const cause = appError.cause as { message?: string; code?: string } | undefined;
      request.log.warn({ cause: cause?.message, causeCode: cause?.code }, 'dependency unavailable');
    }
    return sendError(reply, appError);
  });
}

/**
 * Fastify's `frameworkErrors`: URLs the router rejects before any route runs (malformed percent
 * encoding, over-long parameters). Without it Fastify writes its own body, which echoes the path
 * and carries none of the security headers.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  applySecurityHeaders(request, reply);
  reply.header('x-request-id', request.id);
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError('VALIDATION_FAILED', { errors: { url: 'The URL is not valid' } })
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new AppError('NOT_FOUND')
        : toAppError(error);
  if (appError.code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'router error');
  return sendError(reply, appError);
}
