import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { usersApi } from '../../api/users';
import { useUser } from '../../auth/context';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { Tabs } from '../../components/Tabs';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { AuditEvents } from './AuditEvents';
import { LIST_URL_KEY } from './UsersListPage';
import { UserOverview } from './UserOverview';

type TabKey = 'overview' | 'events';

function listUrl(): string {
  try {
    return `/admin/users${window.sessionStorage.getItem(LIST_URL_KEY) ?? ''}`;
  } catch {
    return '/admin/users';
  }
}

export function UserDetailPage() {
  const { id = '' } = useParams();
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const user = useResource(() => usersApi.get(id), [id]);
  const status = useStatus();
  const tab: TabKey = params.get('tab') === 'events' ? 'events' : 'overview';
  const title = user.data?.name ?? t('admin.user.title');
  usePageTitle(title);

  const select = (key: TabKey) =>
    setParams(key === 'events' ? { tab: 'events' } : {}, { replace: true });
  const notFound =
    user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400);

  return (
    <div className="admin">
      <p className="back-link">
        <Link to={listUrl()}>
          <span aria-hidden="true" className="icon-directional">
            ←
          </span>
          {t('admin.user.back')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <StatusRegion message={status.message} />
      {notFound ? (
        <p>{t('error.notFound')}</p>
      ) : user.error ? (
        <LoadError error={user.error} onRetry={user.reload} />
      ) : !user.data ? (
        <Skeleton lines={6} />
      ) : (
        <>
          <p className="lead break">{user.data.email}</p>
          <Tabs
            label={t('admin.user.tabs')}
            idPrefix="user"
            selected={tab}
            onSelect={select}
            tabs={[
              { key: 'overview', label: t('admin.user.tab.overview') },
              { key: 'events', label: t('admin.user.tab.events') },
            ]}
          >
            {tab === 'overview' ? (
              <UserOverview
                user={user.data}
                isSelf={user.data.id === me.id}
                onUpdated={user.setData}
                announce={status.announce}
                listUrl={listUrl()}
              />
            ) : (
              <AuditEvents userId={user.data.id} />
            )}
          </Tabs>
        </>
      )}
    </div>
  );
}
