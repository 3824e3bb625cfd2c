import { intlLocale } from '../i18n';

/**
 * Dates and times in the person's language (the app's locale, in the browser's own variant of
 * it) and the browser's time zone. Formatters are built once per locale.
 */
interface Formatters {
  absolute: Intl.DateTimeFormat;
  dateOnly: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

const byLocale = new Map<string, Formatters>();

function formatters(): Formatters {
  const locale = intlLocale();
  let found = byLocale.get(locale);
  if (!found) {
    found = {
      absolute: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      dateOnly: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    byLocale.set(locale, found);
  }
  return found;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatAbsolute(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters().absolute.format(date);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters().dateOnly.format(date);
}

/** "3 days ago", "in 2 hours", "now" (in the app's language). */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const { relative } = formatters();
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return relative.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return relative.format(seconds, 'second');
}

/** "0:42", "1:05" — for cooldown buttons. */
export function formatCountdown(totalSeconds: number): string {
  const safe = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(safe / 60);
  const seconds = safe % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` in UTC, for file names. */
export function isoDay(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
