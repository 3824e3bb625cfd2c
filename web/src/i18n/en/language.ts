/** The language choice: the footer select (ux.md §7) and the profile setting. */
export const language = {
  'language.label': 'Language',
  'language.profile.title': 'Language',
  'language.profile.intro': 'Pages and emails use this language on every device where you sign in.',
  'language.profile.save': 'Save language',
  'language.profile.saved': 'Language saved.',
} as const;
