import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { useCountdown } from '../../hooks/useCountdown';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { formatCountdown } from '../../lib/dates';
import { errorText } from '../../lib/errorCopy';

const AGAIN_COOLDOWN_SECONDS = 60;

/** The same panel whether or not an account exists (no enumeration). */
export function ForgotSent({ email }: { email: string }) {
  const status = useStatus();
  const cooldown = useCountdown();
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const { start } = cooldown;

  const again = async () => {
    if (sendingRef.current || cooldown.active) return;
    sendingRef.current = true;
    setSending(true);
    try {
      await authApi.forgotPassword(email);
      status.announce(t('forgot.sent.resent'));
      start(AGAIN_COOLDOWN_SECONDS);
    } catch (error) {
      if (error instanceof ApiError && error.retryAfter) start(error.retryAfter);
      status.announce(errorText(error), 'error');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <>
      <PageHeading>{t('forgot.sent.title')}</PageHeading>
      <StatusRegion message={status.message} />
      <p className="forgot-sent">
        <T k="forgot.sent" values={{ email: <strong className="break">{email}</strong> }} />
      </p>
      <p className="muted">{t('forgot.sent.help')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={again}
          aria-disabled={sending || undefined}
          disabled={cooldown.active}
        >
          {sending && <span className="spinner" aria-hidden="true" />}
          {cooldown.active
            ? t('forgot.sent.cooldown', { time: formatCountdown(cooldown.remaining) })
            : t('forgot.sent.again')}
        </button>
      </div>
      <p className="card__footer">
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </>
  );
}
