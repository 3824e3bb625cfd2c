import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { signInPath } from '../lib/returnTo';
import { PageLoading } from '../components/PageLoading';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useAuth } from './context';

/** Signed-out visitors go to sign-in and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous') {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return children;
}

/** Non-admins see the permission page (never the admin UI, never a redirect loop). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (user?.role !== 'admin') return <ForbiddenPage />;
  return children;
}
