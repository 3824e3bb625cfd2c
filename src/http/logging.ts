import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Secrets never reach the log: headers, bodies and one-time tokens in page URLs are redacted. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.current_password',
        '*.refresh_token',
        '*.access_token',
        '*.token',
        'password',
        'token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
          userAgent: request.headers['user-agent'],
        };
      },
    },
  };
}

/** Replaces the value of any token-like query parameter (verify and reset links). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|refresh_token|access_token|code)=)[^&#]*/gi, '$1[redacted]');
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a well-formed X-Request-Id from the caller (tracing across services), else makes one. */
export function requestIdFor(request: {
  headers: Record<string, string | string[] | undefined>;
}): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
