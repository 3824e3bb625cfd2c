import type { language as source } from '../en/language';

/** German: the language choice (footer select and profile setting). */
export const language: Record<keyof typeof source, string> = {
  'language.label': 'Sprache',
  'language.profile.title': 'Sprache',
  'language.profile.intro':
    'Seiten und E-Mails verwenden diese Sprache auf jedem Gerät, auf dem Sie sich anmelden.',
  'language.profile.save': 'Sprache speichern',
  'language.profile.saved': 'Sprache gespeichert.',
};
