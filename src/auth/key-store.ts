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
import type { Database, SigningKeyRow } from '../db/types.js';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** A private key of any algorithm, for the OpenID provider's key set (ID tokens). */
export interface PrivateKeyEntry {
  kid: string;
  alg: string;
  privateKey: KeyObject;
  retiredAt: Date | null;
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

/** Algorithms with a key each: EdDSA signs access tokens (and ID tokens on request), RS256 ID tokens. */
export const SIGNING_ALGS = ['EdDSA', 'RS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

function generateKeyPair(alg: SigningAlg) {
  // OpenID Connect requires RS256 of every provider; 2048-bit RSA is its usual size.
  return alg === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ed25519');
}

/** Creates a new signing key for alg (Ed25519 by default); it becomes the one new tokens are signed with. */
export async function createSigningKey(
  db: Kysely<Database>,
  kek: Buffer,
  alg: SigningAlg = 'EdDSA',
): Promise<string> {
  const { publicKey, privateKey } = generateKeyPair(alg);
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  await db
    .insertInto('signing_keys')
    .values({
      kid,
      alg,
      public_jwk: JSON.stringify(jwk),
      private_key_enc: encryptPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }), kek),
    })
    .execute();
  return kid;
}

/** Rotation: new keys (one per algorithm) sign from now on; older keys stop signing but keep verifying until retired out. */
export async function rotateSigningKey(db: Kysely<Database>, kek: Buffer): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    // Every algorithm rotates: EdDSA (access tokens) and RS256 (OpenID ID tokens).
    const kids: string[] = [];
    for (const alg of SIGNING_ALGS) {
      const kid = await createSigningKey(trx, kek, alg);
      await trx
        .updateTable('signing_keys')
        .set({ retired_at: sql`now()` })
        .where('retired_at', 'is', null)
        .where('alg', '=', alg)
        .where('kid', '!=', kid)
        .execute();
      kids.push(kid);
    }
    return kids[0]!; // the access-token (EdDSA) key
  });
}

/** Makes sure one unretired key exists (first start). */
export async function ensureSigningKey(db: Kysely<Database>, kek: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK_ID})`.execute(trx);
    const active = await trx
      .selectFrom('signing_keys')
      .select('alg')
      .where('retired_at', 'is', null)
      .execute();
    for (const alg of SIGNING_ALGS)
      if (!active.some((row) => row.alg === alg)) await createSigningKey(trx, kek, alg);
  });
}

/** Keys that still verify: the active one and those retired less than `verifyWindowSeconds` ago. */
export async function loadKeys(
  db: Kysely<Database>,
  verifyWindowSeconds: number,
): Promise<SigningKeyRow[]> {
  return db
    .selectFrom('signing_keys')
    .selectAll()
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
  private signing: SigningKey | null = null;
  private publicKeys = new Map<string, PublicKeyEntry>();
  private privateKeys: PrivateKeyEntry[] = [];
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
    const publicKeys = new Map<string, PublicKeyEntry>();
    const privateKeys: PrivateKeyEntry[] = [];
    let signing: SigningKey | null = null;
    for (const row of rows) {
      privateKeys.push({
        kid: row.kid,
        alg: row.alg,
        privateKey: createPrivateKey({
          key: decryptPrivateKey(row.private_key_enc, this.kek),
          format: 'der',
          type: 'pkcs8',
        }),
        retiredAt: row.retired_at,
      });
      const jwk = row.public_jwk;
      publicKeys.set(row.kid, {
        kid: row.kid,
        key: createPublicKey({ key: jwk as never, format: 'jwk' }),
        jwk,
        retiredAt: row.retired_at,
      });
      if (!signing && row.retired_at === null && row.alg === 'EdDSA') {
        const der = decryptPrivateKey(row.private_key_enc, this.kek);
        signing = {
          kid: row.kid,
          privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
        };
      }
    }
    if (!signing) throw new Error('no active signing key');
    // Two reloads can overlap (periodic and unknown-kid): an older result never replaces a newer one.
    if (sequence < this.reloadsApplied) return;
    this.signing = signing;
    this.publicKeys = publicKeys;
    this.privateKeys = privateKeys;
    this.reloadsApplied = sequence;
  }

  /** Changes whenever a reload is applied (the OpenID provider rebuilds its key set then). */
  get version(): number {
    return this.reloadsApplied;
  }

  /** Every loaded private key, the ones that sign (not retired) first, newest first within each group. */
  signingKeys(): PrivateKeyEntry[] {
    return [...this.privateKeys].sort(
      (a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null),
    );
  }

  signingKey(): SigningKey {
    if (!this.signing) throw new Error('key store not loaded');
    return this.signing;
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
