import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/context';
import type { SignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { PasswordInput } from '../../components/PasswordInput';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkNewPassword } from '../../lib/validation';
import { forgetToken, useTokenFromUrl } from '../verify/tokenFromUrl';

const STORAGE_KEY = 'gatehouse-reset-token';
const fields = { password: 'password' } as const;

export function ResetPasswordPage() {
  const token = useTokenFromUrl(STORAGE_KEY);
  const navigate = useNavigate();
  const { status, forget } = useAuth();
  const form = useForm(fields);
  const [invalid, setInvalid] = useState(!token);
  usePageTitle(invalid ? t('reset.invalid.title') : t('reset.title'));

  const onSubmit = form.onSubmit(
    async (data) => {
      if (!token) return;
      await authApi.resetPassword(token, str(data, 'password'));
      forgetToken(STORAGE_KEY);
      navigate('/sign-in', {
        replace: true,
        state: { notice: 'passwordReset' } satisfies SignInState,
      });
      // Every session of the account just ended server-side, this tab's included.
      if (status === 'authenticated') forget();
    },
    {
      validate: (data) => ({ password: checkNewPassword(str(data, 'password')) }),
      onError: (error) => {
        if (
          error instanceof ApiError &&
          (error.code === 'INVALID_TOKEN' || 'token' in error.errors)
        ) {
          forgetToken(STORAGE_KEY);
          setInvalid(true);
          return true;
        }
        return false;
      },
    },
  );

  if (invalid) {
    return (
      <>
        <PageHeading key="invalid">{t('reset.invalid.title')}</PageHeading>
        <p>{token ? t('reset.invalid.body') : t('reset.invalid.missing')}</p>
        <p className="actions">
          <Link className="button button--primary" to="/forgot-password">
            {t('reset.invalid.again')}
          </Link>
        </p>
      </>
    );
  }

  const password = form.field('password');
  return (
    <>
      <PageHeading>{t('reset.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('reset.intro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <PasswordInput
          id={password.id}
          name="password"
          label={t('field.newPassword.label')}
          hint={t('password.hint')}
          autoComplete="new-password"
          error={password.error}
        />
        <SubmitButton
          label={t('reset.submit')}
          pendingLabel={t('reset.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
    </>
  );
}
