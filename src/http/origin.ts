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

/** Methods and headers the API uses cross-origin (the plugin's default leaves out PUT and DELETE). */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'x-request-id'];
const CORS_EXPOSED_HEADERS = ['retry-after', 'x-request-id'];

/**
 * @fastify/cors options for the origins of CORS_ORIGINS. An unlisted origin gets no CORS headers at
 * all (not even Allow-Credentials) and its preflight is a 404: exact string match, no wildcard, no
 * suffix or scheme leniency, because credentials are allowed.
 */
export function corsOptions(origins: readonly string[]) {
  const allowed = new Set(origins);
  return {
    origin: (
      origin: string | undefined,
      callback: (err: Error | null, allow: string | false) => void,
    ) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    credentials: true,
    methods: CORS_METHODS,
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  };
}
