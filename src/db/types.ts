import type {
  ColumnType,
  Generated,
  Insertable,
  Kysely,
  Selectable,
  Transaction,
  Updateable,
} from 'kysely';
import type { Locale } from '../i18n/locales.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type Role = 'user' | 'admin';

export interface UsersTable {
  id: Generated<number>;
  /** The address as the person typed it (after normalizeEmail): shown and mailed to. */
  email: string;
  /** emailKey(email), unique, compared byte for byte (collation "C"); the repository sets it. */
  email_normalized: string;
  password_hash: string;
  name: string;
  role: ColumnType<Role, Role | undefined, Role>;
  email_verified: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
  /** The chosen language (src/i18n/locales.ts), or null to follow the browser. */
  locale: ColumnType<Locale | null, Locale | null | undefined, Locale | null>;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
  /** The organization chosen for this session: its tokens carry org_id and org_role. */
  active_organization_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface RefreshTokensTable {
  id: Generated<number>;
  session_id: number;
  /** SHA-256 of the opaque token; the token itself is never stored. */
  token_hash: Buffer;
  parent_id: number | null;
  used_at: NullableTimestamp;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  user_id: number | null;
  actor_id: number | null;
  type: string;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  /** AES-256-GCM under KEY_ENCRYPTION_KEY: base64url(iv).base64url(ciphertext).base64url(tag). */
  private_key_enc: string;
  created_at: Timestamp;
  /** Published in the JWKS at once, but signs only from this moment on (default: now). */
  activates_at: Timestamp;
  /** No new tokens are signed after this. */
  retired_at: NullableTimestamp;
}

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

export interface EmailTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: EmailTokenPurpose;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: Buffer;
  /** The address the link was sent to. */
  email: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

/** One outstanding email sign-in per address: link token and 6-digit code, both hashed. */
export interface EmailSignInsTable {
  id: Generated<number>;
  /** emailKey() of the address: a new request for it replaces the previous one. */
  email_normalized: string;
  /** The address the mail went to. */
  email: string;
  /** Null when the address had no account at request time (EMAIL_SIGN_UP). */
  user_id: number | null;
  /** SHA-256 of the link token. */
  token_hash: Buffer;
  /** HMAC-SHA-256 (TOKEN_SECRET) of the code and the address. */
  code_hash: Buffer;
  /** Wrong codes so far; at 5 the request is dead. */
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<number>;
  user_id: number | null;
  to: string;
  subject: string;
  /** Sealed (AES-256-GCM) while pending, emptied once sent or given up. */
  text: string;
  html: string;
  created_at: Timestamp;
  /** Send attempts started (the send job gives the mail up after MAIL_MAX_ATTEMPTS). */
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  last_error: string | null;
  message_id: string;
}

export interface OidcClientsTable {
  client_id: string;
  name: string;
  /** SHA-256 of the client secret (base64url); null for public clients. */
  secret_hash: string | null;
  first_party: ColumnType<boolean, boolean | undefined, boolean>;
  /** Client metadata (RFC 7591 names) other than client_id and client_secret. */
  metadata: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** oidc-provider's storage: one row per model instance (code, grant, session, token, ...). */
export interface OidcPayloadsTable {
  type: string;
  id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  account_id: number | null;
  session_id: number | null;
  expires_at: NullableTimestamp;
  consumed_at: NullableTimestamp;
}

export type OrgRole = 'owner' | 'admin' | 'member';

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  organization_id: number;
  user_id: number;
  role: OrgRole;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<number>;
  organization_id: number;
  /** The address invited (after normalizeEmail) and its emailKey. */
  email: string;
  email_normalized: string;
  role: OrgRole;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: Buffer;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: number | null;
  revoked_at: NullableTimestamp;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  description: ColumnType<string, string | undefined, string>;
  event_types: string[];
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** The signing secret (`whsec_...`), sealed with a key derived from KEY_ENCRYPTION_KEY. */
  secret_sealed: string;
  disabled_at: NullableTimestamp;
  failing_since: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  /** The `webhook-id`: stable across retries and redeliveries. */
  event_id: string;
  event_type: string;
  /** The JSON body sent, exactly as signed. */
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: ColumnType<
    WebhookDeliveryStatus,
    WebhookDeliveryStatus | undefined,
    WebhookDeliveryStatus
  >;
  attempts: ColumnType<number, number | undefined, number>;
  last_response_code: number | null;
  last_error: string | null;
  last_attempt_at: NullableTimestamp;
  next_attempt_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface UserTotpTable {
  user_id: number;
  /** seal() under a key derived from KEY_ENCRYPTION_KEY. */
  secret_sealed: string;
  /** Null until confirmed with a code: until then it does not protect sign-in. */
  confirmed_at: NullableTimestamp;
  /** The last accepted 30-second step. */
  last_used_step: number | null;
  last_used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  /** HMAC-SHA-256 (TOKEN_SECRET) of the user id and the code; the code itself is never stored. */
  code_hash: Buffer;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

/** An upstream sign-in provider added at run time (CLI or admin API). */
export interface SocialProvidersTable {
  /** Slug used in the routes: /api/auth/oauth/:id/start. */
  id: string;
  /** oidc | google | microsoft | github */
  preset: string;
  display_name: string;
  issuer: string | null;
  client_id: string;
  /** AES-256-GCM under a key derived from KEY_ENCRYPTION_KEY; null for a public client. */
  client_secret_sealed: string | null;
  /** Space-separated; null = the preset's. */
  scopes: string | null;
  store_tokens: ColumnType<boolean, boolean | undefined, boolean>;
  /** Endpoint overrides (authorization, token, userinfo, api). */
  endpoints: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Timestamp;
}

/** An upstream identity linked to an account: one per (provider, subject). */
export interface UserIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  provider: string;
  subject: string;
  /** The upstream email when the link was made (verified by the provider), for display. */
  email: string | null;
  /** The provider's tokens, sealed, only when the provider is configured with store_tokens. */
  tokens_sealed: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
}

export interface PasskeysTable {
  id: Generated<number>;
  user_id: number;
  /** base64url credential id, unique. */
  credential_id: string;
  /** COSE public key. */
  public_key: Buffer;
  /** base64url user handle the credential was registered with. */
  user_handle: string;
  /** The authenticator's signature counter (0 when it keeps none). */
  sign_count: ColumnType<number, number | undefined, number>;
  backup_eligible: boolean;
  backed_up: boolean;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  name: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  audit_events: AuditEventsTable;
  signing_keys: SigningKeysTable;
  email_tokens: EmailTokensTable;
  email_sign_ins: EmailSignInsTable;
  mail_outbox: MailOutboxTable;
  oidc_clients: OidcClientsTable;
  oidc_payloads: OidcPayloadsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  social_providers: SocialProvidersTable;
  user_identities: UserIdentitiesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Omit<Insertable<UsersTable>, 'email_normalized'>;
export type UserUpdate = Omit<Updateable<UsersTable>, 'email_normalized'>;
export type SessionRow = Selectable<SessionsTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type SigningKeyRow = Selectable<SigningKeysTable>;
export type EmailTokenRow = Selectable<EmailTokensTable>;
export type EmailSignInRow = Selectable<EmailSignInsTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type OidcClientRow = Selectable<OidcClientsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type PasskeyRow = Selectable<PasskeysTable>;
export type SocialProviderRow = Selectable<SocialProvidersTable>;
export type UserIdentityRow = Selectable<UserIdentitiesTable>;

/** Where queries run: the database, or a transaction in progress. */
export type Executor = Kysely<Database> | Transaction<Database>;
