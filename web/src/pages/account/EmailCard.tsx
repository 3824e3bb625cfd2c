import { useRef, useState } from 'react';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/context';
import { Badge } from '../../components/Badge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PasswordInput } from '../../components/PasswordInput';
import type { StatusMessage } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { str } from '../../lib/formData';
import { checkEmail, checkRequired } from '../../lib/validation';

const fields = { email: 'profile-email', current_password: 'profile-current-password' } as const;

interface Props {
  user: User;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

export function EmailCard({ user, announce }: Props) {
  const { updateUser } = useAuth();
  const form = useForm(fields);
  const [editing, setEditing] = useState(false);
  const [resending, setResending] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);

  const onSubmit = form.onSubmit(
    async (data) => {
      const email = str(data, 'email').trim();
      const updated = await usersApi.update(user.id, {
        email,
        current_password: str(data, 'current_password'),
      });
      updateUser(updated);
      setEditing(false);
      announce(t('profile.email.saved', { email: updated.email }));
    },
    {
      validate: (data) => {
        const email = str(data, 'email');
        const same = email.trim().toLowerCase() === user.email.toLowerCase();
        return {
          email: checkEmail(email) ?? (same ? 'profile.email.same' : null),
          current_password: checkRequired(
            str(data, 'current_password'),
            'field.currentPassword.required',
          ),
        };
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'EMAIL_TAKEN') {
          form.showErrors({ email: t('profile.email.taken') });
          return true;
        }
        if (error instanceof ApiError && error.code === 'CURRENT_PASSWORD_INVALID') {
          form.showErrors({ current_password: t('error.currentPassword') });
          return true;
        }
        return false;
      },
    },
  );

  const resend = async () => {
    if (resending) return;
    setResending(true);
    try {
      await authApi.resendVerification();
      announce(t('profile.email.resent', { email: user.email }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      setResending(false);
    }
  };

  const cancel = () => {
    setEditing(false);
    form.clearErrors();
    window.setTimeout(() => changeRef.current?.focus());
  };

  const email = form.field('email');
  const current = form.field('current_password');
  return (
    <section className="card panel">
      <h2 id="email-title" className="panel__title">
        {t('profile.email.title')}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('profile.email.current')}</dt>
          <dd className="break">
            <bdi>{user.email}</bdi>{' '}
            {user.email_verified ? (
              <Badge tone="success">{t('badge.verified')}</Badge>
            ) : (
              <Badge tone="warning">{t('badge.unverified')}</Badge>
            )}
          </dd>
        </div>
      </dl>
      {!editing && (
        <div className="actions">
          <button
            ref={changeRef}
            type="button"
            className="button button--secondary"
            onClick={() => setEditing(true)}
          >
            {t('profile.email.change')}
          </button>
          {!user.email_verified && (
            <button
              type="button"
              className="button button--ghost"
              onClick={resend}
              aria-disabled={resending || undefined}
            >
              {resending ? t('banner.verify.sending') : t('banner.verify.resend')}
            </button>
          )}
        </div>
      )}
      {editing && (
        <>
          <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
          <form
            noValidate
            onSubmit={onSubmit}
            aria-busy={form.pending || undefined}
            className="form"
          >
            <Field
              id={email.id}
              name="email"
              type="email"
              label={t('profile.email.new')}
              autoComplete="email"
              spellCheck={false}
              autoCapitalize="none"
              error={email.error}
              autoFocus
            />
            <PasswordInput
              id={current.id}
              name="current_password"
              label={t('field.currentPassword.label')}
              hint={t('profile.email.passwordHint')}
              autoComplete="current-password"
              error={current.error}
            />
            <div className="actions">
              <SubmitButton
                label={t('profile.email.save')}
                pendingLabel={t('profile.saving')}
                pending={form.pending}
                blocked={form.rateLimited}
              />
              <button type="button" className="button button--ghost" onClick={cancel}>
                {t('dialog.cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
