import type { oidc as source } from '../en/oidc';
/** Spanish: signing in to other applications through Gatehouse (OpenID Connect). */
export const oidc: Record<keyof typeof source, string> = {
  'oidc.signInTo': 'Inicia sesión para continuar a {app}.',
  'oidc.continuing': 'Continuando a {app}…',
  'oidc.consent.title': 'Permitir acceso',
  'oidc.consent.heading': '¿Permitir que {app} use tu cuenta de Gatehouse?',
  'oidc.consent.intro': '{app} solicita:',
  'oidc.consent.allow': 'Permitir',
  'oidc.consent.allowing': 'Permitiendo…',
  'oidc.consent.deny': 'Denegar',
  'oidc.scope.openid': 'El identificador de tu cuenta de Gatehouse',
  'oidc.scope.profile': 'Tu nombre',
  'oidc.scope.email': 'Tu correo electrónico',
  'oidc.scope.roles': 'Tu rol en Gatehouse',
  'oidc.scope.offline_access': 'Acceso mientras no la estés usando',
  'oidc.apps.title': 'Aplicaciones conectadas',
  'oidc.apps.intro': 'Aplicaciones a las que has permitido usar tu cuenta.',
  'oidc.apps.none': 'Ninguna aplicación tiene acceso a tu cuenta.',
  'oidc.apps.granted': 'Permitida el {date}',
  'oidc.apps.revoke': 'Revocar',
  'oidc.apps.revokeLabel': 'Revocar el acceso de {app}',
  'oidc.apps.revoked': 'Acceso de {app} revocado.',
  'oidc.apps.revoke.title': '¿Revocar el acceso de {app}?',
  'oidc.apps.revoke.body':
    'La aplicación cierra sesión al instante y ya no puede usar tu cuenta. Te lo volverá a pedir si más adelante inicias sesión en ella.',
  'oidc.apps.revoke.confirm': 'Revocar acceso',
  'oidc.apps.revoking': 'Revocando…',
};
