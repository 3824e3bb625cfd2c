import { describe, expect, it } from 'vitest';
import { en } from './catalog';
import { formatMessage, pseudoLocalize } from './format';
import { t } from './index';

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
