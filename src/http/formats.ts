import { normalizeEmail } from '../users/email.js';

interface AjvLike {
  addFormat(
    name: string,
    format: { type: 'string'; validate: (value: string) => boolean },
  ): unknown;
}

/** Schema formats shared by every route: `email-address` accepts what registration would store. */
export function registerFormats<T extends AjvLike>(ajv: T): T {
  ajv.addFormat('email-address', {
    type: 'string',
    validate: (value) => normalizeEmail(value) !== null,
  });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value) => !Number.isNaN(Date.parse(value)),
  });
  return ajv;
}
