import { t, useLocale } from '../i18n';
import { en } from '../i18n/catalog';
import { LOCALES, LOCALE_NAMES, isLocale } from '../i18n/locales';
import { useChooseLocale } from '../i18n/useChooseLocale';

/**
 * The footer's "Language" select (ux.md §7): each language named in itself; its label is also
 * in English while another language is shown ("Sprache · Language").
 */
export function LanguageSelect() {
  const locale = useLocale();
  const choose = useChooseLocale();
  return (
    <div className="language-select">
      <label htmlFor="language-select" className="language-select__label">
        {t('language.label')}
        {/* Also in English, for whoever cannot read the language shown (agreed label "Language"). */}
        {locale !== 'en' && <span lang="en"> · {en['language.label']}</span>}
      </label>
      <select
        id="language-select"
        className="select"
        value={locale}
        onChange={(event) => {
          const value = event.target.value;
          // Saving to the account can fail (offline): the page has switched all the same.
          if (isLocale(value)) choose(value).catch(() => undefined);
        }}
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LOCALE_NAMES[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
