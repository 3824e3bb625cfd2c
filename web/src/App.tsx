import { lazy, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/context';
import { RequireAdmin, RequireAuth } from './auth/guards';
import { currentLocale, setLocale, useLocale } from './i18n';
import { PageLoading } from './components/PageLoading';
import { AccountLayout } from './layout/AccountLayout';
import { AdaptiveLayout } from './layout/AdaptiveLayout';
import { AppLayout } from './layout/AppLayout';
import { AuthLayout } from './layout/AuthLayout';
import { SkipLink } from './layout/SkipLink';
import { DataPage } from './pages/account/DataPage';
import { ProfilePage } from './pages/account/ProfilePage';
import { SecurityPage } from './pages/account/SecurityPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { ForgotPasswordPage } from './pages/forgot-password/ForgotPasswordPage';
import { RegisterPage } from './pages/register/RegisterPage';
import { ResetPasswordPage } from './pages/reset-password/ResetPasswordPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { ConsentPage } from './pages/consent/ConsentPage';
import { EmailSignInPage } from './pages/email-sign-in/EmailSignInPage';
import { WelcomePage } from './pages/email-sign-in/WelcomePage';
import { SocialCallbackPage } from './pages/social/SocialCallbackPage';
import { VerifyEmailPage } from './pages/verify/VerifyEmailPage';
import { VerifyPendingPage } from './pages/verify/VerifyPendingPage';
import { InvitationPage } from './pages/organizations/InvitationPage';
import { OrganizationPage } from './pages/organizations/OrganizationPage';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage';

// Admin screens are a separate chunk: most visitors never need them.
const UsersListPage = lazy(() =>
  import('./pages/admin/UsersListPage').then((m) => ({ default: m.UsersListPage })),
);
const UserDetailPage = lazy(() =>
  import('./pages/admin/UserDetailPage').then((m) => ({ default: m.UserDetailPage })),
);
const OrganizationsAdminPage = lazy(() =>
  import('./pages/admin/OrganizationsAdminPage').then((m) => ({
    default: m.OrganizationsAdminPage,
  })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/admin/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })),
);
const ProvidersPage = lazy(() =>
  import('./pages/admin/ProvidersPage').then((m) => ({ default: m.ProvidersPage })),
);
const WebhooksPage = lazy(() =>
  import('./pages/admin/WebhooksPage').then((m) => ({ default: m.WebhooksPage })),
);

function Home() {
  const { status } = useAuth();
  if (status === 'loading') return <PageLoading />;
  return <Navigate to={status === 'authenticated' ? '/account' : '/sign-in'} replace />;
}

/**
 * The signed-in user's `locale` wins over this browser's choice: applied when the user is known
 * (sign-in, reload, another device's change), and remembered here so the next load starts in it.
 */
function useUserLocale(): void {
  const { user } = useAuth();
  const wanted = user?.locale ?? null;
  useEffect(() => {
    if (wanted && wanted !== currentLocale()) void setLocale(wanted, { remember: true });
  }, [wanted]);
}

export function App() {
  // Reading the locale re-renders the whole tree (every t() call) when the language changes.
  useLocale();
  useUserLocale();
  return (
    <>
      <SkipLink />
      <Routes>
        <Route index element={<Home />} />
        <Route element={<AuthLayout />}>
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="sign-in/verify" element={<SignInPage />} />
          <Route path="sign-in/email" element={<EmailSignInPage />} />
          <Route path="sign-in/social" element={<SocialCallbackPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="verify-email" element={<VerifyEmailPage />} />
          <Route path="verify-email/pending" element={<VerifyPendingPage />} />
          <Route path="invitations/accept" element={<InvitationPage />} />
          <Route path="email-sign-in" element={<EmailSignInPage />} />
          <Route
            path="welcome"
            element={
              <RequireAuth>
                <WelcomePage />
              </RequireAuth>
            }
          />
          <Route
            path="consent/:uid"
            element={
              <RequireAuth>
                <ConsentPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route path="account" element={<AccountLayout />}>
            <Route index element={<ProfilePage />} />
            <Route path="security" element={<SecurityPage />} />
            <Route path="data" element={<DataPage />} />
          </Route>
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="organizations/:id" element={<OrganizationPage />} />
          <Route
            path="admin"
            element={
              <RequireAdmin>
                <Outlet />
              </RequireAdmin>
            }
          >
            <Route index element={<Navigate to="/admin/users" replace />} />
            <Route path="users" element={<UsersListPage />} />
            <Route path="users/:id" element={<UserDetailPage />} />
            <Route path="applications" element={<ApplicationsPage />} />
            <Route path="organizations" element={<OrganizationsAdminPage />} />
            <Route path="webhooks" element={<WebhooksPage />} />
            <Route path="providers" element={<ProvidersPage />} />
          </Route>
        </Route>
        <Route element={<AdaptiveLayout />}>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
