import { useRef } from 'react';
import { oidcApi, type ConnectedApp } from '../../api/oidc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import type { StatusMessage } from '../../components/Status';
import { AbsoluteTime } from '../../components/Time';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { scopeText } from '../../lib/scopes';

interface Props {
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

/** "Connected apps": applications the person allowed (GET /api/oidc/grants), each revocable. */
export function ConnectedAppsCard({ announce }: Props) {
  const apps = useResource(() => oidcApi.connectedApps(), []);
  const revoke = useConfirm<ConnectedApp>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const confirm = () =>
    revoke.run(async (app) => {
      await unlessGone(oidcApi.revokeApp(app.grant_id), 'GRANT_NOT_FOUND');
      apps.setData((apps.data ?? []).filter((item) => item.grant_id !== app.grant_id));
      announce(t('oidc.apps.revoked', { app: app.name }));
    });

  return (
    <section className="card panel" aria-labelledby="connected-apps-title">
      <h2 id="connected-apps-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('oidc.apps.title')}
      </h2>
      <p className="muted">{t('oidc.apps.intro')}</p>
      {apps.error ? (
        <LoadError error={apps.error} onRetry={apps.reload} />
      ) : !apps.data ? (
        <Skeleton lines={2} />
      ) : apps.data.length === 0 ? (
        <p>{t('oidc.apps.none')}</p>
      ) : (
        <ul className="sessions" aria-busy={apps.loading || undefined}>
          {apps.data.map((app) => (
            <li key={app.grant_id} className="session">
              <div className="session__body">
                <p className="session__device">
                  <strong>{app.name}</strong>
                </p>
                <p className="session__meta">{app.scopes.map(scopeText).join(' · ')}</p>
                <p className="session__meta">
                  <T
                    k="oidc.apps.granted"
                    values={{ date: <AbsoluteTime iso={app.granted_at} /> }}
                  />
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary button--small session__action"
                onClick={() => revoke.open(app)}
                aria-label={t('oidc.apps.revokeLabel', { app: app.name })}
              >
                {t('oidc.apps.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoke.target !== null}
        title={revoke.target ? t('oidc.apps.revoke.title', { app: revoke.target.name }) : ''}
        confirmLabel={t('oidc.apps.revoke.confirm')}
        pendingLabel={t('oidc.apps.revoking')}
        busy={revoke.busy}
        error={revoke.error}
        onConfirm={confirm}
        onClose={revoke.close}
        fallbackFocus={headingRef}
      >
        <p>{t('oidc.apps.revoke.body')}</p>
      </ConfirmDialog>
    </section>
  );
}
