import { NavLink, Outlet } from 'react-router-dom';
import { t } from '../i18n';

/** Account area: sidebar nav on wide screens, a tab row above the content on narrow ones. */
export function AccountLayout() {
  return (
    <div className="account">
      <nav className="account-nav" aria-label={t('account.nav.label')}>
        <NavLink end to="/account" className="account-nav__link">
          {t('account.nav.profile')}
        </NavLink>
        <NavLink to="/account/security" className="account-nav__link">
          {t('account.nav.security')}
        </NavLink>
        <NavLink to="/account/data" className="account-nav__link">
          {t('account.nav.data')}
        </NavLink>
      </nav>
      <div className="account__content">
        <Outlet />
      </div>
    </div>
  );
}
