/**
 * A tiny ICU-style formatter: `{name}` placeholders and
 * `{count, plural, one {# item} other {# items}}`. Enough for this catalog, no dependency.
 */
export type Values = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Finds the index of the brace closing the one opened at `start`. */
function matchBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function formatPlural(body: string, n: number, locale: string, values: Values): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open === -1) break;
    const key = body.slice(i, open).trim();
    const close = matchBrace(body, open);
    if (close === -1) break;
    options.set(key, body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen =
    options.get(`=${n}`) ?? options.get(plural(locale, n)) ?? options.get('other') ?? '';
  return formatMessage(chosen, values, locale).replace(
    /#/g,
    new Intl.NumberFormat(locale).format(n),
  );
}

export function formatMessage(template: string, values: Values = {}, locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matchBrace(template, open);
    if (close === -1) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, close);
    const [name = '', kind, ...rest] = inner.split(',');
    const key = name.trim();
    if (kind?.trim() === 'plural') {
      out += formatPlural(rest.join(','), Number(values[key] ?? 0), locale, values);
    } else {
      out += key in values ? String(values[key]) : `{${inner}}`;
    }
    i = close + 1;
  }
  return out;
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
