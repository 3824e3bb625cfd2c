import { useRef, useState } from 'react';
import { webhooksApi, type WebhookDelivery, type WebhookEndpoint } from '../../api/webhooks';
import { Badge } from '../../components/Badge';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import { RelativeTime } from '../../components/Time';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';

const TONE = { delivered: 'success', failed: 'warning', pending: 'neutral' } as const;

function statusLabel(status: string): string {
  if (status === 'delivered') return t('admin.hooks.log.status.delivered');
  if (status === 'failed') return t('admin.hooks.log.status.failed');
  return t('admin.hooks.log.status.pending');
}

/** The delivery log of one endpoint, newest first, with Redeliver. */
export function WebhookDeliveries({
  endpoint,
  announce,
}: {
  endpoint: WebhookEndpoint;
  announce: (message: string) => void;
}) {
  const log = useResource(() => webhooksApi.deliveries(endpoint.id), [endpoint.id]);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = log.data ?? [];

  const redeliver = async (delivery: WebhookDelivery) => {
    setBusy(delivery.id);
    setError(null);
    try {
      const queued = await webhooksApi.redeliver(endpoint.id, delivery.id);
      log.setData(list.map((item) => (item.id === queued.id ? queued : item)));
      announce(t('admin.hooks.log.redelivered', { type: delivery.event_type }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="hook-log-title">
      <h2 id="hook-log-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('admin.hooks.log.title', { url: endpoint.url })}
      </h2>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={log.reload}
        >
          {t('admin.hooks.log.refresh')}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {log.error ? (
        <LoadError error={log.error} onRetry={log.reload} />
      ) : !log.data ? (
        <Skeleton lines={3} />
      ) : list.length === 0 ? (
        <div className="empty">
          <p>{t('admin.hooks.log.empty')}</p>
        </div>
      ) : (
        <div
          className="table-scroll"
          role="region"
          aria-label={t('admin.hooks.log.region')}
          tabIndex={0}
        >
          <table className="table">
            <caption className="visually-hidden">{t('admin.hooks.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.hooks.log.col.event')}</th>
                <th scope="col">{t('admin.hooks.log.col.status')}</th>
                <th scope="col">{t('admin.hooks.log.col.attempts')}</th>
                <th scope="col">{t('admin.hooks.log.col.response')}</th>
                <th scope="col">{t('admin.hooks.log.col.created')}</th>
                <th scope="col">{t('admin.hooks.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <code className="table__primary">{delivery.event_type}</code>
                    <code className="table__secondary break">{delivery.event_id}</code>
                  </td>
                  <td>
                    <Badge tone={TONE[delivery.status as keyof typeof TONE] ?? 'neutral'}>
                      {statusLabel(delivery.status)}
                    </Badge>
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {delivery.last_response_code ??
                      delivery.last_error ??
                      t('admin.hooks.log.noResponse')}
                  </td>
                  <td>
                    <RelativeTime iso={delivery.created_at} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busy === delivery.id}
                      onClick={() => redeliver(delivery)}
                      aria-label={t('admin.hooks.log.redeliverLabel', {
                        type: delivery.event_type,
                        id: delivery.event_id,
                      })}
                    >
                      {busy === delivery.id
                        ? t('admin.hooks.log.redelivering')
                        : t('admin.hooks.log.redeliver')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
