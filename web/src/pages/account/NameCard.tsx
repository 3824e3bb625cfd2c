import { useState } from 'react';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkName } from '../../lib/validation';

const fields = { name: 'profile-name' } as const;

export function NameCard({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { updateUser } = useAuth();
  const form = useForm(fields);
  const [value, setValue] = useState(user.name);
  const dirty = value.trim() !== user.name;

  const onSubmit = form.onSubmit(
    async (data) => {
      const name = str(data, 'name').trim();
      if (name === user.name) return;
      const updated = await usersApi.update(user.id, { name });
      updateUser(updated);
      setValue(updated.name);
      onSaved();
    },
    { validate: (data) => ({ name: checkName(str(data, 'name')) }) },
  );

  const name = form.field('name');
  return (
    <section className="card panel">
      <h2 id="name-title" className="panel__title">
        {t('profile.name.title')}
      </h2>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={name.id}
          name="name"
          label={t('field.name.label')}
          autoComplete="name"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={name.error}
        />
        <div className="actions">
          <SubmitButton
            label={t('profile.name.save')}
            pendingLabel={t('profile.saving')}
            pending={form.pending}
            blocked={form.rateLimited || !dirty}
          />
          {dirty && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setValue(user.name);
                form.clearErrors();
              }}
            >
              {t('dialog.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
