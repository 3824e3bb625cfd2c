import { domainToASCII } from 'node:url';
import { AppError } from '../errors/app-error.js';

const MAX_EMAIL_LENGTH = 254;
// Letters, digits and the RFC 5322 atext symbols, plus any non-ASCII letter (RFC 6531), dot-separated.
const LOCAL_PART =
  /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const ASCII_DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * Canonical form of an email address: trimmed, NFC-normalised, domain case-folded and IDNA-encoded.
 * Two spellings of one address (decomposed accents, upper-case or Unicode domain) become one string,
 * so look-alike duplicates hit the unique index. Returns null when it is not an address.
 */
export function normalizeEmail(input: string): string | null {
  const trimmed = input.trim().normalize('NFC');
  if (trimmed.length > MAX_EMAIL_LENGTH) return null;
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const domain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (!domain || !ASCII_DOMAIN.test(domain)) return null;
  return `${local}@${domain}`;
}

/** normalizeEmail for a request field: the canonical address, or a field error. */
export function validateEmail(raw: string, field = 'email'): string {
  const email = normalizeEmail(raw);
  if (!email)
    throw new AppError('VALIDATION_FAILED', { errors: { [field]: 'Enter a valid email address' } });
  return email;
}

/**
 * The identity of an address from normalizeEmail, stored in users.email_normalized and compared
 * byte for byte, so that no database locale takes part (PostgreSQL's lower() follows the
 * database's ctype: under C it folds ASCII only, under ICU it may apply final sigma or Turkish I).
 * NFKC first (full-width and compatibility forms), then toLowerCase (Unicode's default mapping,
 * the same in every JavaScript locale), then NFKC again, since lowering can leave a sequence that
 * is not normalised. toLowerCase picks ς or σ by position, so ς becomes σ: ΟΔΟΣ, οδος and οδοσ
 * are one address. The default mapping keeps ß apart from ss, and turns İ (U+0130) into i + U+0307,
 * apart from i and ı. Unicode's stability policies (normalisation, case pairs) keep stored keys
 * valid when a newer runtime brings a newer Unicode version.
 */
export function emailKey(address: string): string {
  return address.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC');
}
