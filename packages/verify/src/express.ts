import type { AccessTokenClaims, GatehouseRole } from './claims.js';
import { errorResponse, VerifyError } from './errors.js';
import { roleGuard, scopeGuard, type Guard } from './guards.js';
import { bearerToken, createVerifier, type Verifier, type VerifierOptions } from './verifier.js';

// Structural types: Express is not a dependency of this package, any compatible framework works.
export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  gatehouse?: AccessTokenClaims;
}
export interface ResponseLike {
  status(code: number): ResponseLike;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}
export type NextLike = (err?: unknown) => void;
export type Middleware = (req: RequestLike, res: ResponseLike, next: NextLike) => void;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its Request in this global namespace
  namespace Express {
    interface Request {
      /** Verified access-token claims, set by @gatehouse/verify's middleware. */
      gatehouse?: AccessTokenClaims;
    }
  }
}

function refuse(res: ResponseLike, next: NextLike, err: unknown): void {
  if (!(err instanceof VerifyError)) return next(err);
  const response = errorResponse(err);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.status(response.status).json(response.body);
}

/**
 * Middleware: a valid Bearer access token is required; its claims land on `req.gatehouse`.
 * `app.use('/api', gatehouseAuth({ issuer, audience }))`.
 */
export function gatehouseAuth(options: VerifierOptions | { verifier: Verifier }): Middleware {
  const verifier = 'verifier' in options ? options.verifier : createVerifier(options);
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token)
      return refuse(res, next, new VerifyError('missing_token', 'Authentication required'));
    verifier.verify(token).then(
      (claims) => {
        req.gatehouse = claims;
        next();
      },
      (err: unknown) => refuse(res, next, err),
    );
  };
}

function guardMiddleware(guard: Guard): Middleware {
  return (req, res, next) => {
    try {
      if (!req.gatehouse) throw new VerifyError('missing_token', 'Authentication required');
      guard(req.gatehouse);
      next();
    } catch (err) {
      refuse(res, next, err);
    }
  };
}

/** Middleware after `gatehouseAuth`: requires one of `roles` (403 otherwise). */
export const requireRole = (...roles: GatehouseRole[]) => guardMiddleware(roleGuard(...roles));

/** Middleware after `gatehouseAuth`: requires every one of `scopes` (403 otherwise). */
export const requireScope = (...scopes: string[]) => guardMiddleware(scopeGuard(...scopes));
