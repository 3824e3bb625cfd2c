import { useCallback, useEffect, useRef, useState } from 'react';
import { isCancelled, passkeysApi } from '../../api/passkeys';
import type { User } from '../../api/types';
import { acceptTokens } from '../../auth/session';
import { errorText } from '../../lib/errorCopy';
import { t } from '../../i18n';

/**
 * Passwordless sign-in on the sign-in page: passkeys offered in the email field's autofill
 * (conditional UI) from the moment the page shows, and the "Sign in with a passkey" button.
 */
export function usePasskeySignIn(onSignedIn: (user: User) => Promise<void> | void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const done = useRef(onSignedIn);
  done.current = onSignedIn;

  const finish = useCallback(async (autofill: boolean) => {
    const data = await passkeysApi.signIn(autofill);
    await done.current(acceptTokens(data));
  }, []);

  const listen = useCallback(() => {
    if (!mounted.current) return;
    void passkeysApi.autofillSupported().then((supported) => {
      if (!supported || !mounted.current) return;
      finish(true).catch((caught: unknown) => {
        // A button press replaces the autofill ceremony (it restarts it afterwards).
        if (isCancelled(caught)) return;
        if (mounted.current) setError(errorText(caught));
        listen();
      });
    });
  }, [finish]);

  useEffect(() => {
    mounted.current = true;
    listen();
    return () => {
      mounted.current = false;
      passkeysApi.cancel();
    };
  }, [listen]);

  const signInWithButton = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await finish(false);
    } catch (caught) {
      if (mounted.current)
        setError(isCancelled(caught) ? t('passkeys.error.cancelled') : errorText(caught));
      listen();
    } finally {
      if (mounted.current) setPending(false);
    }
  };

  return { pending, error, signInWithButton, supported: passkeysApi.supported() };
}
