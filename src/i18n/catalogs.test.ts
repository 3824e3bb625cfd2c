import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/codes.js';
import { matchSentence } from './api-messages.js';
import { CATALOGS, type MessageKey } from './catalog.js';
import { api } from './en/api.js';
import { LOCALES, type Locale } from './locales.js';

// The server catalog check (runs in CI with the unit tests): every locale has exactly the English
// keys, no key is unused, placeholders and tags match across languages, every message parses, and
// every sentence the API code writes is in the English catalog.

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const english = CATALOGS.en;
const keys = Object.keys(english) as MessageKey[];

/** Every .ts file of src but the catalogs themselves and tests. */
function sources(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const catalogDir = path.relative(SRC, full).match(/^i18n\/(en|de|es|ar)$/);
      return catalogDir ? [] : sources(full);
    }
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [{ file: path.relative(SRC, full), text: readFileSync(full, 'utf8') }];
  });
}
const code = sources();
const allCode = code.map((f) => f.text).join('\n');
const quoted = (text: string) =>
  [`'${text.replace(/'/g, "\\'")}'`, `"${text}"`, `\`${text}\``].some((q) => allCode.includes(q));

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
interface Shape {
  names: Set<string>;
  choices: Set<string>;
  tags: Set<string>;
  literals: string[];
  plurals: Array<{ name: string; options: string[] }>;
}

function shapeOf(elements: Element[], shape: Shape = emptyShape()): Shape {
  for (const element of elements) {
    if (element.type === 0) shape.literals.push(element.value);
    if (
      element.type === 1 ||
      element.type === 2 ||
      element.type === 3 ||
      element.type === 4 ||
      element.type === 5 ||
      element.type === 6
    )
      shape.names.add(element.value);
    if (element.type === 8) {
      shape.tags.add(element.value);
      shapeOf(element.children, shape);
    }
    if (element.type === 5 || element.type === 6) {
      shape.choices.add(element.value);
      if (element.type === 6)
        shape.plurals.push({ name: element.value, options: Object.keys(element.options) });
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}
function emptyShape(): Shape {
  return { names: new Set(), choices: new Set(), tags: new Set(), literals: [], plurals: [] };
}
const parse = (locale: Locale, key: MessageKey) =>
  shapeOf(new IntlMessageFormat(CATALOGS[locale][key], locale).getAst());

describe('server catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(CATALOGS[locale][key].trim(), key).not.toBe('');
  });

  it.each(LOCALES)('every %s message parses; placeholders and tags match English', (locale) => {
    const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    for (const key of keys) {
      const source = parse('en', key);
      const translated = parse(locale, key);
      expect([...translated.names].sort(), `${locale} ${key}: placeholders`).toEqual(
        [...source.names].sort(),
      );
      // A plural or select of English stays one in the translation (a translation may add plurals).
      for (const name of source.choices)
        expect(translated.choices.has(name), `${locale} ${key}: {${name}} plural/select`).toBe(
          true,
        );
      expect([...translated.tags].sort(), `${locale} ${key}: tags`).toEqual(
        [...source.tags].sort(),
      );
      for (const plural of translated.plurals) {
        expect(plural.options, `${locale} ${key}: other`).toContain('other');
        for (const option of plural.options)
          expect(
            option.startsWith('=') || categories.has(option as Intl.LDMLPluralRule),
            `${locale} ${key}: plural category ${option}`,
          ).toBe(true);
      }
      // Mails are HTML: no markup but the tags English has (<b>).
      for (const literal of translated.literals)
        expect(literal, `${locale} ${key}: markup`).not.toMatch(/[<>&]/);
    }
  });

  it('no key is unused: each is named in src, or (API sentences) its English text is', () => {
    const unused = keys.filter((key) => {
      if (quoted(key)) return false;
      if (key.startsWith('field.')) return !new RegExp(`\\b${key.slice(6)}\\b`).test(allCode);
      return !(key in api && quoted(english[key]));
    });
    expect(unused).toEqual([]);
  });

  it('English API sentences are unique, so each finds its one key', () => {
    const texts = Object.values(api);
    expect(texts.length).toBe(new Set(texts).size);
    for (const [key, text] of Object.entries(api)) {
      if (!text.includes('{')) expect(matchSentence(text)?.key, text).toBe(key);
    }
  });

  it('every sentence the API code writes is in the English catalog', () => {
    const written = new Set<string>(Object.values(ERROR_CODES).map((c) => c.message));
    const patterns = [
      /\bok\(\s*'([^']+)'/g,
      /\bmessage:\s*'([^']+)'/g,
      /\berrors:\s*\{\s*(?:\[\w+\]|\w+):\s*'([^']+)'/g,
      /(?:new ForbiddenTargetError|_MESSAGE =)\(?\s*'([^']+)'/g,
    ];
    for (const { file, text } of code) {
      if (file.startsWith('oidc/provider') || file.startsWith('cli/')) continue;
      for (const pattern of patterns)
        for (const match of text.matchAll(pattern)) written.add(match[1]!);
    }
    const missing = [...written].filter((sentence) => !matchSentence(sentence));
    expect(missing).toEqual([]);
    expect(written.size).toBeGreaterThan(100);
  });
});
