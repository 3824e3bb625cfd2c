import type { oidc as source } from '../en/oidc';

/** Arabic: STUB for development (English where untranslated); i18n-translate's file replaces it. */
export const oidc: Record<keyof typeof source, string> = {
  'oidc.signInTo': 'Sign in to continue to {app}.',
  'oidc.continuing': 'Continuing to {app}…',
  'oidc.consent.title': 'Allow access',
  'oidc.consent.heading': 'Allow {app} to use your Gatehouse account?',
  'oidc.consent.intro': '{app} asks for:',
  'oidc.consent.allow': 'Allow',
  'oidc.consent.allowing': 'Allowing…',
  'oidc.consent.deny': 'Deny',
  'oidc.scope.openid': 'Your Gatehouse account identifier',
  'oidc.scope.profile': 'Your name',
  'oidc.scope.email': 'Your email address',
  'oidc.scope.roles': 'Your role in Gatehouse',
  'oidc.scope.offline_access': 'Access while you are not using it',
  'oidc.apps.title': 'Connected apps',
  'oidc.apps.intro': 'Applications you allowed to use your account.',
  'oidc.apps.none': 'No application has access to your account.',
  'oidc.apps.granted': 'Allowed {date}',
  'oidc.apps.revoke': 'Revoke',
  'oidc.apps.revokeLabel': 'Revoke access of {app}',
  'oidc.apps.revoked': 'Access of {app} revoked.',
  'oidc.apps.revoke.title': 'Revoke access of {app}?',
  'oidc.apps.revoke.body':
    'The app is signed out at once and can no longer use your account. It will ask you again if you sign in to it later.',
  'oidc.apps.revoke.confirm': 'Revoke access',
  'oidc.apps.revoking': 'Revoking…',
};
