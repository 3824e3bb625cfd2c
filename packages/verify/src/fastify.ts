import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import type { AccessTokenClaims, GatehouseRole } from './claims.js';
import { errorResponse, VerifyError } from './errors.js';
import { roleGuard, scopeGuard, type Guard } from './guards.js';
import { bearerToken, createVerifier, type Verifier, type VerifierOptions } from './verifier.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The verifier the @gatehouse/verify plugin was registered with. */
    gatehouseVerifier: Verifier;
  }
  interface FastifyRequest {
    /** The verified access-token claims; null until `authenticate` (or a guard) ran. */
    gatehouse: AccessTokenClaims | null;
  }
}

export type GatehousePluginOptions = VerifierOptions | { verifier: Verifier };

function send(reply: FastifyReply, err: unknown): FastifyReply {
  if (!(err instanceof VerifyError)) throw err;
  const response = errorResponse(err);
  return reply.code(response.status).headers(response.headers).send(response.body);
}

async function authenticateRequest(request: FastifyRequest): Promise<AccessTokenClaims> {
  if (request.gatehouse) return request.gatehouse;
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new VerifyError('missing_token', 'Authentication required');
  request.gatehouse = await request.server.gatehouseVerifier.verify(token);
  return request.gatehouse;
}

function guarded(...guards: Guard[]): preHandlerAsyncHookHandler {
  return async function (request, reply) {
    try {
      const claims = await authenticateRequest(request);
      for (const guard of guards) guard(claims);
    } catch (err) {
      return send(reply, err);
    }
  };
}

/** preHandler: a valid Bearer access token is required; its claims land on `request.gatehouse`. */
export const authenticate: preHandlerAsyncHookHandler = guarded();

/** preHandler: authenticates, then requires one of `roles` (403 otherwise). */
export const requireRole = (...roles: GatehouseRole[]) => guarded(roleGuard(...roles));

/** preHandler: authenticates, then requires every one of `scopes` (403 otherwise). */
export const requireScope = (...scopes: string[]) => guarded(scopeGuard(...scopes));

const plugin: FastifyPluginAsync<GatehousePluginOptions> = async (
  app: FastifyInstance,
  options,
) => {
  const verifier = 'verifier' in options ? options.verifier : createVerifier(options);
  app.decorate('gatehouseVerifier', verifier);
  app.decorateRequest('gatehouse', null);
};
// What fastify-plugin does: the decorations reach the routes of the parent, not only this scope.
Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@gatehouse/verify',
  [Symbol.for('plugin-meta')]: { name: '@gatehouse/verify', fastify: '5.x' },
});

/**
 * Fastify plugin: `app.register(gatehouseVerify, { issuer, audience })`, then protect routes with
 * `{ preHandler: authenticate }`, `requireRole('admin')` or `requireScope('orders:read')`.
 */
export const gatehouseVerify = plugin;
export default plugin;
