import type { NewWebhookEndpoint, WebhookEventType } from '../../api/webhooks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { t, type MessageKey } from '../../i18n';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';

/** The events the service sends today, in the order the form offers them. */
export const WEBHOOK_EVENT_CHOICES: readonly WebhookEventType[] = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.email_verified',
  'session.created',
  'session.revoked',
  'password.changed',
];

function checkUrl(value: string): MessageKey | null {
  if (!value) return 'admin.hooks.field.url.required';
  return /^https?:\/\//i.test(value) && URL.canParse(value)
    ? null
    : 'admin.hooks.field.url.invalid';
}

/** URL, description and event types of a new endpoint. */
export function WebhookForm({ onSubmit }: { onSubmit: (v: NewWebhookEndpoint) => Promise<void> }) {
  const form = useForm({
    url: 'new-hook-url',
    description: 'new-hook-description',
    event_types: `new-hook-event-${WEBHOOK_EVENT_CHOICES[0]}`,
  });
  const submit = form.onSubmit(
    async (data, element) => {
      await onSubmit({
        url: str(data, 'url').trim(),
        description: str(data, 'description').trim(),
        event_types: data.getAll('event_types') as WebhookEventType[],
      });
      element.reset();
    },
    {
      validate: (data) => ({
        url: checkUrl(str(data, 'url').trim()),
        description: null,
        event_types: checkRequired(
          data.getAll('event_types').length > 0 ? 'yes' : '',
          'admin.hooks.field.events.required',
        ),
      }),
    },
  );
  const url = form.field('url');
  const description = form.field('description');
  const events = form.field('event_types');
  const eventsErrorId = events.error ? 'new-hook-events-error' : undefined;
  return (
    <>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={submit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={url.id}
          name="url"
          type="url"
          label={t('admin.hooks.field.url')}
          hint={t('admin.hooks.field.url.hint')}
          autoComplete="off"
          error={url.error}
        />
        <Field
          id={description.id}
          name="description"
          label={t('admin.hooks.field.description')}
          hint={t('admin.hooks.field.description.hint')}
          autoComplete="off"
          error={description.error}
        />
        <fieldset
          className={events.error ? 'field field--error' : 'field'}
          aria-describedby={eventsErrorId}
        >
          <legend className="field__label">{t('admin.hooks.field.events')}</legend>
          {events.error && (
            <p id={eventsErrorId} className="field__error">
              {events.error}
            </p>
          )}
          {WEBHOOK_EVENT_CHOICES.map((type) => (
            <div className="check" key={type}>
              <input
                id={`new-hook-event-${type}`}
                name="event_types"
                type="checkbox"
                value={type}
                className="check__input"
              />
              <label htmlFor={`new-hook-event-${type}`} className="check__label">
                <code>{type}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <SubmitButton
            label={t('admin.hooks.new.submit')}
            pendingLabel={t('admin.hooks.new.pending')}
            pending={form.pending}
            blocked={form.rateLimited}
          />
        </div>
      </form>
    </>
  );
}
