import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './ar/index.js';
import { de } from './de/index.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import type { Locale } from './locales.js';

/** A server message's key: English defines them (src/i18n/en), every locale has exactly these. */
export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;

/** The server catalogs (API sentences and mails), by locale; checked by src/i18n/catalogs.test.ts. */
export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en,
  de,
  es,
  ar,
};

const compiled = new Map<string, IntlMessageFormat>();

/** The message in this language, ICU MessageFormat (plurals by the locale's rules); compiled once. */
export function formatMessage(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(CATALOGS[locale][key], locale);
    compiled.set(id, message);
  }
  return String(message.format(values));
}
