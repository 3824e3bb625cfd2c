import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { mfaApi } from '../../api/mfa';
import type { MfaChallenge, User } from '../../api/types';
import { useAuth } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from '../../lib/returnTo';
import { SecondStepForm } from '../sign-in/SecondStepForm';

/**
 * `/sign-in/social?code=…`: where a provider's callback hands over. The one-time code (useless in
 * any other browser) is spent at once and dropped from the address; then on as after any sign-in.
 */
export function SocialCallbackPage() {
  const { signInWithProvider, status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code] = useState(() => params.get('code'));
  const destination = safeReturnTo(params.get('returnTo')) ?? DEFAULT_AFTER_SIGN_IN;
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [error, setError] = useState<string | null>(code ? null : t('social.code.invalid'));
  const started = useRef(false);
  usePageTitle(t('social.finishing.title'));

  const afterSignIn = async (user: User) => {
    if (user.role === 'admin') {
      const mfa = await mfaApi.status().catch(() => null);
      if (mfa?.enrolment_required) {
        navigate('/account/security', { replace: true, state: { enrol: true } });
        return;
      }
    }
    if (!user.name) navigate('/welcome', { replace: true, state: { returnTo: destination } });
    else navigate(destination, { replace: true });
  };

  useEffect(() => {
    // After the silent refresh on load has settled: its answer must not undo this sign-in.
    if (!code || started.current || status === 'loading') return;
    started.current = true;
    // The code leaves the address bar and history before anything else happens.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    signInWithProvider(code).then(
      (result) => {
        if (result.challenge) setChallenge(result.challenge);
        else void afterSignIn(result.user);
      },
      (err: unknown) => setError(errorText(err)),
    );
    // Runs once: the code is single use.
  }, [code, status]);

  if (challenge)
    return (
      <SecondStepForm
        challenge={challenge}
        onSignedIn={afterSignIn}
        onRestart={() => navigate('/sign-in', { replace: true })}
      />
    );
  return (
    <>
      <PageHeading>{t('social.finishing.title')}</PageHeading>
      {error ? (
        <>
          <p role="alert">{error}</p>
          <p className="card__footer">
            <Link to="/sign-in">{t('social.backToSignIn')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('social.finishing')}</p>
      )}
    </>
  );
}
