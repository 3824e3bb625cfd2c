import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/context';
import type { SignInState } from '../../auth/notices';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PasswordInput } from '../../components/PasswordInput';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';

const fields = { current_password: 'delete-current-password', confirm: 'delete-confirm' } as const;

interface Props {
  open: boolean;
  onClose: () => void;
  userId: number;
  onDownload: () => void;
  preparing: boolean;
}

export function phraseMatches(typed: string, phrase: string): boolean {
  return typed.trim().toLowerCase() === phrase.toLowerCase();
}

export function DeleteAccountDialog({ open, onClose, userId, onDownload, preparing }: Props) {
  const { forget } = useAuth();
  const navigate = useNavigate();
  const form = useForm(fields);
  const [typed, setTyped] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const matches = phraseMatches(typed, t('delete.confirmPhrase'));

  const close = () => {
    if (form.pending) return;
    setTyped('');
    form.clearErrors();
    onClose();
  };

  const onSubmit = form.onSubmit(
    async (data) => {
      if (!matches) return;
      await usersApi.remove(userId, str(data, 'current_password'));
      navigate('/sign-in', {
        replace: true,
        state: { notice: 'accountDeleted' } satisfies SignInState,
      });
      forget();
    },
    {
      validate: (data) => ({
        current_password: checkRequired(
          str(data, 'current_password'),
          'field.currentPassword.required',
        ),
      }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CURRENT_PASSWORD_INVALID') {
          form.showErrors({ current_password: t('error.currentPassword') });
          return true;
        }
        if (error instanceof ApiError && error.code === 'LAST_ADMIN') {
          form.showErrors({}, t('error.lastAdminSelf'));
          return true;
        }
        return false;
      },
    },
  );

  const current = form.field('current_password');
  const confirm = form.field('confirm');
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('delete.dialog.title')}
      alert
      initialFocus={cancelRef}
      busy={form.pending}
    >
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <ul className="bullets">
        <li>{t('delete.dialog.item1')}</li>
        <li>{t('delete.dialog.item2')}</li>
        <li>{t('delete.dialog.item3')}</li>
      </ul>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={onDownload}
          aria-disabled={preparing || undefined}
        >
          {preparing ? t('data.preparing') : t('delete.dialog.download')}
        </button>
      </p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <PasswordInput
          id={current.id}
          name="current_password"
          label={t('field.currentPassword.label')}
          autoComplete="current-password"
          error={current.error}
        />
        <Field
          id={confirm.id}
          name="confirm"
          label={t('delete.confirmLabel')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={confirm.error}
        />
        <div className="actions dialog__actions">
          <SubmitButton
            label={t('delete.confirm')}
            pendingLabel={t('delete.pending')}
            pending={form.pending}
            blocked={!matches || form.rateLimited}
            variant="danger"
          />
          <button
            ref={cancelRef}
            type="button"
            className="button button--secondary"
            onClick={close}
          >
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
