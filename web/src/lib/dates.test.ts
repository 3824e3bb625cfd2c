import { describe, expect, it } from 'vitest';
import { formatCountdown, formatRelative, isoDay } from './dates';

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [42, '0:42'],
    [60, '1:00'],
    [65.2, '1:06'],
    [-3, '0:00'],
  ])('%s → %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  it('says "now" for the last few seconds', () => {
    expect(formatRelative('2025-03-10T11:59:50Z', now)).toMatch(/now/);
  });
  it('uses the largest sensible unit', () => {
    expect(formatRelative('2025-03-10T10:00:00Z', now)).toMatch(/2 hours ago/);
    expect(formatRelative('2025-03-07T12:00:00Z', now)).toMatch(/3 days ago/);
  });
  it('returns the input for an invalid date', () => {
    expect(formatRelative('not a date', now)).toBe('not a date');
  });
});

describe('isoDay', () => {
  it('formats UTC days', () => {
    expect(isoDay(new Date('2025-03-10T23:30:00Z'))).toBe('2025-03-10');
  });
});
