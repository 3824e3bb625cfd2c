import { useRef, useState } from 'react';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { StatusMessage } from '../../components/Status';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';

interface Props {
  user: User;
  onReset: () => void;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

/** The user's second factors, and the admin reset (clears them and ends the user's sessions). */
export function MfaCard({ user, onReset, announce }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);
  const mfa = user.mfa ?? { totp: false, passkeys: 0 };
  const any = mfa.totp || mfa.passkeys > 0;

  const confirm = async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await usersApi.resetMfa(user.id);
      setConfirming(false);
      announce(t('admin.mfa.done', { name: user.name }));
      onReset();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <section className="card panel" aria-labelledby="admin-mfa-title">
      <h2 id="admin-mfa-title" className="panel__title">
        {t('mfa.title')}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('admin.mfa.totp')}</dt>
          <dd>
            {mfa.totp ? (
              <Badge tone="success">{t('admin.mfa.on')}</Badge>
            ) : (
              <Badge tone="neutral">{t('admin.mfa.off')}</Badge>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('admin.mfa.passkeys')}</dt>
          <dd>{mfa.passkeys}</dd>
        </div>
      </dl>
      {any && (
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          {t('admin.mfa.reset')}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        onClose={() => !busy && setConfirming(false)}
        title={t('admin.mfa.dialog.title', { name: user.name })}
        confirmLabel={t('admin.mfa.reset')}
        pendingLabel={t('admin.mfa.pending')}
        busy={busy}
        error={error}
        onConfirm={confirm}
      >
        <p>{t('admin.mfa.dialog.body')}</p>
      </ConfirmDialog>
    </section>
  );
}
