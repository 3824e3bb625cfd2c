/**
 * The languages Gatehouse ships, English first (the source language and the fallback). A user's
 * `locale` is one of these or null (follow the browser). Adding a language: docs/i18n.md.
 */
export const LOCALES = ['en', 'de', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Languages written right to left: their mails carry `dir="rtl"`. */
const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** A mail's language: the recipient's own choice, else the language of the request that caused it. */
export function mailLocale(
  accountLocale: Locale | null | undefined,
  requestLocale: Locale | undefined,
): Locale {
  return accountLocale ?? requestLocale ?? DEFAULT_LOCALE;
}
