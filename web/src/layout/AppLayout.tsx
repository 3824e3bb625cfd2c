import { Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth/context';
import { PageLoading } from '../components/PageLoading';
import { useCountdown } from '../hooks/useCountdown';
import { t } from '../i18n';
import { T } from '../i18n/T';
import { Brand } from './Brand';
import { OfflineBanner } from './OfflineBanner';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { SiteFooter } from './SiteFooter';
import { VerifyBanner } from './VerifyBanner';
import { PendingLink } from '../pages/social/PendingLink';

/** Signed-in pages: header (product, Account, Admin, who, Sign out), banner, main, footer. */
export function AppLayout() {
  const { user, signOut } = useAuth();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const retry = useCountdown();

  const onSignOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    try {
      await signOut(({ delayMs }) => {
        setSignOutFailed(true);
        retry.start(delayMs / 1000);
      });
    } finally {
      setSigningOut(false);
      setSignOutFailed(false);
      retry.stop();
    }
  };

  return (
    <div className="app-shell">
      <header className="app-header">
        <Brand />
        <nav className="app-nav" aria-label={t('app.nav.label')}>
          <NavLink to="/account" className="app-nav__link">
            {t('app.nav.account')}
          </NavLink>
          <NavLink to="/organizations" className="app-nav__link">
            {t('app.nav.organizations')}
          </NavLink>
          {user?.role === 'admin' && (
            <>
              <NavLink to="/admin/users" className="app-nav__link">
                {t('app.nav.admin')}
              </NavLink>
              <NavLink to="/admin/applications" className="app-nav__link">
                {t('app.nav.applications')}
              </NavLink>
              <NavLink to="/admin/organizations" className="app-nav__link">
                {t('app.nav.allOrganizations')}
              </NavLink>
              <NavLink to="/admin/webhooks" className="app-nav__link">
                {t('app.nav.webhooks')}
              </NavLink>
              <NavLink to="/admin/providers" className="app-nav__link">
                {t('app.nav.providers')}
              </NavLink>
            </>
          )}
        </nav>
        <div className="app-header__user">
          <OrganizationSwitcher />
          {user && (
            <p className="app-header__who">
              <T k="app.signedInAs" values={{ email: <strong>{user.email}</strong> }} />
            </p>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onSignOut}
            aria-disabled={signingOut || undefined}
          >
            {signingOut ? t('app.signingOut') : t('app.signOut')}
          </button>
        </div>
      </header>
      <div className="signout-banner" aria-live="polite">
        {signOutFailed && <p>{t('app.signOutRetry', { seconds: retry.remaining })}</p>}
      </div>
      <OfflineBanner />
      <VerifyBanner />
      <PendingLink />
      <main id="main" tabIndex={-1} className="app-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </div>
  );
}
