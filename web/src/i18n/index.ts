import { en, type MessageKey } from './catalog';
import { formatMessage, pseudoLocalize, type Values } from './format';

export type { MessageKey } from './catalog';

const LOCALE_KEY = 'gatehouse-locale';

function readPseudo(): boolean {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'pseudo';
  } catch {
    return false;
  }
}

/** `localStorage['gatehouse-locale'] = 'pseudo'` switches to the pseudo-locale (layout testing). */
const pseudo = typeof window !== 'undefined' && readPseudo();

/** Dates and times follow the browser's locale; message text (and its plural rules) is English. */
export const locale = typeof navigator !== 'undefined' ? navigator.language || 'en' : 'en';
const messageLocale = 'en';

export function t(key: MessageKey, values?: Values): string {
  const template: string = en[key];
  return formatMessage(pseudo ? pseudoLocalize(template) : template, values, messageLocale);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
