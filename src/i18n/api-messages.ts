import type { FastifyInstance } from 'fastify';
import { IntlMessageFormat } from 'intl-messageformat';
import { api } from './en/api.js';
import { formatMessage, type MessageKey, type MessageValues } from './catalog.js';
import type { Locale } from './locales.js';

/**
 * The API's sentences in the request's language. Features throw and answer the contract's English
 * sentences (src/errors/codes.ts, AppError messages, `ok(sentence)`); this module is the one place that
 * turns them into another language, by finding each sentence in the English catalog (src/i18n/en/
 * api.ts): exactly, or by a message's pattern (`{field} is required` → field "Name"). A sentence the
 * catalog does not know stays English (the catalog check lists every sentence the code uses).
 */

/** Placeholders whose value is itself a catalog sentence (a field's label, a refusal's reason). */
const TRANSLATED_VALUES = new Set(['field', 'reason']);

interface Pattern {
  key: MessageKey;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const exact = new Map<string, MessageKey>();
const patterns: Pattern[] = [];
for (const [key, text] of Object.entries(api) as [MessageKey, string][]) {
  const ast = new IntlMessageFormat(text, 'en').getAst();
  if (ast.every((element) => element.type === 0)) {
    exact.set(text, key);
    continue;
  }
  // Only literal text and simple {arguments} can be read back out of an English sentence.
  if (!ast.every((element) => element.type === 0 || element.type === 1)) continue;
  let source = '';
  let literalLength = 0;
  const names: string[] = [];
  for (const element of ast) {
    if (element.type === 0) {
      source += escapeRegex(element.value);
      literalLength += element.value.length;
    } else {
      source += '(.+?)';
      names.push(element.value);
    }
  }
  patterns.push({ key, regex: new RegExp(`^${source}$`, 's'), names, literalLength });
}
// The most specific pattern first: "{field} must be at least {limit} characters" before
// "{field} must be at least {limit}".
patterns.sort((a, b) => b.literalLength - a.literalLength);

/** The catalog message an English API sentence was made from, and its placeholders' values. */
export function matchSentence(
  sentence: string,
): { key: MessageKey; values: Record<string, string> } | undefined {
  const key = exact.get(sentence);
  if (key) return { key, values: {} };
  for (const pattern of patterns) {
    const match = pattern.regex.exec(sentence);
    if (!match) continue;
    const values = Object.fromEntries(pattern.names.map((name, i) => [name, match[i + 1]!]));
    return { key: pattern.key, values };
  }
  return undefined;
}

/** One API sentence (English, as the code wrote it) in `locale`; English when unknown. */
export function localizeSentence(sentence: string, locale: Locale): string {
  if (locale === 'en') return sentence;
  const found = matchSentence(sentence);
  if (!found) return sentence;
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(found.values)) {
    values[name] = TRANSLATED_VALUES.has(name)
      ? localizeSentence(value, locale)
      : /^\d{1,15}$/.test(value)
        ? Number(value)
        : value;
  }
  return formatMessage(locale, found.key, values);
}

/** The envelope's `errors` (field → sentence) in `locale`. */
export function localizeFieldErrors(
  errors: Record<string, string>,
  locale: Locale,
): Record<string, string> {
  if (locale === 'en') return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([field, sentence]) => [field, localizeSentence(sentence, locale)]),
  );
}

/**
 * Success envelopes (`ok('User updated', …)`) answer their `message` in the request's language.
 * (Error envelopes are translated where they are written: src/http/error-handler.ts.)
 */
export function registerLocalizedMessages(app: FastifyInstance): void {
  app.addHook('preSerialization', (request, _reply, payload, done) => {
    const body = payload as { success?: unknown; message?: unknown } | null;
    if (body?.success !== true || typeof body.message !== 'string') return done(null, payload);
    const locale = request.locale;
    if (locale === 'en') return done(null, payload);
    done(null, { ...body, message: localizeSentence(body.message, locale) });
  });
}
