import { formatMessage, type MessageKey, type MessageValues } from '../i18n/catalog.js';

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function label(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Turns schema-validation errors into the envelope's `errors`: field → one readable sentence. */
export function validationErrorsToFields(
  errors: AjvLikeError[],
  context: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    let field = error.instancePath.replace(/^\//, '').split('/')[0] ?? '';
    if (error.keyword === 'required' && typeof error.params.missingProperty === 'string')
      field = error.params.missingProperty;
    if (
      error.keyword === 'additionalProperties' &&
      typeof error.params.additionalProperty === 'string'
    ) {
      field = error.params.additionalProperty;
    }
    if (!field) field = context === 'body' ? 'body' : context;
    if (fields[field]) continue;
    const name = label(field);
    const limit = String(error.params.limit);
    // English, from the catalog: src/i18n/api-messages.ts answers them in the request's language.
    const say = (key: MessageKey, values: MessageValues = {}) =>
      formatMessage('en', key, { field: name, ...values });
    switch (error.keyword) {
      case 'required':
        fields[field] = say('validation.required');
        break;
      case 'minLength':
        fields[field] =
          limit === '1' ? say('validation.required') : say('validation.minLength', { limit });
        break;
      case 'maxLength':
        fields[field] = say('validation.maxLength', { limit });
        break;
      case 'minimum':
        fields[field] = say('validation.minimum', { limit });
        break;
      case 'maximum':
        fields[field] = say('validation.maximum', { limit });
        break;
      case 'type':
        fields[field] =
          field === 'body'
            ? say('validation.bodyNotObject')
            : say('validation.type', { type: String(error.params.type) });
        break;
      case 'format':
        fields[field] =
          error.params.format === 'email-address'
            ? say('error.enterAValidEmailAddress')
            : say('validation.invalid');
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        fields[field] = say('validation.unsupportedValue');
        break;
      case 'additionalProperties':
        fields[field] = say('validation.notAcceptedField');
        break;
      default:
        fields[field] = say('validation.invalid');
    }
  }
  // A union body (object or no body) also reports "not null" at the root; field errors say more.
  if (Object.keys(fields).length > 1) delete fields.body;
  return fields;
}
