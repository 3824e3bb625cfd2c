import { useRef, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/context';
import { readSignInState } from '../../auth/notices';
import { PageLoading } from '../../components/PageLoading';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { useCountdown } from '../../hooks/useCountdown';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { formatCountdown } from '../../lib/dates';
import { errorText } from '../../lib/errorCopy';
import { signInPath } from '../../lib/returnTo';

/** Cooldown after a successful resend, so the user sees the limit before hitting it. */
const RESEND_COOLDOWN_SECONDS = 60;

/**
 * "Check your inbox". Normally signed in (non-blocking verification, resend needs a session);
 * when the server requires a confirmed address before sign-in, it shows the address from the
 * registration step without a resend button.
 */
export function VerifyPendingPage() {
  const { status, user } = useAuth();
  const location = useLocation();
  const email = readSignInState(location.state).email;
  usePageTitle(t('verify.pending.title'));
  if (status === 'loading') return <PageLoading />;
  if (user) return <SignedInPending user={user} />;
  if (!email) return <Navigate to={signInPath('/verify-email/pending')} replace />;
  return (
    <>
      <PageHeading>{t('verify.pending.title')}</PageHeading>
      <p>
        <T k="verify.pending.body" values={{ email: <strong className="break">{email}</strong> }} />
      </p>
      <p className="muted">{t('verify.pending.spamSignedOut')}</p>
      <p className="card__footer">
        <Link to="/sign-in" state={{ email }}>
          {t('verify.pending.signInAfter')}
        </Link>
      </p>
    </>
  );
}

function SignedInPending({ user }: { user: User }) {
  const status = useStatus();
  const cooldown = useCountdown();
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);

  const resend = async () => {
    if (sendingRef.current || cooldown.active) return;
    sendingRef.current = true;
    setSending(true);
    try {
      await authApi.resendVerification();
      status.announce(t('verify.pending.sent'));
      cooldown.start(RESEND_COOLDOWN_SECONDS);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED' && error.retryAfter) {
        cooldown.start(error.retryAfter);
      }
      status.announce(errorText(error), 'error');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const label = sending
    ? t('verify.pending.resending')
    : cooldown.active
      ? t('verify.pending.cooldown', { time: formatCountdown(cooldown.remaining) })
      : t('verify.pending.resend');

  return (
    <>
      <PageHeading>{t('verify.pending.title')}</PageHeading>
      <StatusRegion message={status.message} />
      {user.email_verified ? (
        <p>{t('verify.pending.alreadyVerified')}</p>
      ) : (
        <>
          <p>
            <T
              k="verify.pending.body"
              values={{ email: <strong className="break">{user.email}</strong> }}
            />
          </p>
          <p className="muted">{t('verify.pending.spam')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={resend}
              aria-disabled={sending || undefined}
              disabled={cooldown.active}
            >
              {sending && <span className="spinner" aria-hidden="true" />}
              {label}
            </button>
          </div>
          <p>
            {t('verify.pending.wrongAddress')}{' '}
            <Link to="/account">{t('verify.pending.changeIt')}</Link>
          </p>
        </>
      )}
      <p className="card__footer">
        <Link to="/account" className="button button--primary">
          {t('verify.pending.continue')}
        </Link>
      </p>
    </>
  );
}
