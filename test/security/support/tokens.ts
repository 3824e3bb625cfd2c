import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import type { App } from '../../../src/http/types.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Claims {
  sub: string;
  sid: number;
  role: string;
  [key: string]: unknown;
}

async function signWith(
  key: KeyObject | Uint8Array,
  header: Record<string, unknown>,
  claims: Claims,
  options: { issuer: string; audience: string; iat: number; exp: number },
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader(header as never)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setJti('forged-jti-0123456789')
    .setIssuedAt(options.iat)
    .setExpirationTime(options.exp)
    .sign(key);
}

/**
 * Every kind of forged or unacceptable access token, built from a genuine one: each must answer 401.
 * Minted with jose from the app's own public key (JWKS) and, where the attack needs a valid
 * signature on bad claims, the app's real private key.
 */
export async function forgedTokens(
  app: App,
  genuine: string,
  other: { userId: number; sessionId: number },
): Promise<Record<string, string>> {
  const header = decodeProtectedHeader(genuine) as Record<string, unknown>;
  const payload = decodeJwt(genuine) as unknown as Claims & { iss: string; aud: string };
  const kid = String(header.kid);
  const jwk = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' }))
    .json()
    .keys.find((k: { kid: string }) => k.kid === kid);
  const [h, p, s] = genuine.split('.') as [string, string, string];
  const now = Math.floor(Date.now() / 1000);
  const base = { issuer: payload.iss, audience: String(payload.aud), iat: now, exp: now + 600 };
  const claims: Claims = { sub: payload.sub, sid: payload.sid, role: payload.role };
  const realKey = app.ctx.keys.signingKey().privateKey;
  const foreign = generateKeyPairSync('ed25519').privateKey;
  // Flip one character in the middle of the signature (the last one may only carry padding bits).
  const mid = Math.floor(s.length / 2);
  const flipped = s.slice(0, mid) + (s[mid] === 'A' ? 'B' : 'A') + s.slice(mid + 1);

  return {
    // Control: the same minting with correct claims must be accepted, so each 401 below is meaningful.
    control: await signWith(realKey, { alg: 'EdDSA', typ: 'at+jwt', kid }, claims, base),
    'alg none': `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${p}.`,
    'alg none, signature kept': `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${p}.${s}`,
    'HS256 signed with the public JWK as secret': await signWith(
      new TextEncoder().encode(JSON.stringify(jwk)),
      { alg: 'HS256', typ: 'at+jwt', kid },
      claims,
      base,
    ),
    'HS256 signed with the raw public key': await signWith(
      Buffer.from(String(jwk.x), 'base64url'),
      { alg: 'HS256', typ: 'at+jwt', kid },
      claims,
      base,
    ),
    'foreign Ed25519 key with a matching kid': await signWith(
      foreign,
      { alg: 'EdDSA', typ: 'at+jwt', kid },
      claims,
      base,
    ),
    'payload altered (role admin), signature kept': `${h}.${b64({ ...payload, role: 'admin' })}.${s}`,
    'payload altered (other user), signature kept': `${h}.${b64({ ...payload, sub: String(other.userId), sid: other.sessionId })}.${s}`,
    'signature altered': `${h}.${p}.${flipped}`,
    'signature removed': `${h}.${p}.`,
    expired: await signWith(realKey, { alg: 'EdDSA', typ: 'at+jwt', kid }, claims, {
      ...base,
      iat: now - 7200,
      exp: now - 3600,
    }),
    'issued in the future (not yet valid)': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid },
      { ...claims, nbf: now + 3600 },
      base,
    ),
    'wrong audience': await signWith(realKey, { alg: 'EdDSA', typ: 'at+jwt', kid }, claims, {
      ...base,
      audience: 'another-service',
    }),
    'wrong issuer': await signWith(realKey, { alg: 'EdDSA', typ: 'at+jwt', kid }, claims, {
      ...base,
      issuer: 'https://evil.example',
    }),
    'wrong token type (plain JWT)': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'JWT', kid },
      claims,
      base,
    ),
    'unknown kid': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid: 'no-such-key' },
      claims,
      base,
    ),
    'validly signed, session of another user': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid },
      { ...claims, sid: other.sessionId },
      base,
    ),
    'validly signed, unknown session': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid },
      { ...claims, sid: 2_000_000_000 },
      base,
    ),
    'validly signed, missing sid': await signWith(
      realKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid },
      { sub: claims.sub, role: claims.role } as Claims,
      base,
    ),
  };
}

/** Authorization header values that are not a Bearer access token at all. */
export function malformedAuthorizations(genuine: string): Record<string, string> {
  return {
    'empty bearer': 'Bearer ',
    'garbage bearer': 'Bearer not-a-token',
    'basic auth': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'token without scheme': genuine,
    'lower-case scheme with extra spaces': `bearer  ${genuine}`,
    'two tokens': `Bearer ${genuine}, Bearer ${genuine}`,
    'oversized token': `Bearer ${'a'.repeat(5000)}.${'b'.repeat(5000)}.${'c'.repeat(100)}`,
  };
}
