import { useSyncExternalStore } from 'react';
import { en, type Catalog, type MessageKey } from './catalog';
import { formatMessage, pseudoLocalize, type Values } from './format';
import { directionOf, isLocale, matchLocale, type Locale } from './locales';

export type { MessageKey } from './catalog';
export type { Locale } from './locales';

/**
 * The chosen language: 'en' | 'de' | 'es' | 'ar', or 'pseudo' (English text pseudo-localised,
 * for layout tests). Written by the Language select, before sign-in too.
 */
const STORAGE_KEY = 'gatehouse-locale';

/** Non-English catalogs are separate chunks, loaded when chosen (English is in the main bundle). */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  de: () => import('./de/index').then((m) => m.de),
  es: () => import('./es/index').then((m) => m.es),
  ar: () => import('./ar/index').then((m) => m.ar),
};

let active: Locale = 'en';
let pseudo = false;
let messages: Catalog = en;
let intlTag = 'en';
let switching = 0;
let latest: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice holds for this page only.
  }
}

/** The language chosen on this browser with the select, else its best match, else English. */
export function initialLocale(): { locale: Locale; pseudo: boolean } {
  const stored = typeof window === 'undefined' ? null : readStored();
  if (stored === 'pseudo') return { locale: 'en', pseudo: true };
  if (isLocale(stored)) return { locale: stored, pseudo: false };
  return { locale: matchLocale(browserLanguages()) ?? 'en', pseudo: false };
}

export function t(key: MessageKey, values?: Values): string {
  const template: string = messages[key] ?? en[key];
  return formatMessage(pseudo ? pseudoLocalize(template) : template, values, intlTag);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The language the app shows now. */
export function currentLocale(): Locale {
  return active;
}

/**
 * The tag handed to Intl (plurals, numbers, dates): the browser's own variant of the chosen
 * language when it has one (`en-GB` dates for a British browser showing English), else the
 * language itself.
 */
export function intlLocale(): string {
  return intlTag;
}

function loadCatalog(locale: Locale): Promise<Catalog> {
  return locale === 'en' ? Promise.resolve(en) : loaders[locale]();
}

function applyToDocument(locale: Locale): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/**
 * Loads the language's catalog and switches to it: `lang` and `dir` on <html> follow, and every
 * component that reads `useLocale()` re-renders. `remember` stores it as this browser's choice.
 * When calls overlap the last one wins, and each settles once that one is applied (so copy
 * formatted right after `await setLocale(...)` is in the language finally shown).
 */
export function setLocale(
  locale: Locale,
  options: { remember?: boolean; pseudo?: boolean } = {},
): Promise<void> {
  const ticket = ++switching;
  const run = loadCatalog(locale).then((catalog): void | Promise<void> => {
    if (ticket !== switching) return latest;
    messages = catalog;
    active = locale;
    pseudo = options.pseudo ?? false;
    const own = browserLanguages().find((tag) => matchLocale([tag]) === locale);
    intlTag = own && isSupportedTag(own) ? own : locale;
    applyToDocument(locale);
    if (options.remember) remember(locale);
    for (const listener of listeners) listener();
  });
  latest = run;
  return run;
}

function isSupportedTag(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language; the calling component re-renders when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, currentLocale, currentLocale);
}
