import { useCallback, useEffect, useRef, useState } from 'react';
import { oidcApi, type Interaction } from '../../api/oidc';
import type { AuthStatus } from '../../auth/context';

/**
 * Sign-in for an application (`/sign-in?interaction=<uid>`): a person already signed in
 * continues at once (single sign-on) unless the application asked for the password again.
 */
export function useInteractionLogin(uid: string | null, status: AuthStatus) {
  const [details, setDetails] = useState<Interaction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const finishing = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (!uid) return;
    oidcApi.interaction(uid).then(setDetails, setError);
  }, [uid]);

  const finish = useCallback((): Promise<void> => {
    if (!uid) return Promise.resolve();
    finishing.current ??= oidcApi.finishLogin(uid).then(
      ({ redirect_to }) => window.location.assign(redirect_to),
      (reason: unknown) => {
        finishing.current = null;
        throw reason;
      },
    );
    return finishing.current;
  }, [uid]);

  const continuing = Boolean(
    details && status === 'authenticated' && !details.fresh_login_required,
  );
  useEffect(() => {
    if (continuing) finish().catch(setError);
  }, [continuing, finish]);

  return { active: uid !== null, details, error, continuing, finish };
}
