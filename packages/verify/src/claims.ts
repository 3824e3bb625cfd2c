/** Roles a Gatehouse account can have. */
export type GatehouseRole = 'user' | 'admin';

/** Roles a member can have in a Gatehouse organization. */
export type OrganizationRole = 'owner' | 'admin' | 'member';

/**
 * The payload of a Gatehouse access token (a JWT of type `at+jwt`, RFC 9068). This is the stable
 * schema documented in docs/access-token-claims.md: claims may be added, none is removed or renamed.
 */
export interface AccessTokenClaims {
  /** Issuer: Gatehouse's JWT_ISSUER (default its APP_URL). */
  iss: string;
  /** Audience: Gatehouse's JWT_AUDIENCE (default "gatehouse"). */
  aud: string | string[];
  /** The user's id as a decimal string ("123"). */
  sub: string;
  /** Unique token id (22 base64url characters). */
  jti: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch (iat + ACCESS_TOKEN_TTL_SECONDS). */
  exp: number;
  /** The sign-in session (refresh-token family) the token belongs to: a positive integer. */
  sid?: number;
  /** The account's role when the token was issued. */
  role?: GatehouseRole;
  /** Space-separated scopes (RFC 9068), on tokens issued to OpenID clients. */
  scope?: string;
  /** The OpenID client the token was issued to (RFC 9068). */
  client_id?: string;
  /** The session's active organization (a positive integer), when one is chosen. */
  org_id?: number;
  /** The user's role in that organization when the token was issued; present with `org_id`. */
  org_role?: OrganizationRole;
  [claim: string]: unknown;
}

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * Checks the shape of claims whose signature, issuer, audience, type and expiry were already
 * verified; returns null when a claim Gatehouse always sets has another type.
 */
export function parseClaims(payload: Record<string, unknown>): AccessTokenClaims | null {
  const { sub, jti, iat, exp, sid, role, scope, client_id: clientId } = payload;
  const { org_id: orgId, org_role: orgRole } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || typeof jti !== 'string') return null;
  if (typeof iat !== 'number' || typeof exp !== 'number') return null;
  if (sid !== undefined && !isPositiveInteger(sid)) return null;
  if (role !== undefined && role !== 'user' && role !== 'admin') return null;
  if (scope !== undefined && typeof scope !== 'string') return null;
  if (clientId !== undefined && typeof clientId !== 'string') return null;
  if ((orgId === undefined) !== (orgRole === undefined)) return null;
  if (orgId !== undefined && !isPositiveInteger(orgId)) return null;
  if (orgRole !== undefined && orgRole !== 'owner' && orgRole !== 'admin' && orgRole !== 'member')
    return null;
  return payload as AccessTokenClaims;
}

/** The scopes of a token, from its space-separated `scope` claim. */
export function scopesOf(claims: AccessTokenClaims): string[] {
  return claims.scope ? claims.scope.split(' ').filter(Boolean) : [];
}

/** The user id of a token issued to a person (`sub` is a decimal id), else null. */
export function userIdOf(claims: AccessTokenClaims): number | null {
  const id = Number(claims.sub);
  return isPositiveInteger(id) && String(id) === claims.sub ? id : null;
}

/** Whether the token's role is one of `roles`. */
export function hasRole(claims: AccessTokenClaims, ...roles: GatehouseRole[]): boolean {
  return claims.role !== undefined && roles.includes(claims.role);
}

/** Whether the token carries every one of `scopes`. */
export function hasScope(claims: AccessTokenClaims, ...scopes: string[]): boolean {
  const granted = new Set(scopesOf(claims));
  return scopes.every((scope) => granted.has(scope));
}

/** The token's active organization and the user's role in it, or null when none is chosen. */
export function organizationOf(
  claims: AccessTokenClaims,
): { id: number; role: OrganizationRole } | null {
  return claims.org_id !== undefined && claims.org_role !== undefined
    ? { id: claims.org_id, role: claims.org_role }
    : null;
}
