export {
  hasRole,
  hasScope,
  organizationOf,
  scopesOf,
  userIdOf,
  type AccessTokenClaims,
  type GatehouseRole,
  type OrganizationRole,
} from './claims.js';
export {
  errorResponse,
  VerifyError,
  type ErrorResponse,
  type VerifyErrorReason,
} from './errors.js';
export { roleGuard, scopeGuard, type Guard } from './guards.js';
export {
  bearerToken,
  createVerifier,
  type SupportedAlgorithm,
  type Verifier,
  type VerifierOptions,
} from './verifier.js';
