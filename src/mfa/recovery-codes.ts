import { createHmac, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: codes are read off paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten new codes, `xxxxx-xxxxx` (about 49 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  const code = () => {
    let s = '';
    for (let i = 0; i < 10; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  };
  return Array.from({ length: RECOVERY_CODE_COUNT }, code);
}

/** Case, spaces and dashes do not matter when typing a code back. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * What is stored: HMAC-SHA-256 under TOKEN_SECRET of the user id and the normalised code, so a
 * database dump alone is not enough to search the ~49-bit code space offline.
 */
export function hashRecoveryCode(secret: string, userId: number, code: string): Buffer {
  return createHmac('sha256', secret)
    .update(`recovery-code\0${userId}:${normalizeRecoveryCode(code)}`, 'utf8')
    .digest();
}
