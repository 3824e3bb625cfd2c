import {
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { parseClaims, type AccessTokenClaims } from './claims.js';
import { VerifyError } from './errors.js';
import { createIntrospector } from './introspection.js';

/** Algorithms Gatehouse signs with: EdDSA (Ed25519) for its access tokens, RS256 for OpenID clients. */
export type SupportedAlgorithm = 'EdDSA' | 'RS256';

export interface VerifierOptions {
  /** Gatehouse's issuer (its JWT_ISSUER, by default its APP_URL), e.g. "https://auth.example.com". */
  issuer: string;
  /** The audience your tokens carry (Gatehouse's JWT_AUDIENCE, "gatehouse" unless changed). */
  audience: string | string[];
  /** Where the public keys are; default `<issuer>/.well-known/jwks.json`. */
  jwksUri?: string;
  /** Accepted signature algorithms; default ["EdDSA"]. Add "RS256" to accept RSA-signed tokens. */
  algorithms?: SupportedAlgorithm[];
  /** Clock skew allowed on exp/iat, in seconds; default 5. */
  clockToleranceSeconds?: number;
  /**
   * The shortest gap between two JWKS downloads caused by an unknown `kid`, in milliseconds;
   * default 30 000. Tokens with made-up kids therefore cannot turn into a flood of downloads.
   */
  jwksCooldownMs?: number;
  /** How long a downloaded JWKS is used before it is downloaded again, in milliseconds; default 10 minutes. */
  jwksMaxAgeMs?: number;
  /** Ask Gatehouse on every verification (cached briefly) whether the token was revoked. Default false. */
  introspect?: boolean;
  /** RFC 7662 endpoint; default `<issuer>/oidc/token/introspection`. */
  introspectionEndpoint?: string;
  /** The client id and secret this service authenticates to the introspection endpoint with. */
  clientId?: string;
  clientSecret?: string;
  /** How long an introspection answer is reused, in seconds; default 5. */
  introspectionCacheSeconds?: number;
  /** Network timeout for the JWKS and introspection requests, in milliseconds; default 5000. */
  timeoutMs?: number;
  /** Replaces global fetch (proxies, tests). */
  fetch?: typeof fetch;
}

export interface Verifier {
  /** The claims of a valid access token; throws VerifyError otherwise. */
  verify(token: string): Promise<AccessTokenClaims>;
  readonly options: Readonly<VerifierOptions>;
}

const TOKEN_TYPE = 'at+jwt'; // RFC 9068: ID tokens and other JWTs of the same issuer are refused
const MAX_TOKEN_LENGTH = 4096;
const ALLOWED: readonly SupportedAlgorithm[] = ['EdDSA', 'RS256'];

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

function checkOptions(options: VerifierOptions): SupportedAlgorithm[] {
  if (!options.issuer) throw new TypeError('createVerifier: issuer is required');
  if (!options.audience || options.audience.length === 0)
    throw new TypeError('createVerifier: audience is required');
  const algorithms = options.algorithms ?? ['EdDSA'];
  // Pinned to asymmetric algorithms: "none" and HMAC keyed with the public key are never accepted.
  const unsupported = algorithms.filter((alg) => !ALLOWED.includes(alg));
  if (algorithms.length === 0 || unsupported.length > 0)
    throw new TypeError(`createVerifier: algorithms must be among ${ALLOWED.join(', ')}`);
  if (options.introspect && (!options.clientId || !options.clientSecret))
    throw new TypeError('createVerifier: introspect needs clientId and clientSecret');
  return algorithms;
}

function refusal(err: unknown): VerifyError {
  if (err instanceof VerifyError) return err;
  if (err instanceof joseErrors.JWTExpired)
    return new VerifyError('expired_token', 'The access token has expired', { cause: err });
  if (err instanceof joseErrors.JWKSTimeout)
    return new VerifyError('unavailable', 'The signing keys could not be fetched in time', {
      cause: err,
    });
  // A JWKS that cannot be downloaded (network error, non-200) is an outage, not a bad token.
  if (
    err instanceof joseErrors.JOSEError &&
    !(err instanceof joseErrors.JWKSInvalid) &&
    err.code !== 'ERR_JOSE_GENERIC'
  )
    return new VerifyError('invalid_token', 'The access token is invalid', { cause: err });
  return new VerifyError('unavailable', 'The signing keys could not be fetched', { cause: err });
}

/** A verifier of Gatehouse access tokens; create one per process and reuse it (it caches the keys). */
export function createVerifier(options: VerifierOptions): Verifier {
  const algorithms = checkOptions(options);
  const issuer = options.issuer;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 5000;
  const jwksUri = options.jwksUri ?? `${withoutTrailingSlash(issuer)}/.well-known/jwks.json`;
  // jose caches the set, re-downloads it when a token names an unknown kid, and spaces those
  // re-downloads by cooldownDuration.
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(jwksUri), {
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    cacheMaxAge: options.jwksMaxAgeMs ?? 600_000,
    timeoutDuration: timeoutMs,
    [customFetch]: (url, init) => fetchImpl(url, init),
  });
  const isActive = options.introspect
    ? createIntrospector({
        endpoint:
          options.introspectionEndpoint ??
          `${withoutTrailingSlash(issuer)}/oidc/token/introspection`,
        clientId: options.clientId!,
        clientSecret: options.clientSecret!,
        cacheSeconds: options.introspectionCacheSeconds ?? 5,
        fetch: fetchImpl,
        timeoutMs,
      })
    : null;

  async function verify(token: string): Promise<AccessTokenClaims> {
    if (typeof token !== 'string' || token.length === 0)
      throw new VerifyError('missing_token', 'Authentication required');
    if (token.length > MAX_TOKEN_LENGTH)
      throw new VerifyError('invalid_token', 'The access token is invalid');
    let claims: AccessTokenClaims | null;
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms,
        issuer,
        audience: options.audience,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
        clockTolerance: options.clockToleranceSeconds ?? 5,
      });
      claims = parseClaims(payload);
    } catch (err) {
      throw refusal(err);
    }
    if (!claims) throw new VerifyError('invalid_token', 'The access token is invalid');
    if (isActive && !(await isActive(token)))
      throw new VerifyError('revoked_token', 'The access token has been revoked');
    return claims;
  }

  return { verify, options: Object.freeze({ ...options }) };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(value) : null;
  return match ? match[1]! : null;
}
