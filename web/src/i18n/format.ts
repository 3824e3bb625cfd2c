import { IntlMessageFormat } from 'intl-messageformat';

/**
 * ICU MessageFormat through FormatJS (`intl-messageformat`): placeholders, `plural` (with the
 * locale's categories and `#` as a localised number), `select`, `number`, `date`, `time`.
 * Compiled messages are cached per locale and template.
 */
export type Values = Record<string, string | number>;

interface Compiled {
  message: IntlMessageFormat;
  /** Names used only as plain `{name}`: a number given for one is formatted in the locale. */
  plain: ReadonlySet<string>;
  numbers: Intl.NumberFormat;
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** Names of `{name}` arguments, and of the others (plural, select, number, date…). */
function collectNames(elements: Element[], plain: Set<string>, other: Set<string>): void {
  for (const element of elements) {
    if ('options' in element && element.options) {
      other.add(element.value);
      for (const option of Object.values(element.options)) collectNames(option.value, plain, other);
    } else if ('children' in element) collectNames(element.children, plain, other);
    else if (element.type === 1) plain.add(element.value);
    else if (element.type === 2 || element.type === 3 || element.type === 4)
      other.add(element.value);
  }
}

const compiled = new Map<string, Compiled>();

function compile(template: string, locale: string): Compiled {
  const id = `${locale}\u0000${template}`;
  let found = compiled.get(id);
  if (!found) {
    // Tags are plain text here: rich content goes through <T> placeholders instead.
    const message = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    const plain = new Set<string>();
    const other = new Set<string>();
    collectNames(message.getAst(), plain, other);
    for (const name of other) plain.delete(name);
    found = { message, plain, numbers: new Intl.NumberFormat(locale) };
    compiled.set(id, found);
  }
  return found;
}

export function formatMessage(template: string, values: Values = {}, locale = 'en'): string {
  try {
    const { message, plain, numbers } = compile(template, locale);
    const localised: Values = {};
    for (const [name, value] of Object.entries(values))
      localised[name] =
        typeof value === 'number' && plain.has(name) ? numbers.format(value) : value;
    return String(message.format(localised));
  } catch {
    // A missing value or a broken translation: show the template rather than nothing
    // (web/scripts/check-catalogs.ts keeps broken messages out of the catalogs).
    return template;
  }
}

/** Pseudo-localisation: accents and ~40% extra length, to find clipped or hard-coded text. */
export function pseudoLocalize(text: string): string {
  const map: Record<string, string> = {
    a: 'á',
    e: 'é',
    i: 'í',
    o: 'ó',
    u: 'ú',
    A: 'Å',
    E: 'É',
    O: 'Ö',
    c: 'ç',
    n: 'ñ',
  };
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    out += depth > 0 ? ch : (map[ch] ?? ch);
  }
  const pad = '·'.repeat(Math.ceil(text.length * 0.4));
  return `[${out} ${pad}]`;
}
