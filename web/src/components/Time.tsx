import { formatAbsolute, formatRelative } from '../lib/dates';

/** Relative time with the absolute one in the title and a machine-readable datetime. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

export function AbsoluteTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatAbsolute(iso)}</time>;
}
