import { useEffect, useState } from 'react';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { setLocale, t, useLocale } from '../../i18n';
import { LOCALES, LOCALE_NAMES, isLocale, type Locale } from '../../i18n/locales';

const fields = { locale: 'language-en' } as const;

/**
 * The account's language (`locale`): pages on every device where the person signs in, and the
 * mails sent to them. A radio group, so that the footer's select stays the one "Language" field
 * (one control with that label on the page).
 */
export function LanguageCard({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { updateUser } = useAuth();
  const shown = useLocale();
  const form = useForm(fields);
  const [value, setValue] = useState<Locale>(user.locale ?? shown);
  const dirty = value !== user.locale;
  // The footer's select saves too: follow it.
  useEffect(() => {
    if (user.locale) setValue(user.locale);
  }, [user.locale]);

  const onSubmit = form.onSubmit(async () => {
    if (!dirty) return;
    const updated = await usersApi.updateMe({ locale: value });
    updateUser(updated);
    await setLocale(value, { remember: true });
    onSaved();
  });

  return (
    <section className="card panel">
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form
        noValidate
        onSubmit={onSubmit}
        aria-busy={form.pending || undefined}
        className="form form--flush"
      >
        <fieldset className="choice-group">
          {/* The card's heading is the group's legend (the GOV.UK pattern). */}
          <legend>
            <h2 className="panel__title">{t('language.profile.title')}</h2>
          </legend>
          <p className="muted">{t('language.profile.intro')}</p>
          {LOCALES.map((locale) => (
            <div key={locale} className="choice">
              <input
                id={`language-${locale}`}
                className="radio"
                type="radio"
                name="locale"
                value={locale}
                checked={value === locale}
                onChange={(event) => {
                  if (isLocale(event.target.value)) setValue(event.target.value);
                }}
              />
              <label htmlFor={`language-${locale}`} lang={locale}>
                {LOCALE_NAMES[locale]}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <SubmitButton
            label={t('language.profile.save')}
            pendingLabel={t('profile.saving')}
            pending={form.pending}
            blocked={form.rateLimited || !dirty}
          />
        </div>
      </form>
    </section>
  );
}
