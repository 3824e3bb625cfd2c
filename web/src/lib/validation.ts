import type { MessageKey } from '../i18n';

/** Client checks mirror only what the contract states; the server stays the authority. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;

// Deliberately loose: something@something.something, no spaces. The server decides the rest.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): MessageKey | null {
  const trimmed = value.trim();
  if (!trimmed) return 'field.email.required';
  if (!EMAIL_PATTERN.test(trimmed)) return 'field.email.invalid';
  return null;
}

export function checkName(value: string): MessageKey | null {
  const trimmed = value.trim();
  if (!trimmed) return 'field.name.required';
  if ([...trimmed].length > NAME_MAX) return 'field.name.tooLong';
  return null;
}

/** New passwords: length only (no composition rules, NIST 800-63B). */
export function checkNewPassword(
  value: string,
  required: MessageKey = 'field.newPassword.required',
): MessageKey | null {
  if (!value) return required;
  const length = [...value].length;
  if (length < PASSWORD_MIN) return 'password.tooShort';
  if (length > PASSWORD_MAX) return 'password.tooLong';
  return null;
}

export function checkRequired(value: string, key: MessageKey): MessageKey | null {
  return value ? null : key;
}
