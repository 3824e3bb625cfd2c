import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** CSP of the web app: no inline script or style, nothing from other origins. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/** The API docs page loads Swagger UI, which sets a few inline styles (never inline script). */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/** JSON and everything else: nothing may load or run, even if a browser were tricked into rendering it. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Browser features the API and the web app never use. */
const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * Sets the security headers on one reply. Also used for the replies Fastify writes outside the
 * route lifecycle (malformed URLs), where no onSend hook runs.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  // Legacy twin of frame-ancestors for browsers without CSP level 2 (clickjacking).
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  // HSTS only when this request really arrived over HTTPS (TLS here, or X-Forwarded-Proto from a
  // trusted proxy): sent over plain HTTP it would be ignored, or pin a dev host to HTTPS.
  if (request.protocol === 'https')
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  const type = String(reply.getHeader('content-type') ?? '');
  if (request.url.startsWith('/api/docs')) reply.header('content-security-policy', DOCS_CSP);
  else if (type.startsWith('text/html')) reply.header('content-security-policy', HTML_CSP);
  else reply.header('content-security-policy', API_CSP);
  // Responses carry tokens and personal data: never stored by browsers or shared caches.
  if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
  reply.removeHeader('x-powered-by');
}

/** Headers on every response; HSTS only when the request arrived over HTTPS (directly or via a trusted proxy). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    applySecurityHeaders(request, reply);
    done(null, payload);
  });
}
