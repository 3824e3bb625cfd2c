import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Role, User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { StatusMessage } from '../../components/Status';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';

interface Props {
  user: User;
  isSelf: boolean;
  onUpdated: (user: User) => void;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

export function RoleCard({ user, isSelf, onUpdated, announce }: Props) {
  const { reloadUser } = useAuth();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);
  const changed = role !== user.role;

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    setError(null);
    setConfirming(true);
  };

  const confirm = async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const updated = await usersApi.update(user.id, { role });
      setConfirming(false);
      if (isSelf && updated.role !== 'admin') {
        // Demoted yourself: the admin area is gone, go somewhere you can still be.
        navigate('/account', { replace: true });
        await reloadUser().catch(() => null);
        return;
      }
      onUpdated(updated);
      announce(
        t('admin.role.saved', {
          role: updated.role === 'admin' ? t('role.admin') : t('role.user'),
        }),
      );
    } catch (caught) {
      // LAST_ADMIN and friends: say why, inside the dialog, and change nothing.
      setError(errorText(caught));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const toAdmin = role === 'admin';
  return (
    <section className="card panel">
      <h2 id="role-title" className="panel__title">
        {t('admin.role.title')}
      </h2>
      <p className="muted">{t('admin.role.help')}</p>
      <form noValidate onSubmit={open} className="form form--inline">
        <div className="field">
          <label htmlFor="role-select" className="field__label">
            {t('admin.users.col.role')}
          </label>
          <select
            id="role-select"
            className="select"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <option value="user">{t('role.user')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={!changed}>
          {t('admin.role.save')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        onClose={() => !busy && setConfirming(false)}
        title={t(toAdmin ? 'admin.role.toAdmin.title' : 'admin.role.toUser.title', {
          name: user.name,
        })}
        destructive={isSelf && !toAdmin}
        confirmLabel={t('admin.role.confirm')}
        pendingLabel={t('admin.role.pending')}
        busy={busy}
        error={error}
        onConfirm={confirm}
      >
        <p>{t(toAdmin ? 'admin.role.toAdmin.body' : 'admin.role.toUser.body')}</p>
        {isSelf && !toAdmin && <p className="warning-text">{t('admin.role.self')}</p>}
      </ConfirmDialog>
    </section>
  );
}
