import { AppError } from '../errors/app-error.js';

// Control characters (C0, DEL, C1) and Unicode line/paragraph separators are refused in names,
// and so are bidi overrides and invisible characters, which disguise a name in lists and mails
// (ZWJ/ZWNJ stay allowed: emoji sequences and several scripts need them).
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching these is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** Trimmed display name of 1–100 characters without control characters, or a field error. */
export function validateName(raw: string): string {
  const name = raw.trim().normalize('NFC');
  if (name.length < 1)
    throw new AppError('VALIDATION_FAILED', { errors: { name: 'Name is required' } });
  if ([...name].length > 100)
    throw new AppError('VALIDATION_FAILED', {
      errors: { name: 'Name must be 100 characters or fewer' },
    });
  if (CONTROL_CHARACTERS.test(name))
    throw new AppError('VALIDATION_FAILED', {
      errors: { name: 'Name must not contain control characters' },
    });
  return name;
}
