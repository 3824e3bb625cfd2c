import type { language as source } from '../en/language';

/** Spanish: the language choice (footer select and profile setting). */
export const language: Record<keyof typeof source, string> = {
  'language.label': 'Idioma',
  'language.profile.title': 'Idioma',
  'language.profile.intro':
    'Las páginas y los correos usan este idioma en todos los dispositivos donde inicies sesión.',
  'language.profile.save': 'Guardar idioma',
  'language.profile.saved': 'Idioma guardado.',
};
