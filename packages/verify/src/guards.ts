import { hasRole, hasScope, type AccessTokenClaims, type GatehouseRole } from './claims.js';
import { VerifyError } from './errors.js';

/** A check run after authentication; throws VerifyError (403) when the token does not qualify. */
export type Guard = (claims: AccessTokenClaims) => void;

/** Passes tokens whose role is one of `roles`. */
export function roleGuard(...roles: GatehouseRole[]): Guard {
  return (claims) => {
    if (!hasRole(claims, ...roles))
      throw new VerifyError('insufficient_role', 'You are not allowed to do this');
  };
}

/** Passes tokens that carry every one of `scopes`. */
export function scopeGuard(...scopes: string[]): Guard {
  return (claims) => {
    if (!hasScope(claims, ...scopes))
      throw new VerifyError('insufficient_scope', 'The access token lacks a required scope', {
        scopes,
      });
  };
}
