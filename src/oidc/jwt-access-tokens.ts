import { Readable } from 'node:stream';
import { compactVerify } from 'jose';
import Provider, {
  type AccessToken,
  type ClientCredentials,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { KeyStore } from '../auth/key-store.js';

// JWT access tokens (RFC 9068) that stay introspectable and revocable.
//
// oidc-provider keeps no row for a JWT access token and refuses JWTs at its introspection and
// revocation endpoints. Gatehouse stores each one as oidc-provider stores an opaque token (keyed
// by its `jti`, with its grant, account and session), so the same deletions that end opaque
// tokens (grant revoked, session revoked, password changed, account deleted) end JWTs too. At
// those two endpoints a JWT whose signature verifies is swapped for its `jti` before
// oidc-provider reads the request; only then may the adapter return that row.

/** The models whose tokens are JWTs when issued for a resource. */
export const STRUCTURED_MODELS = new Set(['AccessToken', 'ClientCredentials']);

type StoredPayload = Record<string, unknown>;

/** The ctx.state key naming the `jti` of the verified JWT this request carries. */
const VERIFIED_JTI = Symbol('verified JWT access token id');

/** oidc-provider's own limit on a form body. */
const MAX_BODY_BYTES = 56 * 1024;

/**
 * The row stored for a JWT access token: oidc-provider's opaque-token fields plus a `format`
 * marker. oidc-provider refuses a row with that marker, so the bare `jti` presented as an
 * opaque token (it is readable in the JWT) is no token.
 */
export function storedPayloadOf(
  token: AccessToken | ClientCredentials,
  jwt: StoredPayload,
): StoredPayload {
  const model = token.constructor as unknown as { IN_PAYLOAD: string[] };
  const fields = token as unknown as Record<string, unknown>;
  const payload: StoredPayload = {};
  for (const key of model.IN_PAYLOAD) if (fields[key] !== undefined) payload[key] = fields[key];
  return { ...payload, jti: jwt.jti, iat: jwt.iat, exp: jwt.exp, format: 'jwt' };
}

/**
 * The adapter's lookup of a token of a structured model: a JWT's row only for the request that
 * carried that JWT verified (the marker removed, so oidc-provider reads it as its own row).
 */
export async function findStructured(
  id: string,
  find: (id: string) => Promise<StoredPayload | undefined>,
): Promise<StoredPayload | undefined> {
  const state = Provider.ctx?.state as Record<symbol, unknown> | undefined;
  const stored = await find(id);
  if (state?.[VERIFIED_JTI] !== id) return stored;
  if (stored?.format !== 'jwt') return undefined;
  const { format: _format, ...payload } = stored;
  return payload;
}

/** The `jti` of a JWT signed by a key of the key store (current or retired), else null. */
async function verifiedJti(value: string, keys: KeyStore): Promise<string | null> {
  if (value.split('.').length !== 3) return null;
  try {
    const { payload } = await compactVerify(
      value,
      async ({ kid }) => {
        const key = kid ? await keys.publicKey(kid) : null;
        if (!key) throw new Error('unknown kid');
        return key;
      },
      { algorithms: ['EdDSA', 'RS256'] },
    );
    const { jti } = JSON.parse(Buffer.from(payload).toString('utf8')) as { jti?: unknown };
    return typeof jti === 'string' && jti.length > 0 ? jti : null;
  } catch {
    return null;
  }
}

async function readBody(req: Readable, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    received += chunk.length;
    if (received > length) break; // oidc-provider then refuses the size mismatch
  }
  return Buffer.concat(chunks);
}

/** Lets oidc-provider read `body` as if the client had sent it. */
function replayBody(ctx: KoaContextWithOIDC, body: Buffer): void {
  const original = ctx.req;
  original.headers['content-length'] = String(body.length);
  ctx.req = Object.assign(Readable.from([body]), {
    headers: original.headers,
    method: original.method,
    url: original.url,
    socket: original.socket,
  }) as unknown as typeof ctx.req;
}

/**
 * Koa middleware for the introspection and revocation endpoints: a form whose one `token` is a
 * JWT this provider signed is handed on with the token's `jti` in its place.
 */
export function jwtTokenLookup(keys: KeyStore, paths: string[]) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    const length = Number(ctx.get('content-length'));
    if (
      ctx.method !== 'POST' ||
      !paths.includes(ctx.path) ||
      !ctx.is('application/x-www-form-urlencoded') ||
      !(length > 0 && length <= MAX_BODY_BYTES)
    )
      return next();
    const raw = await readBody(ctx.req, length);
    const form = new URLSearchParams(raw.toString('utf8'));
    const tokens = form.getAll('token');
    const jti = tokens.length === 1 ? await verifiedJti(tokens[0]!, keys) : null;
    if (jti) {
      form.set('token', jti);
      (ctx.state as Record<symbol, unknown>)[VERIFIED_JTI] = jti;
    }
    replayBody(ctx, jti ? Buffer.from(form.toString()) : raw);
    return next();
  };
}
