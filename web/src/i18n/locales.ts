/** The languages the web app ships, English first (the source and the fallback). */
export const LOCALES = ['en', 'de', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself: the options of the "Language" select (ux.md §7). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  ar: 'العربية',
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** The first shipped language among the browser's (`de-AT` → `de`), or null. */
export function matchLocale(tags: readonly string[]): Locale | null {
  for (const tag of tags) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return null;
}
