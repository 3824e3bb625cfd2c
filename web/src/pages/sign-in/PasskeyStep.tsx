import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { isCancelled, passkeysApi } from '../../api/passkeys';
import type { MfaChallenge, User } from '../../api/types';
import { acceptTokens } from '../../auth/session';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';

interface Props {
  challenge: MfaChallenge;
  onSignedIn: (user: User) => Promise<void> | void;
  onRestart: () => void;
  /** Primary when a passkey is the only second step; otherwise a secondary choice. */
  primary?: boolean;
}

/** The second step with a passkey: one button, the browser asks for the passkey. */
export function PasskeyStep({ challenge, onSignedIn, onRestart, primary }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const user = acceptTokens(await passkeysApi.secondStep(challenge.mfa_token));
      await onSignedIn(user);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'MFA_TOKEN_INVALID') return onRestart();
      setError(isCancelled(caught) ? t('passkeys.error.cancelled') : errorText(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="passkey-sign-in">
      {error ? <p role="alert">{error}</p> : null}
      <button
        type="button"
        className={`button ${primary ? 'button--primary' : 'button--secondary'} button--block`}
        onClick={run}
        aria-disabled={pending || undefined}
      >
        {pending ? t('signIn.passkey.pending') : t('mfa.passkey.use')}
      </button>
    </div>
  );
}
