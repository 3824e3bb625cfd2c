import type { OrgRole } from '../../api/organizations';
import { t } from '../../i18n';

/** The visible name of an organization role. */
export function roleLabel(role: OrgRole): string {
  return role === 'owner'
    ? t('orgs.role.owner')
    : role === 'admin'
      ? t('orgs.role.admin')
      : t('orgs.role.member');
}
