import { Badge } from '../../components/Badge';
import { AbsoluteTime, RelativeTime } from '../../components/Time';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import type { SessionView } from './sessionLabels';

function DeviceIcon({ mobile }: { mobile: boolean }) {
  return (
    <svg className="session__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {mobile ? (
        <path d="M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 2v14h8V4zm4 15.5a1 1 0 1 0 0 .01z" />
      ) : (
        <path d="M3 4h18a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-7v2h3v2H7v-2h3v-2H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v9h16V6z" />
      )}
    </svg>
  );
}

export function SessionRow({ view, onRevoke }: { view: SessionView; onRevoke: () => void }) {
  const { session, device, mobile, revokeLabel } = view;
  return (
    <li className="session" data-current={session.current || undefined}>
      <DeviceIcon mobile={mobile} />
      <div className="session__body">
        <p className="session__device">
          <strong>{device}</strong>{' '}
          {session.current && <Badge tone="accent">{t('sessions.thisDevice')}</Badge>}
        </p>
        <p className="session__meta">
          {t('sessions.ip', { ip: session.ip ?? t('sessions.unknownIp') })}
        </p>
        <p className="session__meta">
          <T k="sessions.signedIn" values={{ date: <AbsoluteTime iso={session.created_at} /> }} />
          {session.last_used_at && (
            <>
              <span aria-hidden="true"> · </span>
              <T
                k="sessions.lastActive"
                values={{ time: <RelativeTime iso={session.last_used_at} /> }}
              />
            </>
          )}
        </p>
        {session.user_agent && (
          <details className="session__ua">
            <summary>{t('sessions.rawAgent')}</summary>
            <code className="break">{session.user_agent}</code>
          </details>
        )}
      </div>
      {!session.current && (
        <button
          type="button"
          className="button button--secondary button--small session__action"
          onClick={onRevoke}
        >
          <span aria-hidden="true">{t('sessions.revoke')}</span>
          <span className="visually-hidden">{revokeLabel}</span>
        </button>
      )}
    </li>
  );
}
