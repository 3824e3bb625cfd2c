import { IntlMessageFormat } from 'intl-messageformat';

/**
 * ICU MessageFormat through FormatJS (`intl-messageformat`): placeholders, `plural` (with the
 * locale's categories and `#` as a localised number), `select`, `number`, `date`, `time`.
 * Compiled messages are cached per locale and template.
 */
export type Values = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

function compile(template: string, locale: string): IntlMessageFormat {
  const id = `${locale}\u0000${template}`;
  let message = compiled.get(id);
  if (!message) {
    // Tags are plain text here: rich content goes through <T> placeholders instead.
    message = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  return message;
}

export function formatMessage(template: string, values: Values = {}, locale = 'en'): string {
  try {
    return String(compile(template, locale).format(values));
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
