import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { usersApi } from '../../api/users';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasswordInput } from '../../components/PasswordInput';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkNewPassword, checkRequired } from '../../lib/validation';

const fields = { current_password: 'current-password', password: 'new-password' } as const;

interface Props {
  email: string;
  userId: number;
  onChanged: () => void;
}

export function ChangePasswordCard({ email, userId, onChanged }: Props) {
  const form = useForm(fields);

  const onSubmit = form.onSubmit(
    async (data, element) => {
      await usersApi.update(userId, {
        current_password: str(data, 'current_password'),
        password: str(data, 'password'),
      });
      element.reset();
      onChanged();
    },
    {
      validate: (data) => {
        const current = str(data, 'current_password');
        const next = str(data, 'password');
        return {
          current_password: checkRequired(current, 'field.currentPassword.required'),
          password:
            checkNewPassword(next) ?? (current && next === current ? 'password.same' : null),
        };
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CURRENT_PASSWORD_INVALID') {
          form.showErrors({ current_password: t('error.currentPassword') });
          return true;
        }
        return false;
      },
    },
  );

  const current = form.field('current_password');
  const next = form.field('password');
  return (
    <section className="card panel">
      <h2 id="password-title" className="panel__title">
        {t('password.section')}
      </h2>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        {/* Lets password managers pair the new password with the right account. */}
        <div className="field">
          <label htmlFor="password-username" className="field__label">
            {t('password.accountEmail')}
          </label>
          <input
            id="password-username"
            name="username"
            type="email"
            className="input input--readonly"
            autoComplete="username"
            spellCheck={false}
            value={email}
            readOnly
          />
        </div>
        <PasswordInput
          id={current.id}
          name="current_password"
          label={t('field.currentPassword.label')}
          autoComplete="current-password"
          error={current.error}
          after={
            <p className="field__after">
              {t('password.forgot')} <Link to="/forgot-password">{t('password.forgotLink')}</Link>
            </p>
          }
        />
        <PasswordInput
          id={next.id}
          name="password"
          label={t('field.newPassword.label')}
          hint={t('password.hint')}
          autoComplete="new-password"
          error={next.error}
        />
        <p className="muted">{t('password.signsOutOthers')}</p>
        <SubmitButton
          label={t('password.submit')}
          pendingLabel={t('password.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
    </section>
  );
}
