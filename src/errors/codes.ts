/** The one catalogue of error codes: each maps to an HTTP status and a default sentence. */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: 'Validation failed' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  INVALID_ID: { status: 400, message: 'The id must be a positive integer' },
  PASSWORD_TOO_COMMON: { status: 400, message: 'Validation failed' },
  WEBHOOK_URL_REFUSED: { status: 400, message: 'This URL cannot receive webhooks' },
  INVALID_TOKEN: { status: 400, message: 'This link has expired or has already been used' },
  CURRENT_PASSWORD_INVALID: { status: 400, message: 'The current password is incorrect' },
  SIGN_IN_CODE_INVALID: {
    status: 400,
    message: 'This code or link is wrong, has expired or has already been used',
  },
  MFA_CODE_INVALID: {
    status: 400,
    message: 'The code is incorrect or has already been used',
  },
  PASSKEY_CHALLENGE_INVALID: {
    status: 400,
    message: 'This passkey request has expired or was already used; start again',
  },
  PASSKEY_REJECTED: { status: 400, message: 'The passkey response could not be verified' },
  SOCIAL_CODE_INVALID: {
    status: 400,
    message: 'This sign-in has expired or was already completed; start again',
  },
  SOCIAL_LINK_INVALID: {
    status: 400,
    message: 'There is no pending link for this account; continue with the provider again',
  },
  UNAUTHENTICATED: { status: 401, message: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is incorrect' },
  PASSKEY_INVALID: { status: 401, message: 'This passkey is not recognised' },
  INVALID_REFRESH_TOKEN: { status: 401, message: 'The refresh token is invalid or expired' },
  MFA_TOKEN_INVALID: {
    status: 401,
    message: 'This sign-in has expired or was already completed; sign in again',
  },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  EMAIL_NOT_VERIFIED: { status: 403, message: 'Confirm your email address before signing in' },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    message: 'Set up two-step verification before doing anything else',
  },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'Cross-site request refused' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  USER_NOT_FOUND: { status: 404, message: 'User not found' },
  SESSION_NOT_FOUND: { status: 404, message: 'Session not found' },
  CLIENT_NOT_FOUND: { status: 404, message: 'Application not found' },
  INTERACTION_NOT_FOUND: {
    status: 404,
    message: 'This sign-in request has expired; start again from the application',
  },
  GRANT_NOT_FOUND: { status: 404, message: 'Connected app not found' },
  ORGANIZATION_NOT_FOUND: { status: 404, message: 'Organization not found' },
  MEMBER_NOT_FOUND: { status: 404, message: 'Member not found' },
  INVITATION_NOT_FOUND: { status: 404, message: 'Invitation not found' },
  INVITATION_INVALID: {
    status: 400,
    message: 'This invitation has expired, was revoked or has already been used',
  },
  INVITATION_EMAIL_MISMATCH: {
    status: 403,
    message: 'This invitation is for another email address; sign in with that address',
  },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'Webhook endpoint not found' },
  PASSKEY_NOT_FOUND: { status: 404, message: 'Passkey not found' },
  PROVIDER_NOT_FOUND: { status: 404, message: 'Sign-in provider not found' },
  IDENTITY_NOT_FOUND: { status: 404, message: 'Linked account not found' },
  REAUTHENTICATION_REQUIRED: {
    status: 401,
    message: 'The application asks you to enter your password again',
  },
  EMAIL_TAKEN: { status: 409, message: 'Email address is already registered' },
  PASSKEY_ALREADY_REGISTERED: { status: 409, message: 'This passkey is already registered' },
  LAST_SIGN_IN_METHOD: {
    status: 409,
    message: 'This is the last way to sign in to the account; add another before removing it',
  },
  IDENTITY_TAKEN: {
    status: 409,
    message: 'This provider account is already linked to a Gatehouse account',
  },
  PROVIDER_EXISTS: { status: 409, message: 'A sign-in provider with this id already exists' },
  PROVIDER_FROM_ENV: {
    status: 409,
    message: 'This provider comes from SOCIAL_PROVIDERS; change the environment to remove it',
  },
  LAST_ADMIN: { status: 409, message: 'The last admin cannot be demoted or deleted' },
  LAST_OWNER: {
    status: 409,
    message: 'An organization needs an owner: make someone else owner first',
  },
  ALREADY_MEMBER: { status: 409, message: 'This person is already a member' },
  MFA_ALREADY_ENABLED: { status: 409, message: 'Two-step verification is already on' },
  MFA_NOT_ENABLED: { status: 409, message: 'Two-step verification is not on' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side' },
  PROVIDER_UNAVAILABLE: {
    status: 502,
    message: 'The sign-in provider could not be reached; try again shortly',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'The service is temporarily unavailable; try again shortly',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
