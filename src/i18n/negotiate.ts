import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';

/** Longer headers are not parsed (a browser sends a few dozen characters). */
const MAX_HEADER_LENGTH = 1024;
/** At most this many ranges are considered; the rest of a long list is ignored. */
const MAX_RANGES = 32;
const RANGE = /^([a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*|\*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * The best shipped language for an Accept-Language header (RFC 9110 §12.5.4): the highest q-value
 * wins, ties go to the earlier range; a range matches by its language subtag (`de-AT` → `de`);
 * `*` stands for any language not named elsewhere (English first); `q=0` refuses a language.
 * Malformed ranges are skipped. Undefined when nothing acceptable is shipped.
 */
export function negotiateAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header || header.length > MAX_HEADER_LENGTH) return undefined;
  const ranges: { tag: string; q: number; order: number }[] = [];
  for (const [order, part] of header.split(',').slice(0, MAX_RANGES).entries()) {
    const [rawTag, ...params] = part.split(';').map((p) => p.trim());
    if (!rawTag || !RANGE.test(rawTag)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const match = QUALITY.exec(param.replace(/\s+/g, ''));
      if (match) q = Number(match[1]);
      else valid = false;
    }
    if (valid) ranges.push({ tag: rawTag.toLowerCase(), q, order });
  }
  const refused = new Set<string>();
  const named = new Set<string>();
  for (const { tag, q } of ranges) {
    const language = tag.split('-')[0]!;
    if (tag !== '*') named.add(language);
    // `de;q=0` refuses German; `de-AT;q=0` alone refuses only that region, so German stays.
    if (q === 0 && tag === language) refused.add(language);
  }
  const candidates = ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of candidates) {
    if (tag === '*') {
      const any = LOCALES.find((l) => !named.has(l) && !refused.has(l));
      if (any) return any;
      continue;
    }
    const language = tag.split('-')[0]!;
    if (isLocale(language) && !refused.has(language)) return language;
  }
  return undefined;
}

/** The order agreed for issue 18: the signed-in user's choice, then Accept-Language, then English. */
export function negotiateLocale(
  userLocale: Locale | null | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return userLocale ?? negotiateAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
