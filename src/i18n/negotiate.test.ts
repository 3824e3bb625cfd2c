import { describe, expect, it } from 'vitest';
import { negotiateAcceptLanguage, negotiateLocale } from './negotiate.js';

describe('negotiateAcceptLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE-at', 'de'],
    ['es-419,es;q=0.9,en;q=0.8', 'es'],
    ['ar-EG', 'ar'],
    ['fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4', 'de'],
    ['en;q=0.5,de;q=0.8', 'de'],
    ['en;q=0.8,de;q=0.8', 'en'],
    ['fr, *;q=0.1', 'en'],
    ['en;q=0, *', 'de'],
    ['de-AT;q=0, de;q=0.5', 'de'],
    ['de;q=0, es', 'es'],
    ['zh-Hant-TW, ar;q=0.2', 'ar'],
    ['  es ;  q=0.7 , fr ', 'es'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateAcceptLanguage(header)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['fr, it, ja'],
    ['de;q=0'],
    ['de;q=2'],
    ['de;q=abc'],
    ['de;level=1'],
    ['de;q=0.5;q'],
    ['d€'],
    ['de_DE'],
    [';;;,,,'],
    ['*;q=0'],
    ['x'.repeat(2000)],
    [`${'fr,'.repeat(40)}de`],
  ])('nothing for %j', (header) => {
    expect(negotiateAcceptLanguage(header)).toBeUndefined();
  });

  it('skips a malformed range and keeps the valid ones', () => {
    expect(negotiateAcceptLanguage('d€, es;q=abc, ar;q=0.3')).toBe('ar');
  });
});

describe('negotiateLocale', () => {
  it("the user's locale wins, then Accept-Language, then English", () => {
    expect(negotiateLocale('es', 'de')).toBe('es');
    expect(negotiateLocale(null, 'de-CH')).toBe('de');
    expect(negotiateLocale(undefined, 'fr')).toBe('en');
    expect(negotiateLocale(null, undefined)).toBe('en');
  });
});
