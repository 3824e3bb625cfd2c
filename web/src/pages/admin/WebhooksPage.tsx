import { useEffect, useRef, useState } from 'react';
import {
  webhooksApi,
  type CreatedWebhookEndpoint,
  type NewWebhookEndpoint,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookForm } from './WebhookForm';

/** The signing secret of a new endpoint, shown this once, with a copy button. */
function CreatedSecret({
  endpoint,
  onDone,
}: {
  endpoint: CreatedWebhookEndpoint;
  onDone: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(endpoint.secret);
      setCopy('copied');
    } catch {
      secretRef.current?.select();
      setCopy('failed');
    }
  };
  return (
    <section className="card panel panel--notice" aria-labelledby="created-hook-title">
      <h2 id="created-hook-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('admin.hooks.created.title')}
      </h2>
      <p className="warning-text">{t('admin.hooks.created.once')}</p>
      <div className="field">
        <label htmlFor="created-hook-secret" className="field__label">
          {t('admin.hooks.created.secret')}
        </label>
        <div className="copy-row">
          <input
            ref={secretRef}
            id="created-hook-secret"
            className="input input--readonly copy-row__value"
            readOnly
            spellCheck={false}
            value={endpoint.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--secondary" onClick={onCopy}>
            {t('admin.hooks.created.copy')}
          </button>
        </div>
      </div>
      <div className="copy-status" aria-live="polite">
        {copy && (
          <p>
            {copy === 'copied'
              ? t('admin.hooks.created.copied')
              : t('admin.hooks.created.copyFailed')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('admin.hooks.created.done')}
        </button>
      </div>
    </section>
  );
}

/** `/admin/webhooks`: register endpoints, enable or disable them, watch and redeliver deliveries. */
export function WebhooksPage() {
  const endpoints = useResource(() => webhooksApi.list(), []);
  const status = useStatus();
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const remove = useConfirm<WebhookEndpoint>();
  const newTitleRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('admin.hooks.title'));

  const list = endpoints.data ?? [];
  const shown = list.find((endpoint) => endpoint.id === selected) ?? null;

  const create = async (values: NewWebhookEndpoint) => {
    const endpoint = await webhooksApi.create(values);
    const { secret: _secret, ...listed } = endpoint;
    endpoints.setData([...list, listed]);
    setCreated(endpoint);
    status.announce(t('admin.hooks.createdStatus', { url: endpoint.url }));
  };

  const toggle = async (endpoint: WebhookEndpoint) => {
    setActionError(null);
    try {
      const updated = await webhooksApi.update(endpoint.id, { enabled: !endpoint.enabled });
      endpoints.setData(list.map((item) => (item.id === updated.id ? updated : item)));
      status.announce(
        t(updated.enabled ? 'admin.hooks.enabledStatus' : 'admin.hooks.disabledStatus', {
          url: updated.url,
        }),
      );
    } catch (err) {
      setActionError(errorText(err));
    }
  };

  const confirmDelete = () =>
    remove.run(async (endpoint) => {
      await unlessGone(webhooksApi.remove(endpoint.id), 'WEBHOOK_NOT_FOUND');
      endpoints.setData(list.filter((item) => item.id !== endpoint.id));
      if (selected === endpoint.id) setSelected(null);
      status.announce(t('admin.hooks.deletedStatus', { url: endpoint.url }));
    });

  return (
    <div className="admin">
      <PageHeading>{t('admin.hooks.title')}</PageHeading>
      <p className="lead">{t('admin.hooks.intro')}</p>
      <StatusRegion message={status.message} />
      {created ? (
        <CreatedSecret
          endpoint={created}
          onDone={() => {
            setCreated(null);
            requestAnimationFrame(() => newTitleRef.current?.focus());
          }}
        />
      ) : (
        <section className="card panel" aria-labelledby="new-hook-title">
          <h2 id="new-hook-title" ref={newTitleRef} tabIndex={-1} className="panel__title">
            {t('admin.hooks.new.title')}
          </h2>
          <WebhookForm onSubmit={create} />
        </section>
      )}
      <section className="panel" aria-labelledby="hooks-list-title">
        <h2 id="hooks-list-title" ref={headingRef} tabIndex={-1} className="panel__title">
          {endpoints.data ? t('admin.hooks.total', { count: list.length }) : t('admin.hooks.title')}
        </h2>
        {actionError && (
          <p className="field__error" role="alert">
            {actionError}
          </p>
        )}
        {endpoints.error ? (
          <LoadError error={endpoints.error} onRetry={endpoints.reload} />
        ) : !endpoints.data ? (
          <Skeleton lines={3} />
        ) : list.length === 0 ? (
          <div className="empty">
            <p>{t('admin.hooks.empty')}</p>
          </div>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('admin.hooks.region')}
            tabIndex={0}
          >
            <table className="table">
              <caption className="visually-hidden">{t('admin.hooks.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.hooks.col.endpoint')}</th>
                  <th scope="col">{t('admin.hooks.col.events')}</th>
                  <th scope="col">{t('admin.hooks.col.state')}</th>
                  <th scope="col">{t('admin.hooks.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td>
                      <span className="table__primary break">{endpoint.url}</span>
                      {endpoint.description && (
                        <span className="table__secondary">{endpoint.description}</span>
                      )}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {endpoint.event_types.map((type) => (
                          <li key={type}>
                            <code>{type}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <span className="badges">
                        {endpoint.enabled ? (
                          <Badge tone="success">{t('admin.hooks.state.enabled')}</Badge>
                        ) : (
                          <Badge tone="warning">
                            {endpoint.disabled_at
                              ? t('admin.hooks.state.disabledFailing')
                              : t('admin.hooks.state.disabled')}
                          </Badge>
                        )}
                        {endpoint.enabled && endpoint.failing_since && (
                          <Badge tone="warning">{t('admin.hooks.state.failing')}</Badge>
                        )}
                      </span>
                    </td>
                    <td>
                      <span className="row-actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-pressed={selected === endpoint.id}
                          onClick={() => setSelected(selected === endpoint.id ? null : endpoint.id)}
                          aria-label={t('admin.hooks.logLabel', { url: endpoint.url })}
                        >
                          {t('admin.hooks.log')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => toggle(endpoint)}
                          aria-label={t(
                            endpoint.enabled
                              ? 'admin.hooks.disableLabel'
                              : 'admin.hooks.enableLabel',
                            { url: endpoint.url },
                          )}
                        >
                          {endpoint.enabled ? t('admin.hooks.disable') : t('admin.hooks.enable')}
                        </button>
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => remove.open(endpoint)}
                          aria-label={t('admin.hooks.deleteLabel', { url: endpoint.url })}
                        >
                          {t('admin.hooks.delete')}
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {shown && <WebhookDeliveries key={shown.id} endpoint={shown} announce={status.announce} />}
      <ConfirmDialog
        open={remove.target !== null}
        title={remove.target ? t('admin.hooks.delete.title', { url: remove.target.url }) : ''}
        confirmLabel={t('admin.hooks.delete.confirm')}
        pendingLabel={t('admin.hooks.delete.pending')}
        busy={remove.busy}
        error={remove.error}
        onConfirm={confirmDelete}
        onClose={remove.close}
        fallbackFocus={headingRef}
      >
        <p>{t('admin.hooks.delete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
