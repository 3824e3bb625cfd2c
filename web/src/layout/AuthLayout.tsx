import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { Brand } from './Brand';
import { OfflineBanner } from './OfflineBanner';
import { SiteFooter } from './SiteFooter';

/** Public pages: one centred card, one task. */
export function AuthLayout() {
  return (
    <div className="auth-shell">
      <header className="auth-header">
        <Brand />
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="card auth-card">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
