import { useRef } from 'react';
import { authApi } from '../../api/auth';
import type { Session } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import type { StatusMessage } from '../../components/Status';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import type { Resource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { SessionRow } from './SessionRow';
import { toSessionViews, type SessionView } from './sessionLabels';

interface Props {
  sessions: Resource<Session[]>;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

type Pending = { kind: 'one'; view: SessionView } | { kind: 'others' };

export function SessionsCard({ sessions, announce }: Props) {
  const confirming = useConfirm<Pending>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const views = sessions.data ? toSessionViews(sessions.data) : [];
  const others = views.filter((view) => !view.session.current);
  const pending = confirming.target;

  const confirm = () =>
    confirming.run(async (target) => {
      if (target.kind === 'one') {
        const id = target.view.session.id;
        await unlessGone(authApi.revokeSession(id), 'SESSION_NOT_FOUND');
        // Not optimistic: the row goes only after the server said so.
        sessions.setData((sessions.data ?? []).filter((s) => s.id !== id));
        announce(t('sessions.revoked'));
      } else {
        await authApi.revokeOtherSessions();
        sessions.setData((sessions.data ?? []).filter((s) => s.current));
        announce(t('sessions.others.done'));
      }
    });

  const title = pending?.kind === 'one' ? t('sessions.revoke.title') : t('sessions.others.title');
  return (
    <section className="card panel">
      <div className="panel__header">
        <h2 id="sessions-title" ref={headingRef} tabIndex={-1} className="panel__title">
          {t('sessions.title')}
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={sessions.reload}
        >
          {t('sessions.refresh')}
        </button>
      </div>
      <p className="muted">{t('sessions.intro')}</p>
      {sessions.error ? (
        <LoadError error={sessions.error} onRetry={sessions.reload} />
      ) : !sessions.data ? (
        <Skeleton lines={4} label={t('sessions.loading')} />
      ) : (
        <>
          <ul className="sessions" aria-busy={sessions.loading || undefined}>
            {views.map((view) => (
              <SessionRow
                key={view.session.id}
                view={view}
                onRevoke={() => confirming.open({ kind: 'one', view })}
              />
            ))}
          </ul>
          {others.length === 0 ? (
            <p>{t('sessions.onlyThis')}</p>
          ) : (
            <div className="actions">
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => confirming.open({ kind: 'others' })}
              >
                {t('sessions.signOutOthers')}
              </button>
            </div>
          )}
          <p className="muted small">{t('sessions.footnote')}</p>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={title}
        confirmLabel={
          pending?.kind === 'one' ? t('sessions.revoke.confirm') : t('sessions.others.confirm')
        }
        pendingLabel={t('sessions.revoking')}
        busy={confirming.busy}
        error={confirming.error}
        onConfirm={confirm}
        onClose={confirming.close}
        fallbackFocus={headingRef}
      >
        <p>
          {pending?.kind === 'one'
            ? t('sessions.revoke.body', { device: pending.view.device })
            : t('sessions.others.body')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
