import { expect } from 'vitest';

/** What an error body must never contain (contract: no stack trace, SQL, path, hash or token). */
export const LEAK_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['stack trace', /\bat (?:async )?[\w$.<>]+ \(|\bat .+:\d+:\d+|\n\s+at /],
  ['SQL text', /\bselect\b[\s\S]{0,200}\bfrom\b|\binsert\s+into\b|\bupdate\s+"?\w+"?\s+set\b/i],
  ['SQL text', /\bdelete\s+from\b|\bwhere\s+"?\w+"?\s*=\s*\$\d/i],
  [
    'database error',
    /syntax error at or near|relation "|column "|violates .* constraint|duplicate key|SQLSTATE|\bpg_|postgres/i,
  ],
  ['bcrypt hash', /\$2[abxy]\$\d\d\$/],
  [
    'file path',
    /(?:\/[\w.@-]+){2,}\.(?:ts|js|mjs|cjs|json)\b|node_modules|\/src\/|\/work\/|[A-Z]:\\/,
  ],
  ['internal error text', /TypeError|ReferenceError|RangeError|ECONNREFUSED|Cannot read propert/],
  ['secret column', /\b(?:password_hash|token_hash|private_key(?:_enc)?)\b/],
  ['JWT', /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/],
];

/** What a success body must never contain either (it may legitimately hold tokens and echoed input). */
const SUCCESS_LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['stack trace', /\n\s+at |\bat .+\.(?:ts|js):\d+:\d+/],
  ['database error', /syntax error at or near|relation "|column "|SQLSTATE|duplicate key/i],
  ['bcrypt hash', /\$2[abxy]\$\d\d\$/],
  ['secret column', /\b(?:password_hash|token_hash|private_key(?:_enc)?)\b/],
];

/** The names of the leak patterns found in a body (empty when clean). */
export function findLeaks(text: string): string[] {
  return LEAK_PATTERNS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

interface ResponseLike {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

/**
 * Checks one response: never a 500 (unless allowed), error bodies in the envelope and clean.
 * `echo` strings (payloads the client itself sent) are removed before scanning success bodies.
 */
export function expectSafeResponse(
  res: ResponseLike,
  label: string,
  options: { allow500?: boolean; echo?: string[] } = {},
): void {
  if (!options.allow500)
    expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(String(res.headers['content-type']), label).toMatch(/^application\/json/);
    const body = JSON.parse(res.body);
    expect(body.success, label).toBe(false);
    expect(typeof body.code, label).toBe('string');
    expect(findLeaks(res.body), `${label}: ${res.body}`).toEqual([]);
  } else {
    let text = res.body;
    for (const echoed of options.echo ?? []) {
      text = text.split(JSON.stringify(echoed).slice(1, -1)).join('');
    }
    const leaks = SUCCESS_LEAKS.filter(([, re]) => re.test(text)).map(([name]) => name);
    expect(leaks, `${label}: ${text.slice(0, 300)}`).toEqual([]);
  }
}
