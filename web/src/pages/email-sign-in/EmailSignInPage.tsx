import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { mfaApi } from '../../api/mfa';
import type { MfaChallenge, User } from '../../api/types';
import { useAuth } from '../../auth/context';
import { readSignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { str } from '../../lib/formData';
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from '../../lib/returnTo';
import { checkEmail } from '../../lib/validation';
import { SecondStepForm } from '../sign-in/SecondStepForm';
import { forgetToken, useTokenFromUrl } from '../verify/tokenFromUrl';

const STORAGE_KEY = 'gatehouse-email-sign-in-token';
const emailFields = { email: 'email' } as const;
const codeFields = { code: 'email-code' } as const;
const noFields = {} as const;

const isInvalid = (error: unknown) =>
  error instanceof ApiError && error.code === 'SIGN_IN_CODE_INVALID';

/**
 * Sign-in without a password. Without a token: ask the address, then the code from the mail.
 * With the link's `?token=`: a button spends it (never on load: mail scanners open links).
 */
export function EmailSignInPage() {
  const token = useTokenFromUrl(STORAGE_KEY);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const destination = safeReturnTo(params.get('returnTo')) ?? DEFAULT_AFTER_SIGN_IN;
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [useLink, setUseLink] = useState(Boolean(token));

  /**
   * Where a signed-in person goes: an admin who must set up a second factor goes there first (as
   * from the password sign-in), someone without a name (email sign-up) gives one first.
   */
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
  const onResult = (
    result: { user: User; challenge?: undefined } | { challenge: MfaChallenge },
  ) => {
    if (result.challenge) setChallenge(result.challenge);
    else void afterSignIn(result.user);
  };

  if (challenge) {
    return (
      <SecondStepForm
        challenge={challenge}
        onSignedIn={afterSignIn}
        onRestart={() => {
          setChallenge(null);
          setUseLink(false);
        }}
      />
    );
  }
  if (useLink && token)
    return <LinkLanding token={token} onResult={onResult} onInvalid={() => setUseLink(false)} />;
  return <RequestAndCode onResult={onResult} linkFailed={Boolean(token)} />;
}

type OnResult = (
  result: { user: User; challenge?: undefined } | { challenge: MfaChallenge },
) => void;

function LinkLanding({
  token,
  onResult,
  onInvalid,
}: {
  token: string;
  onResult: OnResult;
  onInvalid: () => void;
}) {
  const { signInWithEmail } = useAuth();
  const form = useForm(noFields);
  usePageTitle(t('emailSignIn.landing.title'));
  const onSubmit = form.onSubmit(
    async () => {
      const result = await signInWithEmail({ token });
      forgetToken(STORAGE_KEY);
      onResult(result);
    },
    {
      onError: (error) => {
        if (!isInvalid(error)) return false;
        forgetToken(STORAGE_KEY);
        onInvalid();
        return true;
      },
    },
  );
  return (
    <>
      <PageHeading>{t('emailSignIn.landing.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('emailSignIn.landing.body')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <SubmitButton
          label={t('emailSignIn.landing.button')}
          pendingLabel={t('signIn.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
    </>
  );
}

function RequestAndCode({ onResult, linkFailed }: { onResult: OnResult; linkFailed: boolean }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  return sentTo ? (
    <CodeStep email={sentTo} onResult={onResult} back={() => setSentTo(null)} />
  ) : (
    <AskEmail onSent={setSentTo} linkFailed={linkFailed} />
  );
}

function AskEmail({
  onSent,
  linkFailed,
}: {
  onSent: (email: string) => void;
  linkFailed: boolean;
}) {
  const location = useLocation();
  const form = useForm(emailFields);
  usePageTitle(t('emailSignIn.title'));
  const onSubmit = form.onSubmit(
    async (data) => {
      const email = str(data, 'email').trim();
      // Always 200 whether or not the account exists.
      await authApi.emailSignIn(email);
      onSent(email);
    },
    { validate: (data) => ({ email: checkEmail(str(data, 'email')) }) },
  );
  const email = form.field('email');
  return (
    <>
      <PageHeading>{t('emailSignIn.title')}</PageHeading>
      <StatusRegion
        message={linkFailed ? { text: t('emailSignIn.linkInvalid'), tone: 'info', n: 0 } : null}
      />
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('emailSignIn.intro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={email.id}
          name="email"
          type="email"
          label={t('field.email.label')}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={readSignInState(location.state).email}
          error={email.error}
        />
        <SubmitButton
          label={t('emailSignIn.submit')}
          pendingLabel={t('emailSignIn.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      <p className="card__footer">
        <Link to="/sign-in">{t('emailSignIn.usePassword')}</Link>
      </p>
    </>
  );
}

function CodeStep({
  email,
  onResult,
  back,
}: {
  email: string;
  onResult: OnResult;
  back: () => void;
}) {
  const { signInWithEmail } = useAuth();
  const form = useForm(codeFields);
  usePageTitle(t('emailSignIn.sent.title'));
  const onSubmit = form.onSubmit(
    async (data, element) => {
      const code = str(data, 'code').replace(/\s/g, '');
      try {
        onResult(await signInWithEmail({ email, code }));
      } catch (error) {
        element.reset();
        throw error;
      }
    },
    {
      validate: (data) => ({
        code: /^[0-9]{6}$/.test(str(data, 'code').replace(/\s/g, ''))
          ? null
          : 'emailSignIn.code.format',
      }),
      onError: (error) => {
        if (!isInvalid(error)) return false;
        form.showErrors({ code: t('emailSignIn.code.invalid') });
        return true;
      },
    },
  );
  const code = form.field('code');
  return (
    <>
      <PageHeading>{t('emailSignIn.sent.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>
        <T
          k="emailSignIn.sent.body"
          values={{ email: <strong className="break">{email}</strong> }}
        />
      </p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={code.id}
          name="code"
          label={t('emailSignIn.code.label')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          spellCheck={false}
          error={code.error}
        />
        <SubmitButton
          label={t('emailSignIn.code.submit')}
          pendingLabel={t('signIn.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      <p className="muted">{t('emailSignIn.sent.help')}</p>
      <p className="card__footer">
        <button type="button" className="link-button" onClick={back}>
          {t('emailSignIn.sent.again')}
        </button>
      </p>
    </>
  );
}
