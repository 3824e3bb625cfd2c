import { useRef, useState } from 'react';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import type { Session } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import type { StatusMessage } from '../../components/Status';
import type { Resource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { SessionRow } from './SessionRow';
import { toSessionViews, type SessionView } from './sessionLabels';

interface Props {
  sessions: Resource<Session[]>;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

type Pending = { kind: 'one'; view: SessionView } | { kind: 'others' } | null;

export function SessionsCard({ sessions, announce }: Props) {
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const views = sessions.data ? toSessionViews(sessions.data) : [];
  const others = views.filter((view) => !view.session.current);

  const close = () => {
    if (busy) return;
    setConfirming(null);
    setDialogError(null);
  };

  const confirm = async () => {
    if (!confirming || busy) return;
    setBusy(true);
    setDialogError(null);
    try {
      if (confirming.kind === 'one') {
        try {
          await authApi.revokeSession(confirming.view.session.id);
        } catch (error) {
          // Already gone elsewhere: the end state the user wanted.
          if (!(error instanceof ApiError && error.code === 'SESSION_NOT_FOUND')) throw error;
        }
        const id = confirming.view.session.id;
        // Not optimistic: the row goes only after the server said so.
        sessions.setData((sessions.data ?? []).filter((s) => s.id !== id));
        announce(t('sessions.revoked'));
      } else {
        await authApi.revokeOtherSessions();
        sessions.setData((sessions.data ?? []).filter((s) => s.current));
        announce(t('sessions.others.done'));
      }
      setConfirming(null);
    } catch (error) {
      setDialogError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const title =
    confirming?.kind === 'one' ? t('sessions.revoke.title') : t('sessions.others.title');
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
                onRevoke={() => setConfirming({ kind: 'one', view })}
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
                onClick={() => setConfirming({ kind: 'others' })}
              >
                {t('sessions.signOutOthers')}
              </button>
            </div>
          )}
          <p className="muted small">{t('sessions.footnote')}</p>
        </>
      )}
      <Dialog
        open={confirming !== null}
        onClose={close}
        title={title}
        alert
        busy={busy}
        fallbackFocus={headingRef}
      >
        <p>
          {confirming?.kind === 'one'
            ? t('sessions.revoke.body', { device: confirming.view.device })
            : t('sessions.others.body')}
        </p>
        {dialogError && (
          <p className="dialog__error" role="alert">
            {dialogError}
          </p>
        )}
        <div className="actions dialog__actions">
          <button
            type="button"
            className="button button--danger"
            onClick={confirm}
            aria-disabled={busy || undefined}
          >
            {busy && <span className="spinner" aria-hidden="true" />}
            {busy
              ? t('sessions.revoking')
              : confirming?.kind === 'one'
                ? t('sessions.revoke.confirm')
                : t('sessions.others.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            {t('dialog.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
