import { useRef, useState } from 'react';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { Badge } from '../../components/Badge';
import type { StatusMessage } from '../../components/Status';
import { AbsoluteTime, RelativeTime } from '../../components/Time';
import { t } from '../../i18n';
import { isoDay } from '../../lib/dates';
import { downloadJson } from '../../lib/download';
import { errorText } from '../../lib/errorCopy';
import { DeleteUserCard } from './DeleteUserCard';
import { MfaCard } from './MfaCard';
import { RoleCard } from './RoleCard';

interface Props {
  user: User;
  isSelf: boolean;
  onUpdated: (user: User) => void;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
  listUrl: string;
}

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>{t('time.never')}</>;
  return (
    <>
      <AbsoluteTime iso={iso} />{' '}
      <span className="muted">
        (<RelativeTime iso={iso} />)
      </span>
    </>
  );
}

export function UserOverview({ user, isSelf, onUpdated, announce, listUrl }: Props) {
  const [exporting, setExporting] = useState(false);
  const exportingRef = useRef(false);

  const exportData = async () => {
    if (exportingRef.current) return;
    exportingRef.current = true;
    setExporting(true);
    try {
      const data = await usersApi.exportData(user.id);
      downloadJson(data, `gatehouse-user-${user.id}-${isoDay()}.json`);
      announce(t('data.started'));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      exportingRef.current = false;
      setExporting(false);
    }
  };

  return (
    <div className="stack">
      <section className="card panel">
        <h2 id="details-title" className="panel__title">
          {t('admin.user.details')}
        </h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('field.name.label')}</dt>
            <dd>
              {user.name} {isSelf && <Badge tone="neutral">{t('admin.user.you')}</Badge>}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('field.email.label')}</dt>
            <dd className="break">{user.email}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.user.emailStatus')}</dt>
            <dd>
              {user.email_verified ? (
                <Badge tone="success">{t('badge.verified')}</Badge>
              ) : (
                <Badge tone="warning">{t('badge.unverified')}</Badge>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.users.col.role')}</dt>
            <dd>{user.role === 'admin' ? t('role.admin') : t('role.user')}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.user.id')}</dt>
            <dd>
              <code>{user.id}</code>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.user.created')}</dt>
            <dd>
              <When iso={user.created_at} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.user.updated')}</dt>
            <dd>
              <When iso={user.updated_at} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.user.lastLogin')}</dt>
            <dd>
              <When iso={user.last_login_at} />
            </dd>
          </div>
        </dl>
      </section>
      <RoleCard user={user} isSelf={isSelf} onUpdated={onUpdated} announce={announce} />
      <MfaCard
        user={user}
        announce={announce}
        onReset={() => onUpdated({ ...user, mfa: { totp: false, passkeys: 0 } })}
      />
      <section className="card panel">
        <h2 id="export-title" className="panel__title">
          {t('admin.export.title')}
        </h2>
        <p>{t('admin.export.body')}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={exportData}
          aria-disabled={exporting || undefined}
        >
          {exporting && <span className="spinner" aria-hidden="true" />}
          {exporting ? t('data.preparing') : t('admin.export.button')}
        </button>
      </section>
      <DeleteUserCard user={user} isSelf={isSelf} listUrl={listUrl} />
    </div>
  );
}
