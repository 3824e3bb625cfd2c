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
    const limit = error.params.limit;
    switch (error.keyword) {
      case 'required':
        fields[field] = `${name} is required`;
        break;
      case 'minLength':
        fields[field] =
          limit === 1
            ? `${name} is required`
            : `${name} must be at least ${String(limit)} characters`;
        break;
      case 'maxLength':
        fields[field] = `${name} must be ${String(limit)} characters or fewer`;
        break;
      case 'minimum':
        fields[field] = `${name} must be at least ${String(limit)}`;
        break;
      case 'maximum':
        fields[field] = `${name} must be at most ${String(limit)}`;
        break;
      case 'type':
        fields[field] =
          field === 'body'
            ? 'The request body must be a JSON object'
            : `${name} must be a ${String(error.params.type)}`;
        break;
      case 'format':
        fields[field] =
          error.params.format === 'email-address'
            ? 'Enter a valid email address'
            : `${name} is invalid`;
        break;
      case 'pattern':
        fields[field] = `${name} is invalid`;
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        fields[field] = `${name} has an unsupported value`;
        break;
      case 'additionalProperties':
        fields[field] = `${name} is not an accepted field`;
        break;
      default:
        fields[field] = `${name} is invalid`;
    }
  }
  // A union body (object or no body) also reports "not null" at the root; field errors say more.
  if (Object.keys(fields).length > 1) delete fields.body;
  return fields;
}
