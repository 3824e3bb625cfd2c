import { useState, type ChangeEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { organizationsApi } from '../api/organizations';
import { useAuth } from '../auth/context';
import { useResource } from '../hooks/useResource';
import { t } from '../i18n';

/**
 * The header's organization switcher: the session's active organization, changed without signing
 * in again. Shown once the person belongs to an organization.
 */
export function OrganizationSwitcher() {
  const { activeOrganizationId, setActiveOrganization } = useAuth();
  const { pathname } = useLocation();
  // Re-read on navigation and when the active organization changes: one may have been created,
  // joined, left or deleted meanwhile.
  const orgs = useResource(() => organizationsApi.mine(), [activeOrganizationId, pathname]);
  const [busy, setBusy] = useState(false);
  const list = orgs.data ?? [];
  if (list.length === 0) return null;

  const onChange = async (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    setBusy(true);
    try {
      await setActiveOrganization(value === '' ? null : Number(value));
    } catch {
      orgs.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-switcher">
      <label htmlFor="org-switcher" className="org-switcher__label">
        {t('orgs.switcher.label')}
      </label>
      <select
        id="org-switcher"
        className="select"
        value={activeOrganizationId ?? ''}
        onChange={onChange}
        aria-busy={busy || undefined}
      >
        <option value="">{t('orgs.switcher.none')}</option>
        {list.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}
