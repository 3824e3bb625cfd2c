import { afterEach, describe, expect, it } from 'vitest';
import { en } from './catalog';
import { de } from './de/index';
import { formatMessage, pseudoLocalize } from './format';
import { currentLocale, setLocale, t } from './index';
import { matchLocale } from './locales';

describe('formatMessage', () => {
  it('fills placeholders', () => {
    expect(formatMessage('We sent a link to {email}.', { email: 'a@b.c' })).toBe(
      'We sent a link to a@b.c.',
    );
  });

  it('handles plurals with # and exact matches', () => {
    const template = '{count, plural, =0 {No users} one {# user} other {# users}}';
    expect(formatMessage(template, { count: 0 })).toBe('No users');
    expect(formatMessage(template, { count: 1 })).toBe('1 user');
    expect(formatMessage(template, { count: 1234 })).toBe('1,234 users');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(formatMessage('Hi {name}')).toBe('Hi {name}');
  });

  it('pseudo-localises text but not placeholders', () => {
    const out = pseudoLocalize('Save {name}');
    expect(out).toContain('{name}');
    expect(out).toContain('Sávé');
    expect(out.length).toBeGreaterThan('Save {name}'.length * 1.3);
  });
});

describe('catalog', () => {
  it('uses the ux.md copy deck verbatim', () => {
    expect(t('error.summary.title')).toBe('There is a problem');
    expect(t('signIn.error.credentials')).toBe('Email or password is incorrect.');
    expect(t('error.rateLimited', { seconds: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(t('error.rateLimited', { seconds: 1 })).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(t('delete.confirmLabel')).toBe('Type "delete my account" to confirm');
    expect(t('forgot.sent', { email: 'a@b.c' })).toBe(
      "If an account exists for a@b.c, we've sent a link to reset your password. It expires in 1 hour.",
    );
  });

  it('has no empty messages', () => {
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('');
  });

  it('states the password rule with its number', () => {
    expect(t('password.hint')).toContain('8');
    expect(t('password.tooLong')).toBe('Password must be 128 characters or fewer');
  });
});

describe('FormatJS messages', () => {
  it('chooses plural categories by locale (Arabic has six)', () => {
    const ar =
      '{n, plural, zero {zero} one {one} two {two} few {few #} many {many #} other {other #}}';
    expect(formatMessage(ar, { n: 0 }, 'ar')).toBe('zero');
    expect(formatMessage(ar, { n: 2 }, 'ar')).toBe('two');
    expect(formatMessage(ar, { n: 3 }, 'ar')).toMatch(/^few /);
    expect(formatMessage(ar, { n: 11 }, 'ar')).toMatch(/^many /);
    expect(formatMessage(ar, { n: 100 }, 'ar')).toMatch(/^other /);
  });

  it('formats # and plain numbers in the locale', () => {
    expect(formatMessage('{n, plural, one {# Datei} other {# Dateien}}', { n: 1234 }, 'de')).toBe(
      '1.234 Dateien',
    );
    expect(
      formatMessage('Showing {from}–{to} of {total}', { from: 1, to: 20, total: 12345 }, 'de'),
    ).toBe('Showing 1–20 of 12.345');
  });

  it('knows select', () => {
    const m = '{role, select, admin {Administrator} other {Member}}';
    expect(formatMessage(m, { role: 'admin' })).toBe('Administrator');
    expect(formatMessage(m, { role: 'user' })).toBe('Member');
  });

  it('keeps apostrophes and tag-like text as written', () => {
    expect(formatMessage("We've sent <b>it</b>", {})).toBe("We've sent <b>it</b>");
  });
});

describe('setLocale', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('loads a catalog lazily and formats in that language', async () => {
    await setLocale('de');
    expect(currentLocale()).toBe('de');
    expect(t('signIn.title')).toBe(de['signIn.title']);
    expect(t('language.label')).toBe('Sprache');
  });

  it('the last of overlapping switches wins', async () => {
    await Promise.all([setLocale('ar'), setLocale('es')]);
    expect(currentLocale()).toBe('es');
  });

  it('pseudo-localises English', async () => {
    await setLocale('en', { pseudo: true });
    expect(t('signIn.title')).toMatch(/^\[Sí/);
  });
});

describe('matchLocale', () => {
  it('takes the first shipped language by its language subtag', () => {
    expect(matchLocale(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(matchLocale(['fr', 'pt'])).toBeNull();
    expect(matchLocale(['AR'])).toBe('ar');
  });
});
