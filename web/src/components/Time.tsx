import { formatAbsolute, formatDate, formatRelative } from '../lib/dates';

/**
 * Every date on a page goes through these (ux.md §1.9): `<time datetime>` with the ISO instant,
 * text in the person's language and time zone, and the absolute time in `title`.
 */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

export function AbsoluteTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatAbsolute(iso)}
    </time>
  );
}

/** A day ("4 December 2026"), the exact time in `title`. */
export function DateOnly({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatDate(iso)}
    </time>
  );
}
