import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.js';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** A key that signs, or will: from `activatesAtMs` until `retiresAtMs` (local clock). */
interface Signer extends SigningKey {
  alg: SigningAlg;
  activatesAtMs: number;
  retiresAtMs: number | null;
}

/** A private key of any algorithm, for the OpenID provider's key set (ID tokens). */
export interface PrivateKeyEntry {
  kid: string;
  alg: string;
  privateKey: KeyObject;
  retiredAt: Date | null;
}

/** Algorithms with a key each: EdDSA signs access tokens (and ID tokens on request), RS256 ID tokens. */
export const SIGNING_ALGS = ['EdDSA', 'RS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

export interface PublicKeyEntry {
  kid: string;
  key: KeyObject;
  jwk: Record<string, unknown>;
  retiredAt: Date | null;
}

// Any two instances creating the first key at once would both succeed: serialise them.
const KEY_LOCK_ID = 0x6761_7465; // "gate"
/** Unknown-kid reloads are spaced at least this far apart (forged kids cost one query per second at most). */
const MIN_RELOAD_GAP_MS = 1000;
/** How long verifiers may cache /.well-known/jwks.json (its Cache-Control max-age). */
export const JWKS_MAX_AGE_SECONDS = 300;
/** Every instance reloads its keys this often, so it publishes a new key within this time. */
export const KEY_RELOAD_INTERVAL_SECONDS = 60;
/**
 * A rotated key is in every instance's JWKS this long before anything is signed with it: one
 * reload for every instance to publish it, then one cache lifetime for every verifier's cached
 * key set to expire. A verifier never meets a token whose kid its cached JWKS lacks.
 */
export const KEY_ANNOUNCE_SECONDS = KEY_RELOAD_INTERVAL_SECONDS + JWKS_MAX_AGE_SECONDS;

/** How long a retired key keeps verifying: one access-token lifetime plus a minute of clock skew. */
export function keyVerifyWindowSeconds(accessTokenTtlSeconds: number): number {
  return accessTokenTtlSeconds + 60;
}

/** AES-256-GCM so a stolen database dump does not yield usable signing keys. */
export function encryptPrivateKey(pkcs8: Buffer, kek: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

export function decryptPrivateKey(encoded: string, kek: Buffer): Buffer {
  const [iv, ciphertext, tag] = encoded.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !ciphertext || !tag) throw new Error('malformed encrypted signing key');
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function generateKeyPair(alg: SigningAlg) {
  // OpenID Connect requires RS256 of every provider; 2048-bit RSA is its usual size.
  return alg === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ed25519');
}

/**
 * Creates a new signing key for alg, published at once and signing `activatesInSeconds` later
 * (0: at once, for the first key of an install).
 */
export async function createSigningKey(
  db: Kysely<Database>,
  kek: Buffer,
  alg: SigningAlg,
  activatesInSeconds = 0,
): Promise<{ kid: string; activatesAt: Date }> {
  const { publicKey, privateKey } = generateKeyPair(alg);
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  const row = await db
    .insertInto('signing_keys')
    .values({
      kid,
      alg,
      public_jwk: JSON.stringify(jwk),
      private_key_enc: encryptPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }), kek),
      activates_at: sql<Date>`now() + make_interval(secs => ${activatesInSeconds})`,
    })
    .returning('activates_at')
    .executeTakeFirstOrThrow();
  return { kid, activatesAt: row.activates_at };
}

/**
 * Rotation of every algorithm's key (EdDSA for access tokens, RS256 for OpenID ID tokens): each
 * new key is published now and signs from KEY_ANNOUNCE_SECONDS on; until that moment the current
 * key of its algorithm keeps signing, and it retires exactly then (it keeps verifying after).
 * An algorithm without a current key gets one that signs at once. Returns the EdDSA key.
 */
export async function rotateSigningKey(
  db: Kysely<Database>,
  kek: Buffer,
): Promise<{ kid: string; activatesAt: Date }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    const rotated = [];
    for (const alg of SIGNING_ALGS) {
      // With no key of this algorithm signing yet, no verifier can have cached a key to wait for.
      const current = await trx
        .selectFrom('signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .where('alg', '=', alg)
        .executeTakeFirst();
      const created = await createSigningKey(trx, kek, alg, current ? KEY_ANNOUNCE_SECONDS : 0);
      await trx
        .updateTable('signing_keys')
        .set({ retired_at: created.activatesAt })
        .where('retired_at', 'is', null)
        .where('alg', '=', alg)
        .where('kid', '!=', created.kid)
        .execute();
      rotated.push(created);
    }
    return rotated[0]!;
  });
}

/** Makes sure every algorithm has an unretired key (first start, or an upgrade adding RS256). */
export async function ensureSigningKey(db: Kysely<Database>, kek: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    const active = await trx
      .selectFrom('signing_keys')
      .select('alg')
      .where('retired_at', 'is', null)
      .execute();
    for (const alg of SIGNING_ALGS)
      if (!active.some((row) => row.alg === alg)) await createSigningKey(trx, kek, alg, 0);
  });
}

/**
 * Keys that still verify: those not retired (pending ones included: they are published before
 * they sign) and those retired less than `verifyWindowSeconds` ago. The database's clock says
 * when each one activates and retires, as milliseconds from now, so instance clocks do not matter.
 */
export async function loadKeys(db: Kysely<Database>, verifyWindowSeconds: number) {
  return db
    .selectFrom('signing_keys')
    .selectAll()
    .select([
      sql<number>`(extract(epoch from activates_at - now()) * 1000)::float8`.as('activates_in_ms'),
      sql<number | null>`(extract(epoch from retired_at - now()) * 1000)::float8`.as(
        'retires_in_ms',
      ),
    ])
    .where((eb) =>
      eb.or([
        eb('retired_at', 'is', null),
        eb('retired_at', '>', sql<Date>`now() - make_interval(secs => ${verifyWindowSeconds})`),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
}

/** In-memory view of the signing keys, reloaded on an unknown kid (another instance rotated). */
export class KeyStore {
  private signers: Signer[] = [];
  /** Retired keys still inside the verify window (the OpenID provider verifies id_token_hint with them). */
  private retired: PrivateKeyEntry[] = [];
  private publicKeys = new Map<string, PublicKeyEntry>();
  /** Sequence numbers: of the last reload started, and of the newest one whose keys are in use. */
  private reloadsStarted = 0;
  private reloadsApplied = 0;
  private lastReloadStartMs = 0;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly kek: Buffer,
    private readonly verifyWindowSeconds: number,
  ) {}

  async reload(): Promise<void> {
    const sequence = ++this.reloadsStarted;
    this.lastReloadStartMs = Date.now();
    const rows = await loadKeys(this.db, this.verifyWindowSeconds);
    const loadedAtMs = Date.now();
    const publicKeys = new Map<string, PublicKeyEntry>();
    const signers: Signer[] = [];
    const retired: PrivateKeyEntry[] = [];
    for (const row of rows) {
      const jwk = row.public_jwk;
      publicKeys.set(row.kid, {
        kid: row.kid,
        key: createPublicKey({ key: jwk as never, format: 'jwk' }),
        jwk,
        retiredAt: row.retired_at,
      });
      const der = decryptPrivateKey(row.private_key_enc, this.kek);
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      if (row.retires_in_ms !== null && row.retires_in_ms <= 0) {
        retired.push({ kid: row.kid, alg: row.alg, privateKey, retiredAt: row.retired_at });
        continue;
      }
      signers.push({
        kid: row.kid,
        alg: row.alg as SigningAlg,
        privateKey,
        activatesAtMs: loadedAtMs + row.activates_in_ms,
        retiresAtMs: row.retires_in_ms === null ? null : loadedAtMs + row.retires_in_ms,
      });
    }
    if (signers.length === 0) throw new Error('no active signing key');
    // Two reloads can overlap (periodic and unknown-kid): an older result never replaces a newer one.
    if (sequence < this.reloadsApplied) return;
    this.signers = signers.sort((a, b) => b.activatesAtMs - a.activatesAtMs);
    this.retired = retired;
    this.publicKeys = publicKeys;
    this.reloadsApplied = sequence;
  }

  /**
   * The key of `alg` that signs now: the most recently activated one not yet retired. A
   * pre-announced key takes over at its activation time by itself, without waiting for a reload.
   */
  signingKey(alg: SigningAlg = 'EdDSA'): SigningKey {
    const signer = this.signerOf(alg, Date.now());
    return { kid: signer.kid, privateKey: signer.privateKey };
  }

  private signerOf(alg: SigningAlg, now: number): Signer {
    const candidates = this.signers.filter((s) => s.alg === alg);
    if (candidates.length === 0) throw new Error(`key store has no ${alg} key loaded`);
    return (
      candidates.find(
        (s) => s.activatesAtMs <= now && (s.retiresAtMs === null || s.retiresAtMs > now),
      ) ??
      // Every key retired since the last reload (the next one brings its successor): keep
      // signing with the newest that has activated rather than fail sign-ins.
      candidates.find((s) => s.activatesAtMs <= now) ??
      candidates.at(-1)!
    );
  }

  /**
   * The OpenID provider's private keys: the one signing now for each algorithm first, then the
   * others that still verify. A pre-announced key is left out until it activates, so nothing is
   * signed with a key that verifiers' cached key sets may lack.
   */
  signingKeys(): PrivateKeyEntry[] {
    const now = Date.now();
    const entry = (s: Signer): PrivateKeyEntry => ({
      kid: s.kid,
      alg: s.alg,
      privateKey: s.privateKey,
      retiredAt: null,
    });
    const current = SIGNING_ALGS.filter((alg) => this.signers.some((s) => s.alg === alg)).map(
      (alg) => this.signerOf(alg, now),
    );
    const others = this.signers.filter((s) => !current.includes(s) && s.activatesAtMs <= now);
    return [...current.map(entry), ...others.map(entry), ...this.retired];
  }

  /**
   * Changes whenever the keys that sign change: a reload applied, or a pre-announced key
   * activating (the OpenID provider rebuilds its key set then).
   */
  get version(): string {
    const now = Date.now();
    const active = this.signers.filter((s) => s.activatesAtMs <= now).length;
    return `${this.reloadsApplied}:${active}`;
  }

  /**
   * The public key for kid. An unknown kid waits for a reload that started after it was asked for:
   * a key another instance just rotated in (and already signs with) is then always found, so
   * rotation never causes a 401 on an instance that has not reloaded yet.
   */
  async publicKey(kid: string): Promise<KeyObject | null> {
    const entry = this.publicKeys.get(kid);
    if (entry) return entry.key;
    await this.reloadAfter(this.reloadsStarted).catch(() => undefined);
    return this.publicKeys.get(kid)?.key ?? null;
  }

  /**
   * Resolves once a reload that started after reload number `seen` has been applied; concurrent
   * callers share one reload, and reloads start at most once per MIN_RELOAD_GAP_MS. Rejects when
   * that reload fails (the database is unreachable).
   */
  private async reloadAfter(seen: number): Promise<void> {
    while (this.reloadsApplied <= seen) {
      if (this.reloading) {
        await this.reloading;
        continue;
      }
      const waitMs = this.lastReloadStartMs + MIN_RELOAD_GAP_MS - Date.now();
      if (waitMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
      }
      this.reloading = this.reload().finally(() => (this.reloading = null));
    }
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [...this.publicKeys.values()].map((k) => k.jwk) };
  }
}
