import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { mfaApi } from '../../api/mfa';
import { socialApi } from '../../api/social';
import type { MfaChallenge, User } from '../../api/types';
import { useAuth } from '../../auth/context';
import { noticeKeys, readSignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { PasswordInput } from '../../components/PasswordInput';
import { StatusRegion } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { useResource } from '../../hooks/useResource';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from '../../lib/returnTo';
import { checkEmail, checkRequired } from '../../lib/validation';
import { errorText } from '../../lib/errorCopy';
import { rememberPendingLink } from '../social/pendingLink';
import { SocialButtons } from '../social/SocialButtons';
import { socialNotice } from '../social/socialNotice';
import { SecondStepForm } from './SecondStepForm';
import { useInteractionLogin } from './useInteractionLogin';
import { usePasskeySignIn } from './usePasskeySignIn';

const fields = { email: 'email', password: 'password' } as const;

const VERIFY_PATH = '/sign-in/verify';

/** The challenge the first step handed to /sign-in/verify, if the history state holds one. */
function readChallenge(state: unknown): MfaChallenge | null {
  const challenge = (state as { challenge?: MfaChallenge } | null)?.challenge;
  return challenge?.mfa_required === true && typeof challenge.mfa_token === 'string'
    ? challenge
    : null;
}

export function SignInPage() {
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const form = useForm(fields);
  const passwordRef = useRef<HTMLInputElement>(null);
  const state = readSignInState(location.state);
  const destination = safeReturnTo(params.get('returnTo')) ?? DEFAULT_AFTER_SIGN_IN;
  const app = useInteractionLogin(params.get('interaction'), status);
  // The second step has its own address, /sign-in/verify; its challenge travels in the history
  // state (never in the URL), so a reload or a shared link goes back to the first step.
  const [challenge, setChallenge] = useState<MfaChallenge | null>(() =>
    readChallenge(location.state),
  );
  const [restarted, setRestarted] = useState(false);
  const onVerifyPath = location.pathname === VERIFY_PATH;
  const [finishing, setFinishing] = useState(false);
  const providers = useResource(() => socialApi.providers(), []);
  const social = socialNotice(params, providers.data);
  const linkProvider = social?.kind === 'link' ? social.provider : null;
  usePageTitle(t('signIn.title'));

  // The provider account waits server-side; the app links it once the person has signed in.
  useEffect(() => {
    if (linkProvider) rememberPendingLink(linkProvider);
  }, [linkProvider]);

  /**
   * Where a signed-in person goes: an admin who must set up a second factor goes there first.
   * `finishing` stays set until this page is left, so the redirect below never overrides it.
   */
  const afterSignIn = async (user: User) => {
    setFinishing(true);
    try {
      if (user.role === 'admin') {
        const mfa = await mfaApi.status().catch(() => null);
        if (mfa?.enrolment_required) {
          navigate('/account/security', { replace: true, state: { enrol: true } });
          return;
        }
      }
      if (app.active) await app.finish();
      else navigate(destination, { replace: true });
    } catch (error) {
      setFinishing(false);
      throw error;
    }
  };

  const passkey = usePasskeySignIn(afterSignIn);

  if (challenge && onVerifyPath) {
    return (
      <SecondStepForm
        challenge={challenge}
        onSignedIn={afterSignIn}
        onRestart={() => {
          setChallenge(null);
          setRestarted(true);
          navigate({ pathname: '/sign-in', search: location.search }, { replace: true });
        }}
      />
    );
  }
  if (onVerifyPath && !finishing)
    return <Navigate to={{ pathname: '/sign-in', search: location.search }} replace />;

  if (status === 'authenticated' && !form.pending && !finishing && !passkey.pending && !app.active)
    return <Navigate to={destination} replace />;
  if (app.continuing && !app.error)
    return <p role="status">{t('oidc.continuing', { app: app.details!.client.name })}</p>;

  const notice = restarted
    ? t('mfa.code.restart')
    : linkProvider
      ? t('social.link.notice', { provider: linkProvider })
      : params.get('reason') === 'expired'
        ? t('session.expired')
        : state.notice
          ? t(noticeKeys[state.notice])
          : null;

  const onSubmit = form.onSubmit(
    async (data) => {
      const result = await signIn(
        String(data.get('email') ?? '').trim(),
        String(data.get('password') ?? ''),
      );
      if (result.challenge) {
        setRestarted(false);
        setChallenge(result.challenge);
        navigate(
          { pathname: VERIFY_PATH, search: location.search },
          { state: { challenge: result.challenge } },
        );
        return;
      }
      await afterSignIn(result.user);
    },
    {
      validate: (data) => ({
        email: checkEmail(String(data.get('email') ?? '')),
        password: checkRequired(String(data.get('password') ?? ''), 'field.password.required'),
      }),
      onError: (error) => {
        if (
          error instanceof ApiError &&
          (error.code === 'INVALID_CREDENTIALS' || error.code === 'EMAIL_NOT_VERIFIED')
        ) {
          // Same copy whichever half was wrong; both fields marked, only the password cleared.
          if (passwordRef.current) passwordRef.current.value = '';
          const text = t(
            error.code === 'INVALID_CREDENTIALS'
              ? 'signIn.error.credentials'
              : 'signIn.error.unverified',
          );
          form.showErrors({ email: text, password: text });
          return true;
        }
        if (passwordRef.current) passwordRef.current.value = '';
        return false;
      },
    },
  );

  const email = form.field('email');
  const password = form.field('password');
  const credentialsError = email.error && email.error === password.error;

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {app.details && <p>{t('oidc.signInTo', { app: app.details.client.name })}</p>}
      {app.error ? <p role="alert">{errorText(app.error)}</p> : null}
      <StatusRegion message={notice ? { text: notice, tone: 'info', n: 0 } : null} />
      {linkProvider && <p>{t('social.link.intro', { provider: linkProvider })}</p>}
      {social?.kind === 'error' && <p role="alert">{social.text}</p>}
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={email.id}
          name="email"
          type="email"
          label={t('field.email.label')}
          autoComplete="username webauthn"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={state.email}
          error={email.error}
        />
        <PasswordInput
          ref={passwordRef}
          id={password.id}
          name="password"
          label={t('field.password.label')}
          autoComplete="current-password"
          error={credentialsError ? undefined : password.error}
          sharedErrorId={credentialsError ? `${email.id}-error` : undefined}
          after={
            <p className="field__after">
              <Link to="/forgot-password" state={{ email: state.email }}>
                {t('signIn.forgot')}
              </Link>
            </p>
          }
        />
        <SubmitButton
          label={t('signIn.submit')}
          pendingLabel={t('signIn.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      {passkey.supported && (
        <div className="passkey-sign-in">
          <p className="divider" aria-hidden="true">
            {t('signIn.or')}
          </p>
          {passkey.error ? <p role="alert">{passkey.error}</p> : null}
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={passkey.signInWithButton}
            aria-disabled={passkey.pending || undefined}
          >
            {passkey.pending ? t('signIn.passkey.pending') : t('signIn.passkey')}
          </button>
        </div>
      )}
      {!app.active && (
        <SocialButtons
          providers={providers.data ?? []}
          returnTo={params.get('returnTo') ? destination : null}
        />
      )}
      <p className="actions">
        <Link
          className="button button--secondary"
          to={`/sign-in/email${params.get('returnTo') ? `?returnTo=${encodeURIComponent(destination)}` : ''}`}
          state={{ email: state.email }}
        >
          {t('emailSignIn.link')}
        </Link>
      </p>
      <p className="card__footer">
        {t('signIn.newHere')} <Link to="/register">{t('signIn.createAccount')}</Link>
      </p>
    </>
  );
}
