import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { readSignInState } from '../../auth/notices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkEmail } from '../../lib/validation';
import { ForgotSent } from './ForgotSent';

const fields = { email: 'email' } as const;

export function ForgotPasswordPage() {
  const location = useLocation();
  const form = useForm(fields);
  const [sentTo, setSentTo] = useState<string | null>(null);
  usePageTitle(sentTo ? t('forgot.sent.title') : t('forgot.title'));

  const onSubmit = form.onSubmit(
    async (data) => {
      const email = str(data, 'email').trim();
      // Always 200 whether or not the account exists; only a real 200 shows "sent".
      await authApi.forgotPassword(email);
      setSentTo(email);
    },
    { validate: (data) => ({ email: checkEmail(str(data, 'email')) }) },
  );

  if (sentTo) return <ForgotSent email={sentTo} />;

  const email = form.field('email');
  return (
    <>
      <PageHeading>{t('forgot.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('forgot.intro')}</p>
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
          label={t('forgot.submit')}
          pendingLabel={t('forgot.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      <p className="card__footer">
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </>
  );
}
