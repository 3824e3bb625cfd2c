import type { ReactNode } from 'react';
import type { NewApplication } from '../../api/clients';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, FieldFrame, describedBy, fieldIds } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t, type MessageKey } from '../../i18n';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';

/** The redirect URIs typed one per line (blank lines ignored). */
export function redirectLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function checkRedirects(text: string): MessageKey | null {
  const lines = redirectLines(text);
  if (lines.length === 0) return 'admin.apps.field.redirects.required';
  return lines.every((line) => URL.canParse(line)) ? null : 'admin.apps.field.redirects.invalid';
}

function Checkbox({
  id,
  name,
  label,
  hint,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultChecked: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field check">
      <input
        id={id}
        name={name}
        type="checkbox"
        className="check__input"
        defaultChecked={defaultChecked}
        aria-describedby={hintId}
      />
      <label htmlFor={id} className="check__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint check__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface Props {
  /** Prefix of the field ids (two forms may be on one page). */
  idPrefix: string;
  initial?: Partial<Pick<NewApplication, 'name' | 'redirect_uris' | 'public' | 'first_party'>>;
  /** Creation only: public or confidential is fixed once registered. */
  askPublic: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: NewApplication) => Promise<void>;
  children?: ReactNode;
}

/** Name, redirect URIs and the flags of an application: the fields of "register" and "edit". */
export function ApplicationForm({
  idPrefix,
  initial,
  askPublic,
  submitLabel,
  pendingLabel,
  onSubmit,
  children,
}: Props) {
  const form = useForm({
    name: `${idPrefix}-name`,
    redirect_uris: `${idPrefix}-redirects`,
    metadata: `${idPrefix}-redirects`,
  });
  const submit = form.onSubmit(
    async (data, element) => {
      await onSubmit({
        name: str(data, 'name').trim(),
        redirect_uris: redirectLines(str(data, 'redirect_uris')),
        public: data.get('public') === 'on',
        first_party: data.get('first_party') === 'on',
      });
      if (!initial) element.reset();
    },
    {
      validate: (data) => ({
        name: checkRequired(str(data, 'name').trim(), 'admin.apps.field.name.required'),
        redirect_uris: checkRedirects(str(data, 'redirect_uris')),
      }),
    },
  );

  const name = form.field('name');
  const redirects = form.field('redirect_uris');
  const redirectError = redirects.error ?? form.field('metadata').error;
  const redirectHint = t('admin.apps.field.redirects.hint');
  const ids = fieldIds(redirects.id, redirectHint, redirectError);
  return (
    <>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={submit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={name.id}
          name="name"
          label={t('admin.apps.field.name')}
          hint={t('admin.apps.field.name.hint')}
          autoComplete="off"
          defaultValue={initial?.name}
          error={name.error}
        />
        <FieldFrame
          id={redirects.id}
          label={t('admin.apps.field.redirects')}
          hint={redirectHint}
          error={redirectError}
        >
          <textarea
            id={redirects.id}
            name="redirect_uris"
            className="input textarea"
            rows={3}
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={initial?.redirect_uris?.join('\n')}
            aria-invalid={ids.errorId ? true : undefined}
            aria-describedby={describedBy(ids.hintId, ids.errorId)}
          />
        </FieldFrame>
        {askPublic && (
          <Checkbox
            id={`${idPrefix}-public`}
            name="public"
            label={t('admin.apps.field.public')}
            hint={t('admin.apps.field.public.hint')}
            defaultChecked={initial?.public ?? false}
          />
        )}
        <Checkbox
          id={`${idPrefix}-first-party`}
          name="first_party"
          label={t('admin.apps.field.firstParty')}
          defaultChecked={initial?.first_party ?? false}
        />
        <div className="actions">
          <SubmitButton
            label={submitLabel}
            pendingLabel={pendingLabel}
            pending={form.pending}
            blocked={form.rateLimited}
          />
          {children}
        </div>
      </form>
    </>
  );
}
