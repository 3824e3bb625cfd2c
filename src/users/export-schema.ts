import Type from 'typebox';
import { AuditActionSchema, AuditEventSchema } from '../audit/schemas.js';
import { UserSchema } from './schemas.js';

const Time = Type.String({ format: 'date-time' });
const OptionalTime = Type.Union([Time, Type.Null()]);
const Text = Type.Union([Type.String(), Type.Null()]);

/** The data export: every stored fact about a user. Hashes, tokens and mail bodies are never in it. */
export const ExportSchema = Type.Object({
  exported_at: Time,
  user: UserSchema,
  sessions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      ip: Text,
      user_agent: Text,
      created_at: Time,
      last_used_at: Time,
      expires_at: Time,
      revoked_at: OptionalTime,
      revoked_reason: Text,
    }),
  ),
  refresh_tokens: Type.Array(
    Type.Object(
      {
        id: Type.Integer(),
        session_id: Type.Integer(),
        parent_id: Type.Union([Type.Integer(), Type.Null()]),
        created_at: Time,
        used_at: OptionalTime,
        expires_at: Time,
      },
      {
        description:
          'When each refresh token was issued and used; the tokens themselves are not kept',
      },
    ),
  ),
  email_tokens: Type.Array(
    Type.Object(
      {
        id: Type.Integer(),
        purpose: Type.String(),
        email: Type.String(),
        created_at: Time,
        expires_at: Time,
        used_at: OptionalTime,
      },
      { description: 'Verification and password-reset links sent (not the links)' },
    ),
  ),
  mail: Type.Array(
    Type.Object(
      {
        id: Type.Integer(),
        to: Type.String(),
        subject: Type.String(),
        created_at: Time,
        sent_at: OptionalTime,
        failed_at: OptionalTime,
      },
      { description: 'Mail sent to the user; bodies are left out (they held single-use links)' },
    ),
  ),
  organizations: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      role: Type.String({ description: 'owner, admin or member' }),
      joined_at: Time,
    }),
    { description: 'Organization memberships: the organization, the role in it, since when' },
  ),
  factors: Type.Array(
    Type.Object({
      type: Type.String({ description: 'totp, recovery_code or passkey' }),
      name: Type.Optional(Type.String({ description: 'Passkeys: the name given to it' })),
      created_at: Time,
      last_used_at: OptionalTime,
    }),
    { description: 'Second factors: types and dates only, never secrets or codes' },
  ),
  linked_identities: Type.Array(
    Type.Object({
      provider: Type.String(),
      subject: Type.String({ description: "The person's id at the provider" }),
      email: Text,
      created_at: Time,
      last_used_at: OptionalTime,
    }),
    { description: "Provider accounts linked for social sign-in; never the provider's tokens" },
  ),
  audit_events: Type.Array(AuditEventSchema),
  admin_actions: Type.Array(AuditActionSchema, {
    description: 'Events this user caused on other accounts as an admin',
  }),
});
