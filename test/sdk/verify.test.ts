import { createVerifier, hasRole, userIdOf, VerifyError, type Verifier } from '@gatehouse/verify';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { rotateSigningKey } from '../../src/auth/key-store.js';
import {
  expiredAccessToken,
  signInOverHttp,
  signToken,
  signUpOverHttp,
  startGatehouse,
  type RunningGatehouse,
} from './helpers.js';

let gatehouse: RunningGatehouse;
let jwksDownloads = 0;
const countingFetch: typeof fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).endsWith('/jwks.json')) jwksDownloads++;
  return fetch(input, init);
};
let verifier: Verifier;

beforeAll(async () => {
  gatehouse = await startGatehouse();
  verifier = createVerifier({
    issuer: gatehouse.issuer,
    audience: gatehouse.audience,
    jwksUri: gatehouse.jwksUri,
    jwksCooldownMs: 500,
    fetch: countingFetch,
  });
});
afterAll(() => gatehouse.close());

async function refusal(promise: Promise<unknown>): Promise<VerifyError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VerifyError);
  return err as VerifyError;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('@gatehouse/verify against a running Gatehouse', () => {
  it('accepts a token Gatehouse issued and returns its typed claims', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const claims = await verifier.verify(user.accessToken);
    expect(claims).toMatchObject({
      iss: gatehouse.issuer,
      aud: gatehouse.audience,
      sub: String(user.userId),
      role: 'user',
    });
    expect(userIdOf(claims)).toBe(user.userId);
    expect(claims.sid).toBeGreaterThan(0);
    expect(claims.exp - claims.iat).toBe(gatehouse.app.ctx.config.ACCESS_TOKEN_TTL_SECONDS);
    expect(hasRole(claims, 'admin')).toBe(false);
  });

  it('refuses an expired token signed by Gatehouse', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const expired = await expiredAccessToken(gatehouse, user.accessToken);
    const err = await refusal(verifier.verify(expired));
    expect([err.reason, err.status]).toEqual(['expired_token', 401]);
  });

  it('refuses a forged signature, a foreign key under the real kid, alg none and altered bytes', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const [header, payload, signature] = user.accessToken.split('.') as [string, string, string];
    const kid = decodeProtectedHeader(user.accessToken).kid as string;
    const claims = decodeJwt(user.accessToken);
    const flipped =
      signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    const foreign = await signToken(generateKeyPairSync('ed25519').privateKey, { kid }, claims);
    const none = `${base64url({ alg: 'none', typ: 'at+jwt', kid })}.${payload}.`;
    const promoted = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
    for (const token of [`${header}.${payload}.${flipped}`, foreign, none, promoted, 'x.y.z', '']) {
      const err = await refusal(verifier.verify(token));
      expect(err.status, token).toBe(401);
    }
  });

  it('refuses the wrong audience, the wrong issuer, another token type and an algorithm not pinned', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const options = { jwksUri: gatehouse.jwksUri, issuer: gatehouse.issuer };
    const otherAudience = createVerifier({ ...options, audience: 'billing' });
    expect((await refusal(otherAudience.verify(user.accessToken))).reason).toBe('invalid_token');
    const otherIssuer = createVerifier({
      ...options,
      issuer: 'https://evil.example',
      audience: 'gatehouse',
    });
    expect((await refusal(otherIssuer.verify(user.accessToken))).reason).toBe('invalid_token');

    // Signed with Gatehouse's real key, so only the header makes them wrong.
    const { kid, privateKey } = gatehouse.app.ctx.keys.signingKey();
    const claims = decodeJwt(user.accessToken);
    const idToken = await signToken(privateKey, { kid, typ: 'JWT' }, claims);
    expect((await refusal(verifier.verify(idToken))).reason).toBe('invalid_token');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const rs256 = await signToken(rsa, { kid, alg: 'RS256' }, claims);
    expect((await refusal(verifier.verify(rs256))).reason).toBe('invalid_token');
    expect(() =>
      createVerifier({ ...options, audience: 'gatehouse', algorithms: ['HS256' as never] }),
    ).toThrow(/algorithms/);
  });

  it('re-downloads the JWKS for the unknown kid of a rotated key, and at most once per cooldown', async () => {
    const before = await signUpOverHttp(gatehouse.url);
    await verifier.verify(before.accessToken);
    const kek = Buffer.from(gatehouse.app.ctx.config.KEY_ENCRYPTION_KEY, 'base64');
    const db = gatehouse.app.ctx.database.db;
    const { kid: newKid } = await rotateSigningKey(db, kek);
    // Fast-forward the pre-announcement: the new key signs now, the old one retires now.
    await db
      .updateTable('signing_keys')
      .set({ activates_at: sql`now()` })
      .where('kid', '=', newKid)
      .execute();
    await db
      .updateTable('signing_keys')
      .set({ retired_at: sql`now()` })
      .where('alg', '=', 'EdDSA')
      .where('kid', '!=', newKid)
      .where('retired_at', '>', sql<Date>`now()`)
      .execute();
    await gatehouse.app.ctx.keys.reload();
    const after = await signInOverHttp(gatehouse.url, before.email, before.password);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);

    await new Promise((resolve) => setTimeout(resolve, 600)); // the cooldown since the last download
    const downloads = jwksDownloads;
    expect((await verifier.verify(after.accessToken)).sub).toBe(String(before.userId));
    expect(jwksDownloads).toBe(downloads + 1);
    expect((await verifier.verify(before.accessToken)).sub).toBe(String(before.userId));

    // Made-up kids inside the cooldown cost no download at all.
    const forger = generateKeyPairSync('ed25519').privateKey;
    const claims = decodeJwt(after.accessToken);
    for (let i = 0; i < 5; i++) {
      const token = await signToken(forger, { kid: `forged-${i}` }, claims);
      expect((await refusal(verifier.verify(token))).reason).toBe('invalid_token');
    }
    expect(jwksDownloads).toBe(downloads + 1);
  });

  it('answers 503 (unavailable), not 401, when the keys cannot be fetched', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const unreachable = createVerifier({
      issuer: gatehouse.issuer,
      audience: gatehouse.audience,
      jwksUri: 'http://127.0.0.1:9/.well-known/jwks.json',
    });
    const err = await refusal(unreachable.verify(user.accessToken));
    expect([err.reason, err.status]).toEqual(['unavailable', 503]);
  });
});

describe('@gatehouse/verify with introspect: true', () => {
  it('needs client credentials', () => {
    expect(() =>
      createVerifier({ issuer: gatehouse.issuer, audience: gatehouse.audience, introspect: true }),
    ).toThrow(/clientId and clientSecret/);
  });

  it('refuses a validly signed token once introspection answers active: false', async () => {
    // A stand-in RFC 7662 endpoint: the signature check above it is Gatehouse's real one.
    const inactive = new Set<string>();
    const endpoint = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const token = new URLSearchParams(body).get('token')!;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ active: !inactive.has(token) }));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endpoint.address() as AddressInfo;
      const introspecting = createVerifier({
        issuer: gatehouse.issuer,
        audience: gatehouse.audience,
        jwksUri: gatehouse.jwksUri,
        introspect: true,
        introspectionEndpoint: `http://127.0.0.1:${port}/oidc/token/introspection`,
        clientId: 'api',
        clientSecret: 'secret',
        introspectionCacheSeconds: 0,
      });
      const user = await signUpOverHttp(gatehouse.url);
      expect((await introspecting.verify(user.accessToken)).sub).toBe(String(user.userId));
      inactive.add(user.accessToken);
      const err = await refusal(introspecting.verify(user.accessToken));
      expect([err.reason, err.status]).toEqual(['revoked_token', 401]);
    } finally {
      await new Promise((resolve) => endpoint.close(resolve));
    }
  });
});
