import { Link } from 'react-router-dom';
import type { User, UserListQuery } from '../../api/types';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/Time';
import { t, type MessageKey } from '../../i18n';
import type { SortOption } from '../../lib/listQuery';

interface Props {
  users: User[];
  query: UserListQuery & { sortOption: SortOption };
  onClearSearch: () => void;
}

/** A real <table> inside a focusable, labelled scroll region (reflow at 320px). */
export function UsersTable({ users, query, onClearSearch }: Props) {
  if (users.length === 0) {
    return (
      <div className="empty">
        <p>
          {query.search
            ? t('admin.users.empty', { search: query.search })
            : t('admin.users.emptyFilter')}
        </p>
        {(query.search || query.role) && (
          <button type="button" className="button button--secondary" onClick={onClearSearch}>
            {t('admin.users.clear')}
          </button>
        )}
      </div>
    );
  }
  const sortLabel = t(`admin.users.sort.${query.sortOption}` as MessageKey);
  return (
    <div className="table-scroll" role="region" aria-label={t('admin.users.region')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">
          {t('admin.users.caption', { sort: sortLabel })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.col.user')}</th>
            <th scope="col">{t('admin.users.col.role')}</th>
            <th scope="col">{t('admin.users.col.email')}</th>
            <th scope="col">{t('admin.users.col.created')}</th>
            <th scope="col">{t('admin.users.col.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/admin/users/${user.id}`} className="table__primary">
                  {user.name}
                </Link>
                <span className="table__secondary break">{user.email}</span>
              </td>
              <td>
                {user.role === 'admin' ? (
                  <Badge tone="accent">{t('role.admin')}</Badge>
                ) : (
                  <Badge tone="neutral">{t('role.user')}</Badge>
                )}
              </td>
              <td>
                {user.email_verified ? (
                  <Badge tone="success">{t('badge.verified')}</Badge>
                ) : (
                  <Badge tone="warning">{t('badge.unverified')}</Badge>
                )}
              </td>
              <td>
                <RelativeTime iso={user.created_at} />
              </td>
              <td>
                {user.last_login_at ? <RelativeTime iso={user.last_login_at} /> : t('time.never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
