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
const Transport = Type.Optional(
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
