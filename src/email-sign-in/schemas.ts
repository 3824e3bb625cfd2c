import Type from 'typebox';
import { Transport } from '../auth/schemas.js';

const Email = Type.String({
  minLength: 1,
  maxLength: 320,
  format: 'email-address',
  description: 'Trimmed and compared case-insensitively',
});

export const EmailSignInBody = Type.Object({ email: Email }, { additionalProperties: false });

/** The code typed with its address, or the token of the link. */
export const EmailSignInVerifyBody = Type.Union([
  Type.Object(
    {
      email: Email,
      code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code from the mail' }),
      transport: Transport,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      token: Type.String({
        minLength: 1,
        maxLength: 512,
        description: 'The token from the link in the mail',
      }),
      transport: Transport,
    },
    { additionalProperties: false },
  ),
]);
