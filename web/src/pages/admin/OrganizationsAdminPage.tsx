import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { organizationsApi } from '../../api/organizations';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { Skeleton } from '../../components/Skeleton';
import { RelativeTime } from '../../components/Time';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';

const LIMIT = 20;

/** `/admin/organizations`: every organization, searchable by name, paged. */
export function OrganizationsAdminPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = params.get('search') ?? '';
  const [draft, setDraft] = useState(search);
  const orgs = useResource(
    () => organizationsApi.adminList({ page, limit: LIMIT, search: search || undefined }),
    [page, search],
  );
  usePageTitle(t('admin.orgs.title'));

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    return `?${next.toString()}`;
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('search', draft.trim());
    setParams(next);
  };
  const data = orgs.data;
  const last = data ? Math.max(1, Math.ceil(data.total / data.limit)) : 1;

  return (
    <div className="admin">
      <PageHeading>{t('admin.orgs.title')}</PageHeading>
      <form role="search" className="filters" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="org-search" className="field__label">
            {t('admin.orgs.search')}
          </label>
          <input
            id="org-search"
            type="search"
            className="input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('admin.orgs.searchButton')}
          </button>
        </div>
      </form>
      <section className="panel" aria-labelledby="admin-orgs-total">
        <h2 id="admin-orgs-total" className="panel__title">
          {data ? t('admin.orgs.total', { count: data.total }) : t('admin.orgs.title')}
        </h2>
        {orgs.error ? (
          <LoadError error={orgs.error} onRetry={orgs.reload} />
        ) : !data ? (
          <Skeleton lines={4} />
        ) : data.items.length === 0 ? (
          <div className="empty">
            <p>{t('admin.orgs.empty')}</p>
          </div>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('admin.orgs.region')}
            tabIndex={0}
          >
            <table className="table">
              <caption className="visually-hidden">{t('admin.orgs.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.col.name')}</th>
                  <th scope="col">{t('orgs.col.members')}</th>
                  <th scope="col">{t('admin.orgs.col.created')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((org) => (
                  <tr key={org.id}>
                    <td>
                      <span className="table__primary">{org.name}</span>
                      <span className="table__secondary">{t('admin.orgs.id', { id: org.id })}</span>
                    </td>
                    <td>{org.member_count}</td>
                    <td>
                      <RelativeTime iso={org.created_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} last={last} hrefFor={hrefFor} />
      </section>
    </div>
  );
}
