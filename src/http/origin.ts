import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * CSRF guard for cookie-authenticated requests (refresh via the HttpOnly cookie), on top of
 * SameSite=Strict: a browser's Origin must be ours or listed; cross-site fetch metadata is refused.
 */
export function assertSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    const own = `${request.protocol}://${request.host}`;
    if (origin === own || allowedOrigins.includes(origin)) return;
    throw new AppError('ORIGIN_NOT_ALLOWED');
  }
  if (origin === 'null' || request.headers['sec-fetch-site'] === 'cross-site')
    throw new AppError('ORIGIN_NOT_ALLOWED');
}
