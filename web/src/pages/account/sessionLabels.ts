import type { Session } from '../../api/types';
import { t } from '../../i18n';
import { formatRelative } from '../../lib/dates';
import { parseUserAgent } from '../../lib/userAgent';

export interface SessionView {
  session: Session;
  device: string;
  mobile: boolean;
  /** Accessible name of the row's "Sign out" button; unique on the page. */
  revokeLabel: string;
}

export function deviceLabel(userAgent: string | null): string {
  const { browser, os } = parseUserAgent(userAgent);
  if (browser && os) return t('sessions.device', { browser, os });
  return browser ?? os ?? t('sessions.unknownDevice');
}

/** Current session first, then most recently active. Labels made unique with an ordinal. */
export function toSessionViews(sessions: Session[], now: number = Date.now()): SessionView[] {
  const sorted = [...sessions].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1;
    return (b.last_used_at ?? b.created_at).localeCompare(a.last_used_at ?? a.created_at);
  });
  const base = sorted.map((session) => {
    const device = deviceLabel(session.user_agent);
    const time = formatRelative(session.last_used_at ?? session.created_at, now);
    return { session, device, time, mobile: parseUserAgent(session.user_agent).mobile };
  });
  const counts = new Map<string, number>();
  for (const view of base) {
    const key = `${view.device}|${view.time}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return base.map(({ session, device, time, mobile }) => {
    const key = `${device}|${time}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const revokeLabel =
      (counts.get(key) ?? 0) > 1
        ? t('sessions.revokeLabelN', { device, time, n })
        : t('sessions.revokeLabel', { device, time });
    return { session, device, mobile, revokeLabel };
  });
}
