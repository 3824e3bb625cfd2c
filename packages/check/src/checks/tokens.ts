import type { JsonWebKey } from 'node:crypto';
import type { Context } from '../context.js';
import { header } from '../http.js';
import { decodeJwt, verifySignature } from '../jwt.js';
import { fail, pass, warn, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-tokens';
/** Private members of a JWK: none of them may ever be published. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];
/** Largest accepted clock difference, seconds. */
export const CLOCK_SKEW_MAX_SECONDS = 5;

/** The JWK key type an asymmetric algorithm signs with (null: HMAC or none, never published). */
function keyTypeOf(alg: string): string | null {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'OKP';
  if (alg.startsWith('ES')) return 'EC';
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'RSA';
  return null;
}

interface Jwk extends JsonWebKey {
  kid?: string;
}

async function jwks(ctx: Context, url: string): Promise<Jwk[] | string> {
  let res;
  try {
    res = await ctx.fetchFollowing(url);
  } catch (err) {
    return `${url} is unreachable from here (${(err as Error).message}); is APP_URL the public address?`;
  }
  if (res.status !== 200) return `${url} answered ${res.status}`;
  const keys = (res.json as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) return `${url} is not a JWK set`;
  return keys as Jwk[];
}

export const tokenChecks: Check[] = [
  {
    group: 'tokens',
    id: 'tokens.jwks',
    title: 'JWKS reachable',
    advice:
      'Services verify access tokens with these keys: let /.well-known/jwks.json through the proxy (cacheable), and never publish private key members.',
    docs: DOCS,
    async run(ctx) {
      const keys = await jwks(ctx, `${ctx.base}/.well-known/jwks.json`);
      if (typeof keys === 'string') return fail(keys);
      if (keys.length === 0) return fail('the key set is empty');
      const leaking = keys.filter((k) => PRIVATE_MEMBERS.some((m) => m in k));
      if (leaking.length > 0)
        return fail(
          `${leaking.length} key(s) publish private members (${PRIVATE_MEMBERS.join(', ')})`,
        );
      const noKid = keys.filter((k) => !k.kid).length;
      if (noKid > 0) return fail(`${noKid} key(s) without kid`);
      return pass(
        `${keys.length} public key(s): ${keys.map((k) => `${k.kid} (${k.kty})`).join(', ')}`,
      );
    },
  },
  {
    group: 'tokens',
    id: 'tokens.kid',
    title: 'Every kid in discovery is consistent',
    advice:
      'A jwks_uri that serves other keys than the token issuer breaks every verifier after a rotation: serve discovery and the JWKS from the same deployment, with one KEY_ENCRYPTION_KEY and database.',
    docs: DOCS,
    async run(ctx) {
      const own = await jwks(ctx, `${ctx.base}/.well-known/jwks.json`);
      if (typeof own === 'string') return fail(own);
      const kids = own.map((k) => k.kid ?? '');
      if (new Set(kids).size !== kids.length)
        return fail(`duplicate kid in the key set: ${kids.join(', ')}`);
      const discovery = await ctx.discovery();
      if (!discovery) return pass(`no discovery document; ${kids.length} unique kid(s)`);
      const uri = (discovery.json as { jwks_uri?: unknown }).jwks_uri;
      if (typeof uri !== 'string') return fail('the discovery document has no jwks_uri');
      const listed = await jwks(ctx, uri);
      if (typeof listed === 'string') return fail(`jwks_uri: ${listed}`);
      const other = listed.map((k) => k.kid ?? '');
      const same = other.length === kids.length && other.every((k) => kids.includes(k));
      if (!same)
        return fail(
          `jwks_uri ${uri} lists ${other.join(', ') || 'nothing'}, /.well-known/jwks.json lists ${kids.join(', ')}`,
        );
      // Every signing algorithm discovery advertises needs a published key of its type.
      const algs = (discovery.json as { id_token_signing_alg_values_supported?: unknown })
        .id_token_signing_alg_values_supported;
      const keyless = (Array.isArray(algs) ? algs.map(String) : []).filter(
        (alg) => keyTypeOf(alg) !== null && !own.some((k) => k.kty === keyTypeOf(alg)),
      );
      if (keyless.length > 0)
        return fail(`discovery advertises ${keyless.join(', ')} but the JWKS has no key for it`);
      return pass(`jwks_uri and /.well-known/jwks.json list the same ${kids.length} kid(s)`);
    },
  },
  {
    group: 'tokens',
    id: 'tokens.verify',
    title: 'A token from a throwaway account verifies against the JWKS',
    advice:
      'If issued tokens do not verify with the published keys, every service rejects them (or was told to skip verification): check KEY_ENCRYPTION_KEY and that all instances share one database.',
    docs: DOCS,
    async run(ctx) {
      const account = await ctx.account();
      if (typeof account === 'string') return warn(`not checked: ${account}`);
      const jwt = decodeJwt(account.accessToken);
      const kid = jwt.header.kid;
      const keys = await jwks(ctx, `${ctx.base}/.well-known/jwks.json`);
      if (typeof keys === 'string') return fail(keys);
      const key = keys.find((k) => k.kid === kid);
      if (!key) return fail(`the token's kid ${String(kid)} is not in the JWKS`);
      if (!verifySignature(jwt, key))
        return fail(
          `the ${String(jwt.header.alg)} signature does not verify with key ${String(kid)}`,
        );
      return pass(`${String(jwt.header.alg)} signature verifies with key ${String(kid)}`);
    },
  },
  {
    group: 'tokens',
    id: 'tokens.lifetime',
    title: 'exp − iat matches the configured lifetime',
    advice:
      'Access tokens cannot be revoked by the services that verify them offline, so their lifetime is the exposure window: keep ACCESS_TOKEN_TTL_SECONDS short (default 900) and consistent with expires_in.',
    docs: DOCS,
    async run(ctx) {
      const account = await ctx.account();
      if (typeof account === 'string') return warn(`not checked: ${account}`);
      const { payload } = decodeJwt(account.accessToken);
      const lifetime = Number(payload.exp) - Number(payload.iat);
      if (!Number.isFinite(lifetime)) return fail('the token lacks exp or iat');
      if (Math.abs(lifetime - account.expiresIn) > 1)
        return fail(
          `exp − iat = ${lifetime} s but the sign-in said expires_in ${account.expiresIn} s`,
        );
      if (lifetime > 3600)
        return warn(`exp − iat = ${lifetime} s: more than an hour of unrevocable access`);
      return pass(`exp − iat = ${lifetime} s = expires_in`);
    },
  },
  {
    group: 'tokens',
    id: 'tokens.clock',
    title: `Server clock within ${CLOCK_SKEW_MAX_SECONDS} s of this machine`,
    advice:
      'A drifting clock makes fresh tokens look expired (or not yet valid) to other services: run NTP (chrony, systemd-timesyncd) on every host, and on this one.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch('/health/live');
      const date = Date.parse(header(res, 'date'));
      if (!Number.isFinite(date)) return fail('no Date header');
      // The header has whole seconds: compare with the middle of the exchange, allowing that rounding.
      const local = (res.sentAt + res.receivedAt) / 2;
      const skew = (date + 500 - local) / 1000;
      const text = `${skew >= 0 ? '+' : ''}${skew.toFixed(1)} s`;
      if (Math.abs(skew) > CLOCK_SKEW_MAX_SECONDS + 0.5)
        return fail(`the server's Date is ${text} from this machine's clock`);
      return pass(`Date differs by ${text}`);
    },
  },
];
