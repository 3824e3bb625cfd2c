import { describe, expect, it } from 'vitest';
import { checkEmail, checkName, checkNewPassword } from './validation';

describe('client validation (contract rules only)', () => {
  it('accepts a 9-character lowercase password: no composition rules', () => {
    expect(checkNewPassword('quietlamp')).toBeNull();
  });
  it('names the length rule', () => {
    expect(checkNewPassword('sevench')).toBe('password.tooShort');
    expect(checkNewPassword('a'.repeat(129))).toBe('password.tooLong');
    expect(checkNewPassword('a'.repeat(128))).toBeNull();
    expect(checkNewPassword('')).toBe('field.newPassword.required');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(checkNewPassword('🔑'.repeat(8))).toBeNull();
  });
  it('checks names after trimming', () => {
    expect(checkName('   ')).toBe('field.name.required');
    expect(checkName(` ${'x'.repeat(100)} `)).toBeNull();
    expect(checkName('x'.repeat(101))).toBe('field.name.tooLong');
  });
  it('checks email shape loosely', () => {
    expect(checkEmail(' ana@example.com ')).toBeNull();
    expect(checkEmail('')).toBe('field.email.required');
    expect(checkEmail('ana@example')).toBe('field.email.invalid');
    expect(checkEmail('ana example@x.io')).toBe('field.email.invalid');
  });
});
