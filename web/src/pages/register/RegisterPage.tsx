import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/context';
import type { SignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { PasswordInput } from '../../components/PasswordInput';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkEmail, checkName, checkNewPassword } from '../../lib/validation';

const fields = { name: 'name', email: 'email', password: 'password' } as const;

export function RegisterPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const form = useForm(fields);
  const [emailTaken, setEmailTaken] = useState(false);
  usePageTitle(t('register.title'));

  const onSubmit = form.onSubmit(
    async (data) => {
      setEmailTaken(false);
      const email = str(data, 'email').trim();
      const password = str(data, 'password');
      await authApi.register({ name: str(data, 'name').trim(), email, password });
      // No tokens on 201: sign in with the credentials still in memory so "resend" works.
      try {
        await signIn(email, password);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') {
          // This server wants the address confirmed before the first sign-in.
          navigate('/verify-email/pending', {
            replace: true,
            state: { email } satisfies SignInState,
          });
        } else {
          navigate('/sign-in', {
            state: { notice: 'accountCreated', email } satisfies SignInState,
          });
        }
        return;
      }
      navigate('/verify-email/pending', { replace: true });
    },
    {
      validate: (data) => ({
        name: checkName(str(data, 'name')),
        email: checkEmail(str(data, 'email')),
        password: checkNewPassword(str(data, 'password'), 'field.newPassword.required'),
      }),
      onError: (error) => {
        setEmailTaken(error instanceof ApiError && error.code === 'EMAIL_TAKEN');
        return false;
      },
    },
  );

  const name = form.field('name');
  const email = form.field('email');
  const password = form.field('password');

  return (
    <>
      <PageHeading>{t('register.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={name.id}
          name="name"
          label={t('field.name.label')}
          hint={t('register.name.hint')}
          autoComplete="name"
          error={name.error}
        />
        <Field
          id={email.id}
          name="email"
          type="email"
          label={t('field.email.label')}
          hint={t('register.email.hint')}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          error={email.error}
          after={
            emailTaken && email.error ? (
              <p className="field__after">
                <Link to="/sign-in">{t('register.signIn')}</Link>
                <span aria-hidden="true"> · </span>
                <Link to="/forgot-password">{t('register.resetPassword')}</Link>
              </p>
            ) : null
          }
        />
        <PasswordInput
          id={password.id}
          name="password"
          label={t('field.password.label')}
          hint={t('password.hint')}
          autoComplete="new-password"
          error={password.error}
        />
        <SubmitButton
          label={t('register.submit')}
          pendingLabel={t('register.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      <p className="card__footer">
        {t('register.haveAccount')} <Link to="/sign-in">{t('register.signIn')}</Link>
      </p>
    </>
  );
}
