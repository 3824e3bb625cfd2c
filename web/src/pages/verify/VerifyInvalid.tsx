import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { useAuth } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';

/** Expired, used or missing verification token, with a way to get a new link. */
export function VerifyInvalid({ hadToken }: { hadToken: boolean }) {
  const { status, user } = useAuth();
  const notice = useStatus();
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);

  if (status === 'authenticated' && user?.email_verified) {
    return (
      <>
        <PageHeading>{t('verify.already.title')}</PageHeading>
        <p className="actions">
          <Link className="button button--primary" to="/account">
            {t('verify.done.continue')}
          </Link>
        </p>
      </>
    );
  }

  const resend = async () => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    try {
      await authApi.resendVerification();
      notice.announce(t('verify.pending.sent'));
    } catch (error) {
      notice.announce(errorText(error), 'error');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <>
      <PageHeading>{t('verify.invalid.title')}</PageHeading>
      <StatusRegion message={notice.message} />
      <p>{hadToken ? t('verify.expired') : t('verify.invalid.missing')}</p>
      {hadToken && <p className="muted">{t('verify.invalid.expiry')}</p>}
      <p className="actions">
        {status === 'authenticated' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={resend}
            aria-disabled={sending || undefined}
          >
            {sending && <span className="spinner" aria-hidden="true" />}
            {sending ? t('verify.pending.resending') : t('verify.invalid.resend')}
          </button>
        ) : (
          <Link className="button button--primary" to="/sign-in?returnTo=%2Fverify-email%2Fpending">
            {t('verify.invalid.signIn')}
          </Link>
        )}
      </p>
    </>
  );
}
