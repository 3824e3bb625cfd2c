import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { authApi, type EmailSignInProof } from '../api/auth';
import { mfaApi, type SecondFactorProof } from '../api/mfa';
import type { User } from '../api/types';
import { usersApi } from '../api/users';
import { signInPath } from '../lib/returnTo';
import { AuthContext, type AuthStatus, type AuthValue, type SignInResult } from './context';
import type { SignInState } from './notices';
import { endServerSession } from './signOut';
import { organizationsApi } from '../api/organizations';
import { socialApi } from '../api/social';
import {
  acceptTokens,
  clearSession,
  getActiveOrganizationId,
  getUser,
  refreshSession,
  setUser,
  subscribe,
} from './session';

/** Restores the session once on load (silent refresh) and reacts to expiry anywhere in the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [user, setUserState] = useState<User | null>(getUser);
  const [status, setStatus] = useState<AuthStatus>(getUser() ? 'authenticated' : 'loading');
  const [activeOrganizationId, setActiveOrganizationId] = useState(getActiveOrganizationId);

  useEffect(() => {
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed') {
        // A transition, like the router's own location updates: a sign-out or expiry and the
        // navigation to /sign-in commit together, so guards never redirect in between.
        startTransition(() => {
          setUserState(event.user);
          setActiveOrganizationId(getActiveOrganizationId());
          setStatus(event.user ? 'authenticated' : 'anonymous');
        });
      } else if (event.type === 'expired') {
        const here = `${window.location.pathname}${window.location.search}`;
        navigate(signInPath(here, 'expired'), { replace: true });
      } else {
        navigate('/sign-in', {
          replace: true,
          state: { notice: 'signedOut' } satisfies SignInState,
        });
      }
    });
    if (!getUser()) {
      refreshSession().then(
        (ok) => {
          if (!ok) setStatus('anonymous');
        },
        () => setStatus('anonymous'),
      );
    }
    return unsubscribe;
  }, [navigate]);

  const signIn = useCallback(async (email: string, password: string): Promise<SignInResult> => {
    const data = await authApi.login(email, password);
    if ('mfa_required' in data) return { challenge: data };
    return { user: acceptTokens(data) };
  }, []);

  const signInWithEmail = useCallback(async (proof: EmailSignInProof): Promise<SignInResult> => {
    const data = await authApi.emailSignInVerify(proof);
    if ('mfa_required' in data) return { challenge: data };
    return { user: acceptTokens(data) };
  }, []);

  const signInWithProvider = useCallback(async (code: string): Promise<SignInResult> => {
    const data = await socialApi.exchange(code);
    if ('mfa_required' in data) return { challenge: data };
    return { user: acceptTokens(data) };
  }, []);

  const completeSecondStep = useCallback(
    async (mfaToken: string, proof: SecondFactorProof) =>
      acceptTokens(await mfaApi.verify(mfaToken, proof)),
    [],
  );

  const signOut = useCallback<AuthValue['signOut']>(
    async (onRetry) => {
      // Signed out here only once the server ended the session (it retries until then).
      await endServerSession(() => authApi.logout(), onRetry);
      // Navigate first so the guard of the page being left never sees a signed-out user.
      navigate('/sign-in', { state: { notice: 'signedOut' } satisfies SignInState });
      clearSession({ broadcast: true });
    },
    [navigate],
  );

  const reloadUser = useCallback(async () => {
    const fresh = await usersApi.profile();
    setUser(fresh);
    return fresh;
  }, []);

  const setActiveOrganization = useCallback(async (organizationId: number | null) => {
    acceptTokens(await organizationsApi.setActive(organizationId));
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      signIn,
      signInWithEmail,
      signInWithProvider,
      completeSecondStep,
      signOut,
      updateUser: setUser,
      reloadUser,
      forget: () => clearSession({ broadcast: true }),
      activeOrganizationId,
      setActiveOrganization,
    }),
    [
      status,
      user,
      signIn,
      signInWithEmail,
      signInWithProvider,
      completeSecondStep,
      signOut,
      reloadUser,
      activeOrganizationId,
      setActiveOrganization,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
