import { ApiError } from '../api/errors';
import { t } from '../i18n';

/** Copy for an error that is not tied to a field. Known codes map to the catalog; else `message`. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  switch (error.code) {
    case 'NETWORK':
      return t('error.network');
    case 'SERVICE_UNAVAILABLE':
      return t('error.unavailable');
    case 'RATE_LIMITED':
      return error.retryAfter
        ? t('error.rateLimited', { seconds: error.retryAfter })
        : error.message || t('error.generic');
    case 'INVALID_CREDENTIALS':
      return t('signIn.error.credentials');
    case 'EMAIL_NOT_VERIFIED':
      return t('signIn.error.unverified');
    case 'UNAUTHENTICATED':
      return t('session.expired');
    case 'FORBIDDEN':
      return t('error.forbidden');
    case 'NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'SESSION_NOT_FOUND':
    case 'CLIENT_NOT_FOUND':
    case 'GRANT_NOT_FOUND':
    case 'ORGANIZATION_NOT_FOUND':
    case 'MEMBER_NOT_FOUND':
    case 'INVITATION_NOT_FOUND':
    case 'WEBHOOK_NOT_FOUND':
      return t('error.notFound');
    case 'LAST_OWNER':
      return t('error.lastOwner');
    case 'INVITATION_EMAIL_MISMATCH':
      return t('error.invitationEmail');
    case 'LAST_ADMIN':
      return t('error.lastAdmin');
    case 'CURRENT_PASSWORD_INVALID':
      return t('error.currentPassword');
    case 'SIGN_IN_CODE_INVALID':
      return t('emailSignIn.code.invalid');
    case 'MFA_ENROLMENT_REQUIRED':
      return t('mfa.enrolRequired');
    case 'PASSKEY_INVALID':
    case 'PASSKEY_REJECTED':
    case 'PASSKEY_CHALLENGE_INVALID':
      return t('passkeys.error.rejected');
    case 'PASSKEY_ALREADY_REGISTERED':
      return t('passkeys.error.exists');
    case 'PASSKEY_NOT_FOUND':
    case 'IDENTITY_NOT_FOUND':
    case 'PROVIDER_NOT_FOUND':
      return t('error.notFound');
    case 'LAST_SIGN_IN_METHOD':
      return t('error.lastSignInMethod');
    case 'IDENTITY_TAKEN':
      return t('error.identityTaken');
    case 'PROVIDER_UNAVAILABLE':
      return t('error.providerUnavailable');
    case 'SOCIAL_CODE_INVALID':
      return t('social.code.invalid');
    default:
      if (error.status >= 500) return t('error.unavailable');
      return error.message || t('error.generic');
  }
}

/** Copy for a server field error: known codes get catalog copy, otherwise the server sentence. */
export function fieldErrorText(error: ApiError, field: string, serverText: string): string {
  if (error.code === 'EMAIL_TAKEN' && field === 'email') return t('register.email.taken');
  if (error.code === 'PASSWORD_TOO_COMMON' && field === 'password') return t('password.tooCommon');
  if (error.code === 'WEBHOOK_URL_REFUSED' && field === 'url')
    return t('admin.hooks.field.url.refused');
  if (error.code === 'CURRENT_PASSWORD_INVALID' && field === 'current_password')
    return t('error.currentPassword');
  return serverText;
}
