import Type from 'typebox';
import { UserSchema } from '../users/schemas.js';

const Email = Type.String({
  minLength: 1,
  maxLength: 320,
  format: 'email-address',
  description: 'Trimmed and compared case-insensitively',
});
const NewPassword = Type.String({
  minLength: 8,
  maxLength: 128,
  description: '8–128 characters, not a common password',
});
export const Transport = Type.Optional(
  Type.Literal('cookie', {
    description: 'Keep the refresh token only in the HttpOnly cookie; it is left out of the body',
  }),
);

export const RegisterBody = Type.Object(
  { email: Email, name: Type.String({ minLength: 1, maxLength: 100 }), password: NewPassword },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }), transport: Transport },
  { additionalProperties: false },
);

/** Body optional: a browser may send only the cookie. */
export const RefreshBody = Type.Union([
  Type.Object(
    {
      refresh_token: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
      transport: Transport,
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

export const LogoutBody = Type.Union([
  Type.Object(
    { refresh_token: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.Optional(Type.String({ description: 'Absent when transport is "cookie"' })),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires' }),
  user: UserSchema,
});

/** A right password for an account with a second factor: no tokens until the second step. */
export const MfaChallengeResponse = Type.Object(
  {
    mfa_required: Type.Literal(true),
    mfa_token: Type.String({
      description: 'Single use, valid 5 minutes: send it to POST /api/auth/mfa/verify',
    }),
    methods: Type.Array(Type.String({ enum: ['totp', 'recovery_code', 'passkey'] }), {
      description: 'Second steps this account can use',
    }),
  },
  { $id: 'MfaChallenge' },
);

/** Tokens, or (two-step verification on) the challenge for the second step. */
export const LoginResponse = Type.Union([TokenResponse, MfaChallengeResponse]);
