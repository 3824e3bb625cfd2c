import { useState } from 'react';
import { Link } from 'react-router-dom';
import { organizationsApi, type Organization } from '../../api/organizations';
import { useAuth } from '../../auth/context';
import { Badge } from '../../components/Badge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';
import { roleLabel } from './roleLabel';

/** `/organizations`: the caller's organizations, switching the active one, and creating one. */
export function OrganizationsPage() {
  const orgs = useResource(() => organizationsApi.mine(), []);
  const { activeOrganizationId, setActiveOrganization } = useAuth();
  const status = useStatus();
  const [switching, setSwitching] = useState<number | 'none' | null>(null);
  const form = useForm({ name: 'org-name' });
  usePageTitle(t('orgs.title'));

  const list = orgs.data ?? [];

  const create = form.onSubmit(
    async (data, element) => {
      const org = await organizationsApi.create(str(data, 'name').trim());
      orgs.setData([...list, org].sort((a, b) => a.name.localeCompare(b.name)));
      element.reset();
      status.announce(t('orgs.created', { name: org.name }));
    },
    {
      validate: (data) => ({
        name: checkRequired(str(data, 'name').trim(), 'orgs.field.name.required'),
      }),
    },
  );

  const switchTo = async (org: Organization | null) => {
    if (switching !== null) return;
    setSwitching(org ? org.id : 'none');
    try {
      await setActiveOrganization(org ? org.id : null);
      status.announce(org ? t('orgs.switched', { name: org.name }) : t('orgs.switchedNone'));
    } catch (error) {
      status.announce(errorText(error), 'error');
    } finally {
      setSwitching(null);
    }
  };

  const name = form.field('name');
  return (
    <div className="admin">
      <PageHeading>{t('orgs.title')}</PageHeading>
      <p className="lead">{t('orgs.intro')}</p>
      <StatusRegion message={status.message} />
      <section className="panel" aria-labelledby="orgs-list-title">
        <h2 id="orgs-list-title" className="panel__title">
          {t('orgs.list.title')}
        </h2>
        {orgs.error ? (
          <LoadError error={orgs.error} onRetry={orgs.reload} />
        ) : !orgs.data ? (
          <Skeleton lines={3} />
        ) : list.length === 0 ? (
          <div className="empty">
            <p>{t('orgs.empty')}</p>
          </div>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('orgs.list.region')}
            tabIndex={0}
          >
            <table className="table">
              <caption className="visually-hidden">{t('orgs.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.col.name')}</th>
                  <th scope="col">{t('orgs.col.role')}</th>
                  <th scope="col">{t('orgs.col.members')}</th>
                  <th scope="col">{t('orgs.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((org) => {
                  const active = org.id === activeOrganizationId;
                  return (
                    <tr key={org.id}>
                      <td>
                        <Link to={`/organizations/${org.id}`} className="table__primary">
                          {org.name}
                        </Link>{' '}
                        {active && <Badge tone="success">{t('orgs.active')}</Badge>}
                      </td>
                      <td>{roleLabel(org.role)}</td>
                      <td>{org.member_count}</td>
                      <td>
                        {active ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => switchTo(null)}
                            aria-disabled={switching !== null || undefined}
                          >
                            {t('orgs.switchOff')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => switchTo(org)}
                            aria-disabled={switching !== null || undefined}
                            aria-label={t('orgs.switchLabel', { name: org.name })}
                          >
                            {switching === org.id ? t('orgs.switching') : t('orgs.switch')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card panel" aria-labelledby="org-new-title">
        <h2 id="org-new-title" className="panel__title">
          {t('orgs.new.title')}
        </h2>
        <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
        <form noValidate onSubmit={create} aria-busy={form.pending || undefined} className="form">
          <Field
            id={name.id}
            name="name"
            label={t('orgs.field.name')}
            autoComplete="organization"
            error={name.error}
          />
          <div className="actions">
            <SubmitButton
              label={t('orgs.new.submit')}
              pendingLabel={t('orgs.new.pending')}
              pending={form.pending}
              blocked={form.rateLimited}
            />
          </div>
        </form>
      </section>
    </div>
  );
}
