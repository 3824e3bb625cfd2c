import { createContext, useContext } from 'react';
import type { EmailSignInProof } from '../api/auth';
import type { SecondFactorProof } from '../api/mfa';
import type { MfaChallenge, User } from '../api/types';
import type { SignOutRetry } from './signOut';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthValue {
  status: AuthStatus;
  user: User | null;
  /** The signed-in user, or (two-step verification on) the challenge for the second step. */
  signIn: (email: string, password: string) => Promise<SignInResult>;
  /** Sign-in with the code (and address) or the link token of a sign-in mail; may need a second step. */
  signInWithEmail: (proof: EmailSignInProof) => Promise<SignInResult>;
  /** Sign-in with the one-time code an upstream provider's callback handed over; may need a second step. */
  signInWithProvider: (code: string) => Promise<SignInResult>;
  /** The second step of sign-in: a code or a recovery code for the challenge's mfa_token. */
  completeSecondStep: (mfaToken: string, proof: SecondFactorProof) => Promise<User>;
  /** Ends the server session, retrying until it is ended; `onRetry` hears of each failure. */
  signOut: (onRetry?: (retry: SignOutRetry) => void) => Promise<void>;
  /** Replace the cached user after a profile change. */
  updateUser: (user: User) => void;
  /** Re-read the caller's profile from the server. */
  reloadUser: () => Promise<User | null>;
  /** Drop the local session without a server call (after reset/deletion ended it server-side). */
  forget: () => void;
  /** The organization the session acts in (the access token's org_id), or null. */
  activeOrganizationId: number | null;
  /** Switches the session's organization (null: none); the new access token carries it. */
  setActiveOrganization: (organizationId: number | null) => Promise<void>;
}

export type SignInResult = { user: User; challenge?: undefined } | { challenge: MfaChallenge };

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For pages that only render under <RequireAuth>. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}
