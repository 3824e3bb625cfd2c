import { LanguageSelect } from '../components/LanguageSelect';
import { ThemeSwitcher } from '../components/ThemeSwitcher';
import { t } from '../i18n';

export function SiteFooter() {
  return (
    <footer className="site-footer" aria-label={t('app.footer.label')}>
      <LanguageSelect />
      <ThemeSwitcher />
    </footer>
  );
}
