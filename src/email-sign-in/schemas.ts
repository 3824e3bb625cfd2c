import Type from 'typebox';
import { Transport } from '../auth/schemas.js';

const Email = Type.String({
  minLength: 1,
  maxLength: 320,
  format: 'email-address',
  description: 'Trimmed and compared case-insensitively',
});

export const EmailSignInBody = Type.Object({ email: Email }, { additionalProperties: false });

/**
 * The code typed with its address, or the token of the link: one object with optional fields
 * (a union of closed objects does not survive the validator's removeAdditional), checked by
 * `proofOf`.
 */
export const EmailSignInVerifyBody = Type.Object(
  {
    email: Type.Optional(Email),
    code: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code from the mail' }),
    ),
    token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: 'The token from the link in the mail (instead of email and code)',
      }),
    ),
    transport: Transport,
  },
  { additionalProperties: false },
);
