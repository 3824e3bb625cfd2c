import { isMessageKey, t } from '../i18n';

/** What a scope an application asks for means, in words (the scope itself when unknown). */
export function scopeText(scope: string): string {
  const key = `oidc.scope.${scope}`;
  return isMessageKey(key) ? t(key) : scope;
}
