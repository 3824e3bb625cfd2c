import type { language as source } from '../en/language';

/** Arabic: the language choice (footer select and profile setting). */
export const language: Record<keyof typeof source, string> = {
  'language.label': 'اللغة',
  'language.profile.title': 'اللغة',
  'language.profile.intro':
    'تستخدم الصفحات ورسائل البريد الإلكتروني هذه اللغة على كل جهاز تسجّل الدخول منه.',
  'language.profile.save': 'حفظ اللغة',
  'language.profile.saved': 'تم حفظ اللغة.',
};
