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
  activatesAtMs: number;
  retiresAtMs: number | null;
}

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

/**
 * Creates a new Ed25519 signing key, published at once and signing `activatesInSeconds` later
 * (0: at once, for the first key of an install).
 */
export async function createSigningKey(
  db: Kysely<Database>,
  kek: Buffer,
  activatesInSeconds = 0,
): Promise<{ kid: string; activatesAt: Date }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
  const row = await db
    .insertInto('signing_keys')
    .values({
      kid,
      alg: 'EdDSA',
      public_jwk: JSON.stringify(jwk),
      private_key_enc: encryptPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }), kek),
      activates_at: sql<Date>`now() + make_interval(secs => ${activatesInSeconds})`,
    })
    .returning('activates_at')
    .executeTakeFirstOrThrow();
  return { kid, activatesAt: row.activates_at };
}

/**
 * Rotation: the new key is published now and signs from KEY_ANNOUNCE_SECONDS on; until that
 * moment the current key keeps signing, and it retires exactly then (it keeps verifying after).
 * Without a current key (an empty table) the new one signs at once.
 */
export async function rotateSigningKey(
  db: Kysely<Database>,
  kek: Buffer,
): Promise<{ kid: string; activatesAt: Date }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    // With no key signing yet, no verifier can have cached a key set to wait for.
    const current = await trx
      .selectFrom('signing_keys')
      .select('kid')
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    const created = await createSigningKey(trx, kek, current ? KEY_ANNOUNCE_SECONDS : 0);
    await trx
      .updateTable('signing_keys')
      .set({ retired_at: created.activatesAt })
      .where('retired_at', 'is', null)
      .where('kid', '!=', created.kid)
      .execute();
    return created;
  });
}

/** Makes sure one unretired key exists (first start). */
export async function ensureSigningKey(db: Kysely<Database>, kek: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    const active = await trx
      .selectFrom('signing_keys')
      .select('kid')
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (!active) await createSigningKey(trx, kek, 0);
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
    for (const row of rows) {
      const jwk = row.public_jwk;
      publicKeys.set(row.kid, {
        kid: row.kid,
        key: createPublicKey({ key: jwk as never, format: 'jwk' }),
        jwk,
        retiredAt: row.retired_at,
      });
      if (row.retires_in_ms !== null && row.retires_in_ms <= 0) continue;
      const der = decryptPrivateKey(row.private_key_enc, this.kek);
      signers.push({
        kid: row.kid,
        privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
        activatesAtMs: loadedAtMs + row.activates_in_ms,
        retiresAtMs: row.retires_in_ms === null ? null : loadedAtMs + row.retires_in_ms,
      });
    }
    if (signers.length === 0) throw new Error('no active signing key');
    // Two reloads can overlap (periodic and unknown-kid): an older result never replaces a newer one.
    if (sequence < this.reloadsApplied) return;
    this.signers = signers.sort((a, b) => b.activatesAtMs - a.activatesAtMs);
    this.publicKeys = publicKeys;
    this.reloadsApplied = sequence;
  }

  /**
   * The key that signs now: the most recently activated one not yet retired. A pre-announced key
   * takes over at its activation time by itself, without waiting for a reload.
   */
  signingKey(): SigningKey {
    if (this.signers.length === 0) throw new Error('key store not loaded');
    const now = Date.now();
    const signer =
      this.signers.find(
        (s) => s.activatesAtMs <= now && (s.retiresAtMs === null || s.retiresAtMs > now),
      ) ??
      // Every key retired since the last reload (the next one brings its successor): keep
      // signing with the newest that has activated rather than fail sign-ins.
      this.signers.find((s) => s.activatesAtMs <= now) ??
      this.signers.at(-1)!;
    return { kid: signer.kid, privateKey: signer.privateKey };
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
