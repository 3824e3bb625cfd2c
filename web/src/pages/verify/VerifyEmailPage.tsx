import { useState } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/context';
import type { SignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { forgetToken, useTokenFromUrl } from './tokenFromUrl';
import { VerifyInvalid } from './VerifyInvalid';

const STORAGE_KEY = 'gatehouse-verify-token';
const noFields = {} as const;

type Outcome = 'ready' | 'done' | 'invalid';

/**
 * The link from the email. It never spends the token on load (mail scanners open links):
 * the user presses the button.
 */
export function VerifyEmailPage() {
  const token = useTokenFromUrl(STORAGE_KEY);
  const { status, user, reloadUser } = useAuth();
  const form = useForm(noFields);
  const [outcome, setOutcome] = useState<Outcome>(token ? 'ready' : 'invalid');
  const title =
    outcome === 'done'
      ? t('verify.done.title')
      : outcome === 'invalid'
        ? t('verify.invalid.title')
        : t('verify.landing.title');
  usePageTitle(title);

  const onSubmit = form.onSubmit(
    async () => {
      if (!token) return;
      await authApi.verifyEmail(token);
      forgetToken(STORAGE_KEY);
      setOutcome('done');
      if (status === 'authenticated') await reloadUser().catch(() => null);
    },
    {
      onError: (error) => {
        if (
          error instanceof ApiError &&
          (error.code === 'INVALID_TOKEN' || 'token' in error.errors)
        ) {
          forgetToken(STORAGE_KEY);
          setOutcome('invalid');
          return true;
        }
        return false;
      },
    },
  );

  if (outcome === 'invalid') return <VerifyInvalid hadToken={Boolean(token)} />;

  if (outcome === 'done') {
    const signedIn = status === 'authenticated';
    return (
      <>
        <PageHeading key="done">{t('verify.done.title')}</PageHeading>
        <p>{t('verify.done.body')}</p>
        <p className="actions">
          <Link
            className="button button--primary"
            to={signedIn ? '/account' : '/sign-in'}
            state={
              signedIn
                ? undefined
                : ({ notice: 'verified', email: user?.email } satisfies SignInState)
            }
          >
            {t('verify.done.continue')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('verify.landing.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('verify.landing.body')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <SubmitButton
          label={t('verify.landing.button')}
          pendingLabel={t('verify.landing.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
    </>
  );
}
