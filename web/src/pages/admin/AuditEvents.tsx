import { useState } from 'react';
import { usersApi } from '../../api/users';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import { AbsoluteTime, RelativeTime } from '../../components/Time';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { lastPage, pageWindow } from '../../lib/listQuery';
import { deviceLabel } from '../account/sessionLabels';
import { eventLabel } from './eventLabels';

const LIMIT = 20;

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  if (typeof details === 'object') return Object.keys(details).length > 0;
  return true;
}

/** A user's audit events, newest first, paged on the server. */
export function AuditEvents({ userId }: { userId: number }) {
  const [page, setPage] = useState(1);
  const events = useResource(() => usersApi.audit(userId, page, LIMIT), [userId, page]);
  const data = events.data;

  if (events.error) return <LoadError error={events.error} onRetry={events.reload} />;
  if (!data) return <Skeleton lines={6} />;
  if (data.items.length === 0) return <p className="empty">{t('audit.empty')}</p>;

  const last = lastPage(data.total, LIMIT);
  return (
    <div className="stack">
      <p className="muted">{t('audit.total', { count: data.total })}</p>
      <div className="table-scroll" role="region" aria-label={t('audit.region')} tabIndex={0}>
        <table className="table" aria-busy={events.loading || undefined}>
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.time')}</th>
              <th scope="col">{t('audit.col.event')}</th>
              <th scope="col">{t('audit.col.ip')}</th>
              <th scope="col">{t('audit.col.device')}</th>
              <th scope="col">{t('audit.col.details')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((event) => (
              <tr key={event.id}>
                <td>
                  <AbsoluteTime iso={event.created_at} />
                  <span className="table__secondary">
                    <RelativeTime iso={event.created_at} />
                  </span>
                </td>
                <td>{eventLabel(event.type, event.details)}</td>
                <td>{event.ip ?? '—'}</td>
                <td>{event.user_agent ? deviceLabel(event.user_agent) : '—'}</td>
                <td>
                  {hasDetails(event.details) ? (
                    <details className="raw">
                      <summary>{t('audit.details.show')}</summary>
                      <pre>{JSON.stringify(event.details, null, 2)}</pre>
                    </details>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last > 1 && (
        <nav className="pagination" aria-label={t('pagination.label')}>
          <ul className="pagination__list">
            {pageWindow(page, last).map((item, i) =>
              item === 'gap' ? (
                <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={item}>
                  <button
                    type="button"
                    className="pagination__link"
                    aria-current={item === page ? 'page' : undefined}
                    aria-label={t('pagination.page', { n: item })}
                    onClick={() => setPage(item)}
                  >
                    {item}
                  </button>
                </li>
              ),
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
