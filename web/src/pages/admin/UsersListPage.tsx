import { useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { usersApi } from '../../api/users';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { lastPage, parseListQuery, toListParams } from '../../lib/listQuery';
import { UsersFilters } from './UsersFilters';
import { UsersTable } from './UsersTable';

export const LIST_URL_KEY = 'gatehouse-admin-list';

export function UsersListPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const query = useMemo(() => parseListQuery(params), [params]);
  const key = toListParams(query).toString();
  const users = useResource(() => usersApi.list(query), [key]);
  const status = useStatus();
  const loads = useRef(0);
  usePageTitle(t('admin.users.title'));

  type Query = typeof query;
  const update = (change: Partial<Query>, replace = false) => {
    const next = { ...query, page: 1, ...change };
    setParams(toListParams(next), { replace });
  };

  useEffect(() => {
    try {
      window.sessionStorage.setItem(LIST_URL_KEY, location.search);
    } catch {
      // Back link then goes to the unfiltered list.
    }
  }, [location.search]);

  useEffect(() => {
    const flash = (location.state as { status?: string } | null)?.status;
    if (flash === 'userDeleted') status.announce(t('admin.users.deleted'));
    // Deliberately once, on arrival: the flash message comes from router state.
  }, []);

  const data = users.data;
  useEffect(() => {
    if (!data) return;
    loads.current += 1;
    // Announce result counts after the user changed something (not on first load).
    if (loads.current > 1) status.announce(t('admin.users.found', { count: data.total }), 'info');
    const last = lastPage(data.total, query.limit);
    if (data.total > 0 && query.page > last)
      setParams(toListParams({ ...query, page: last }), { replace: true });
    // Deliberately keyed on new data only, not on every query/params change.
  }, [data]);

  const hrefFor = (page: number) => {
    const search = toListParams({ ...query, page }).toString();
    return search ? `${location.pathname}?${search}` : location.pathname;
  };

  // Everything below the filters describes the page that is shown, so it comes from the answer
  // (its page and limit), not from the URL: while the next page loads, the old rows keep their
  // own summary and page number, marked busy, and all of it changes together.
  const from = data && data.total > 0 ? (data.page - 1) * data.limit + 1 : 0;
  const to = data ? Math.min(data.total, from + data.items.length - 1) : 0;

  return (
    <div className="admin">
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <p className="lead" aria-live="off">
        {data ? t('admin.users.total', { count: data.total }) : '\u00a0'}
      </p>
      <StatusRegion message={status.message} />
      <UsersFilters query={query} onChange={update} />
      {users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : !data ? (
        <Skeleton lines={6} />
      ) : (
        <div className="users-results" aria-busy={users.loading || undefined}>
          <UsersTable
            users={data.items}
            query={query}
            onClearSearch={() => update({ search: undefined, role: undefined })}
          />
          {data.total > 0 && (
            <p className="muted">{t('admin.users.showing', { from, to, total: data.total })}</p>
          )}
          <Pagination page={data.page} last={lastPage(data.total, data.limit)} hrefFor={hrefFor} />
        </div>
      )}
    </div>
  );
}
