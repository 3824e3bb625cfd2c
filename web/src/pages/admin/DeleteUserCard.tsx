import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t } from '../../i18n';
import { phraseMatches } from '../account/DeleteAccountDialog';

const fields = { confirm: 'delete-user-confirm' } as const;

export function DeleteUserCard({
  user,
  isSelf,
  listUrl,
}: {
  user: User;
  isSelf: boolean;
  listUrl: string;
}) {
  const navigate = useNavigate();
  const form = useForm(fields);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const matches = phraseMatches(typed, user.email);

  const close = () => {
    if (form.pending) return;
    setOpen(false);
    setTyped('');
    form.clearErrors();
  };

  const onSubmit = form.onSubmit(async () => {
    if (!matches) return;
    await usersApi.remove(user.id);
    navigate(listUrl, { replace: true, state: { status: 'userDeleted' } });
  });

  const confirm = form.field('confirm');
  return (
    <section className="card panel panel--danger">
      <h2 id="delete-user-title" className="panel__title">
        {t('admin.delete.title')}
      </h2>
      {isSelf ? (
        <p>{t('admin.delete.self')}</p>
      ) : (
        <>
          <p>{t('admin.delete.body')}</p>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => setOpen(true)}
          >
            {t('admin.delete.open')}
          </button>
        </>
      )}
      <Dialog
        open={open}
        onClose={close}
        title={t('admin.delete.dialog.title', { email: user.email })}
        alert
        initialFocus={cancelRef}
        busy={form.pending}
      >
        <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
        <p>{t('admin.delete.dialog.body')}</p>
        <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
          <Field
            id={confirm.id}
            name="confirm"
            label={t('admin.delete.confirmLabel', { email: user.email })}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={confirm.error}
          />
          <div className="actions dialog__actions">
            <SubmitButton
              label={t('admin.delete.confirm')}
              pendingLabel={t('admin.delete.pending')}
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
    </section>
  );
}
