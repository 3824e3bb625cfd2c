/** Every audit event type. Append-only: rows are never updated except to pseudonymise a deleted user. */
export const AUDIT_EVENTS = {
  ACCOUNT_CREATED: 'account.created',
  ACCOUNT_DELETED: 'account.deleted',
  LOGIN_SUCCEEDED: 'login.succeeded',
  LOGIN_FAILED: 'login.failed',
  LOGOUT: 'logout',
  REFRESH_REUSE_DETECTED: 'refresh_token.reuse_detected',
  SESSION_REVOKED: 'session.revoked',
  PASSWORD_CHANGED: 'password.changed',
  PASSWORD_RESET: 'password.reset',
  PASSWORD_RESET_REQUESTED: 'password.reset_requested',
  EMAIL_CHANGED: 'email.changed',
  EMAIL_VERIFIED: 'email.verified',
  ROLE_CHANGED: 'role.changed',
  PROFILE_UPDATED: 'profile.updated',
  /** A wrong current_password on a sensitive change (email, password, deletion). */
  REAUTH_FAILED: 'reauth.failed',
  /** Email sign-in: a link and code were mailed, one was used, or a wrong/dead one was presented. */
  EMAIL_SIGN_IN_REQUESTED: 'email_sign_in.requested',
  EMAIL_SIGN_IN_SUCCEEDED: 'email_sign_in.succeeded',
  EMAIL_SIGN_IN_FAILED: 'email_sign_in.failed',
  /** Two-step verification turned on (confirmed with a code) or off (by the user). */
  MFA_ENABLED: 'mfa.enabled',
  MFA_DISABLED: 'mfa.disabled',
  /** A wrong code or recovery code at a second step. */
  MFA_FAILED: 'mfa.failed',
  /** An admin cleared the user's second factors (details: what was cleared). */
  MFA_RESET: 'mfa.reset',
  /** A recovery code was spent (details: remaining). */
  RECOVERY_CODE_USED: 'recovery_code.used',
  RECOVERY_CODES_REGENERATED: 'recovery_codes.regenerated',
  /** OpenID provider: the person allowed an application, revoked it, or it received tokens. */
  CONSENT_GIVEN: 'oidc.consent_given',
  CONSENT_REVOKED: 'oidc.consent_revoked',
  TOKENS_ISSUED: 'oidc.tokens_issued',
  /** Organizations: every change, with the organization's id in details. */
  ORGANIZATION_CREATED: 'organization.created',
  ORGANIZATION_RENAMED: 'organization.renamed',
  ORGANIZATION_DELETED: 'organization.deleted',
  MEMBER_ADDED: 'organization.member_added',
  MEMBER_ROLE_CHANGED: 'organization.member_role_changed',
  MEMBER_REMOVED: 'organization.member_removed',
  INVITATION_CREATED: 'organization.invitation_created',
  INVITATION_REVOKED: 'organization.invitation_revoked',
  ACTIVE_ORGANIZATION_CHANGED: 'session.organization_changed',
  /** Passkeys: registered, removed (by the person or an admin reset), used to sign in. */
  PASSKEY_ADDED: 'passkey.added',
  PASSKEY_REMOVED: 'passkey.removed',
  PASSKEY_SIGN_IN: 'passkey.sign_in',
  /** An assertion with a valid signature whose counter did not increase: a cloned authenticator. */
  PASSKEY_COUNTER_REGRESSED: 'passkey.counter_regressed',
  /** A passkey assertion stood in for current_password on this session (5 minutes). */
  PASSKEY_REAUTHENTICATED: 'passkey.reauthenticated',
  /** Social sign-in: an upstream identity was linked, unlinked, signed in, or a callback refused. */
  IDENTITY_LINKED: 'identity.linked',
  IDENTITY_UNLINKED: 'identity.unlinked',
  SOCIAL_SIGN_IN: 'social.sign_in',
  SOCIAL_SIGN_IN_FAILED: 'social.sign_in_failed',
} as const;

export type AuditEventType = (typeof AUDIT_EVENTS)[keyof typeof AUDIT_EVENTS];
