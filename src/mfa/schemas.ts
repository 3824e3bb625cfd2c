import Type from 'typebox';
import { Transport } from '../auth/schemas.js';

const CurrentPassword = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: 'Your current password',
});
const Code = Type.String({
  minLength: 1,
  maxLength: 16,
  description: 'The 6-digit code from the authenticator app',
});
const RecoveryCode = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'One of the recovery codes (case, spaces and dashes ignored); each works once',
});

export const ReauthBody = Type.Object(
  { current_password: CurrentPassword },
  { additionalProperties: false },
);

export const ConfirmBody = Type.Object({ code: Code }, { additionalProperties: false });

// One object with both optional, not a union: the validator removes unknown properties, which
// would strip one branch's field while trying the other. The service requires exactly one.
/** The second step of sign-in: a code or a recovery code (exactly one). */
export const VerifyBody = Type.Object(
  {
    mfa_token: Type.String({ minLength: 1, maxLength: 128 }),
    code: Type.Optional(Code),
    recovery_code: Type.Optional(RecoveryCode),
    transport: Transport,
  },
  { additionalProperties: false },
);

/** Turning TOTP off: the password and a code or a recovery code (exactly one). */
export const DisableBody = Type.Object(
  {
    current_password: CurrentPassword,
    code: Type.Optional(Code),
    recovery_code: Type.Optional(RecoveryCode),
  },
  { additionalProperties: false },
);

export const SetupResponse = Type.Object({
  secret: Type.String({ description: 'Base32, for manual entry' }),
  otpauth_uri: Type.String({ description: 'otpauth:// URI, for the QR code' }),
});

export const RecoveryCodesResponse = Type.Object({
  recovery_codes: Type.Array(Type.String(), {
    description: 'Shown this once: store them somewhere safe',
  }),
});

const OptionalTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const MfaStatusResponse = Type.Object({
  totp: Type.Object({
    enabled: Type.Boolean(),
    enabled_at: OptionalTime,
    last_used_at: OptionalTime,
  }),
  recovery_codes_remaining: Type.Integer(),
  enrolment_required: Type.Boolean({
    description: 'True for an admin who must set up a second factor (MFA_REQUIRED_FOR_ADMINS)',
  }),
});
