import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey, normalizeEmail } from './email.js';

/** The key of what a person types, through the same two steps the services take. */
function keyOf(typed: string): string {
  const address = normalizeEmail(typed);
  expect(address, typed).not.toBeNull();
  return emailKey(address!);
}

describe('emailKey', () => {
  it('makes the three spellings of a Greek final sigma one address', () => {
    const key = keyOf('ΟΔΟΣ@example.com');
    expect(key).toBe('οδοσ@example.com');
    expect(keyOf('οδος@example.com')).toBe(key); // final ς
    expect(keyOf('οδοσ@example.com')).toBe(key); // σ at the end
    expect(keyOf('ΟδΟς@Example.COM')).toBe(key);
    // A sigma inside the word was always σ.
    expect(keyOf('ΣΟΦΙΑ@example.com')).toBe(keyOf('σοφια@example.com'));
  });

  it('lowers the dotted capital I by the default rule (i + U+0307), apart from i and ı', () => {
    const key = keyOf('İlker@example.com');
    expect(key).toBe('i\u0307lker@example.com');
    expect(keyOf('i\u0307lker@example.com')).toBe(key);
    expect(keyOf('I\u0307LKER@example.com')).toBe(key); // decomposed capital: NFC gives İ
    expect(keyOf('ilker@example.com')).not.toBe(key);
    expect(keyOf('ılker@example.com')).not.toBe(key);
    expect(keyOf('ılker@example.com')).not.toBe(keyOf('ilker@example.com'));
    // The ASCII I lowers to i whatever the runtime's locale (no Turkish rule).
    expect(keyOf('ILKER@example.com')).toBe('ilker@example.com');
  });

  it('keeps ß apart from ss, and the capital ẞ lowers to ß', () => {
    expect(keyOf('Straße@example.com')).toBe('straße@example.com');
    expect(keyOf('STRAẞE@example.com')).toBe('straße@example.com');
    expect(keyOf('STRASSE@example.com')).toBe('strasse@example.com');
  });

  it('gives composed and decomposed forms, and full-width letters, one key', () => {
    const key = keyOf('Élodie@example.com');
    expect(key).toBe('\u00e9lodie@example.com');
    expect(keyOf('E\u0301lodie@example.com')).toBe(key); // NFD capital
    expect(keyOf('e\u0301LODIE@example.com')).toBe(key); // NFD small
    expect(keyOf('Ａlice@example.com')).toBe(keyOf('alice@example.com'));
    expect(keyOf('ſam@example.com')).toBe(keyOf('sam@example.com')); // long s (compatibility form)
  });

  it('is idempotent on every code point, and for arbitrary text', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const key = emailKey(String.fromCodePoint(cp));
      if (emailKey(key) !== key) expect.fail(`U+${cp.toString(16)}: ${key} → ${emailKey(key)}`);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const key = emailKey(s);
        expect(emailKey(key)).toBe(key);
        expect(emailKey(s.normalize('NFD'))).toBe(key);
      }),
    );
  });
});
