import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** A key for one purpose, derived from KEY_ENCRYPTION_KEY: no two ciphers ever share a key. */
export function deriveSealingKey(kek: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), purpose, 32));
}

/** The outbox key, derived from KEY_ENCRYPTION_KEY so the signing-key cipher and the mail cipher never share a key. */
export function deriveMailKey(kek: Buffer): Buffer {
  return deriveSealingKey(kek, 'gatehouse mail outbox v1');
}

/**
 * AES-256-GCM: a queued mail carries a live verification or reset link, so a database dump taken
 * while mail waits (an SMTP outage) must not yield usable tokens.
 */
export function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Reverses seal(); throws when the text was altered or sealed under another key. */
export function unseal(sealed: string, key: Buffer): string {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined)
    throw new Error('sealed mail body has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
