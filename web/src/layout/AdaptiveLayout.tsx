import { useAuth } from '../auth/context';
import { PageLoading } from '../components/PageLoading';
import { AppLayout } from './AppLayout';
import { AuthLayout } from './AuthLayout';

/** For pages anyone can reach (404): the signed-in chrome when signed in, else the plain one. */
export function AdaptiveLayout() {
  const { status } = useAuth();
  if (status === 'loading') return <PageLoading />;
  return status === 'authenticated' ? <AppLayout /> : <AuthLayout />;
}
