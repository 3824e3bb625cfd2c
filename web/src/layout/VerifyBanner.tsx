import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { authApi } from '../api/auth';
import { useAuth } from '../auth/context';
import { T } from '../i18n/T';
import { t } from '../i18n';
import { errorText } from '../lib/errorCopy';

const DISMISS_KEY = 'gatehouse-verify-banner-dismissed';

function readDismissed(): boolean {
  try {
    return window.sessionStorage.getItem(DISMISS_KEY) === '1';
  } catch {
    return false;
  }
}

/** Non-blocking verification loop: shown on signed-in pages while the email is unconfirmed. */
export function VerifyBanner() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState('');

  if (!user || user.email_verified || dismissed || pathname.startsWith('/verify-email'))
    return null;

  const resend = async () => {
    if (sending) return;
    setSending(true);
    try {
      await authApi.resendVerification();
      setMessage(t('banner.verify.sent', { email: user.email }));
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setSending(false);
    }
  };

  const dismiss = () => {
    try {
      window.sessionStorage.setItem(DISMISS_KEY, '1');
    } catch {
      // Dismissal then lasts for this page view only.
    }
    setDismissed(true);
  };

  return (
    <section className="verify-banner">
      <p id="verify-banner-text" className="verify-banner__text">
        <T k="banner.verify" values={{ email: <strong>{user.email}</strong> }} />
      </p>
      <div className="verify-banner__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={resend}
          aria-disabled={sending || undefined}
        >
          {sending ? t('banner.verify.sending') : t('banner.verify.resend')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={dismiss}>
          {t('banner.verify.dismiss')}
        </button>
      </div>
      <p className="verify-banner__status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
