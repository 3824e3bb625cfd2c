import type { oidc as source } from '../en/oidc';
/** German: signing in to other applications through Gatehouse (OpenID Connect). */
export const oidc: Record<keyof typeof source, string> = {
  'oidc.signInTo': 'Melden Sie sich an, um mit {app} fortzufahren.',
  'oidc.continuing': 'Weiter zu {app}…',
  'oidc.consent.title': 'Zugriff erlauben',
  'oidc.consent.heading': '{app} erlauben, Ihr Gatehouse-Konto zu verwenden?',
  'oidc.consent.intro': '{app} bittet um Folgendes:',
  'oidc.consent.allow': 'Erlauben',
  'oidc.consent.allowing': 'Wird erlaubt…',
  'oidc.consent.deny': 'Ablehnen',
  'oidc.scope.openid': 'Die Kennung Ihres Gatehouse-Kontos',
  'oidc.scope.profile': 'Ihr Name',
  'oidc.scope.email': 'Ihre E-Mail-Adresse',
  'oidc.scope.roles': 'Ihre Rolle in Gatehouse',
  'oidc.scope.offline_access': 'Zugriff, auch während Sie die App nicht nutzen',
  'oidc.apps.title': 'Verbundene Apps',
  'oidc.apps.intro': 'Anwendungen, denen Sie die Nutzung Ihres Kontos erlaubt haben.',
  'oidc.apps.none': 'Keine Anwendung hat Zugriff auf Ihr Konto.',
  'oidc.apps.granted': 'Erlaubt am {date}',
  'oidc.apps.revoke': 'Widerrufen',
  'oidc.apps.revokeLabel': 'Zugriff von {app} widerrufen',
  'oidc.apps.revoked': 'Zugriff von {app} widerrufen.',
  'oidc.apps.revoke.title': 'Zugriff von {app} widerrufen?',
  'oidc.apps.revoke.body':
    'Die App wird sofort abgemeldet und kann Ihr Konto nicht mehr verwenden. Wenn Sie sich später wieder dort anmelden, fragt sie Sie erneut.',
  'oidc.apps.revoke.confirm': 'Zugriff widerrufen',
  'oidc.apps.revoking': 'Wird widerrufen…',
};
