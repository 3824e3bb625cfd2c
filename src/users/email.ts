import { domainToASCII } from 'node:url';

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
