import { constants, createPublicKey, verify, type JsonWebKey } from 'node:crypto';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function part(text: string | undefined): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object') throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** Splits a compact JWS without checking anything; throws when it is not one. */
export function decodeJwt(token: string): DecodedJwt {
  const pieces = token.split('.');
  if (pieces.length !== 3) throw new Error('not a compact JWS');
  return {
    header: part(pieces[0]),
    payload: part(pieces[1]),
    signingInput: `${pieces[0]}.${pieces[1]}`,
    signature: Buffer.from(pieces[2]!, 'base64url'),
  };
}

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/** Verifies a JWS signature with a public JWK (EdDSA, RS*, PS*, ES*); false when it does not match. */
export function verifySignature(jwt: DecodedJwt, jwk: JsonWebKey): boolean {
  const alg = String(jwt.header.alg);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(jwt.signingInput);
  if (alg === 'EdDSA' || alg === 'Ed25519') return verify(null, data, key, jwt.signature);
  const hash = HASH[alg.slice(2)];
  if (!hash) throw new Error(`unsupported alg ${alg}`);
  if (alg.startsWith('RS')) return verify(hash, data, key, jwt.signature);
  if (alg.startsWith('PS'))
    return verify(
      hash,
      data,
      {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      },
      jwt.signature,
    );
  if (alg.startsWith('ES'))
    return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
  throw new Error(`unsupported alg ${alg}`);
}

/** The same claims with `alg: none` and no signature: what a forger would send. */
export function unsignedCopy(jwt: DecodedJwt): string {
  const header = Buffer.from(JSON.stringify({ ...jwt.header, alg: 'none' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(jwt.payload)).toString('base64url');
  return `${header}.${payload}.`;
}
