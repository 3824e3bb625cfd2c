import type { Application } from '../../api/clients';
import { Badge } from '../../components/Badge';
import { RelativeTime } from '../../components/Time';
import { t } from '../../i18n';

interface Props {
  apps: Application[];
  onEdit: (app: Application) => void;
  onDelete: (app: Application) => void;
}

/** Registered applications in a focusable, labelled scroll region (reflow at 320px). */
export function ApplicationsTable({ apps, onEdit, onDelete }: Props) {
  if (apps.length === 0)
    return (
      <div className="empty">
        <p>{t('admin.apps.empty')}</p>
      </div>
    );
  return (
    <div className="table-scroll" role="region" aria-label={t('admin.apps.region')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('admin.apps.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.apps.col.app')}</th>
            <th scope="col">{t('admin.apps.col.kind')}</th>
            <th scope="col">{t('admin.apps.col.redirects')}</th>
            <th scope="col">{t('admin.apps.col.created')}</th>
            <th scope="col">{t('admin.apps.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.client_id}>
              <td>
                <span className="table__primary">{app.name}</span>
                <code className="table__secondary break">{app.client_id}</code>
              </td>
              <td>
                <span className="badges">
                  <Badge tone="neutral">
                    {app.public ? t('admin.apps.kind.public') : t('admin.apps.kind.confidential')}
                  </Badge>
                  {app.first_party && <Badge tone="accent">{t('admin.apps.firstParty')}</Badge>}
                </span>
              </td>
              <td>
                <ul className="plain-list">
                  {app.redirect_uris.map((uri) => (
                    <li key={uri} className="break">
                      {uri}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <RelativeTime iso={app.created_at} />
              </td>
              <td>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onEdit(app)}
                    aria-label={t('admin.apps.editLabel', { app: app.name })}
                  >
                    {t('admin.apps.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline button--small"
                    onClick={() => onDelete(app)}
                    aria-label={t('admin.apps.deleteLabel', { app: app.name })}
                  >
                    {t('admin.apps.delete')}
                  </button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
