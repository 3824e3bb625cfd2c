import { isMessageKey, t } from '../../i18n';

function roleTo(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const to = (details as Record<string, unknown>).to;
  if (to === 'admin') return t('role.admin');
  if (to === 'user') return t('role.user');
  return null;
}

/** "login.failed" → "Sign-in failed"; unknown types get a readable fallback from the type itself. */
export function eventLabel(type: string, details?: unknown): string {
  const normalized = type
    .trim()
    .toLowerCase()
    .replace(/[.\-\s:]+/g, '_');
  const role = normalized === 'role_changed' ? roleTo(details) : null;
  if (role) return t('audit.type.role_changed_to', { role });
  const key = `audit.type.${normalized}`;
  if (isMessageKey(key)) return t(key);
  const words = normalized.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
