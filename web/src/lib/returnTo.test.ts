import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './returnTo';

describe('safeReturnTo', () => {
  it.each(['/account', '/account/security', '/admin/users?search=ana&page=2', '/account#sessions'])(
    'keeps %s',
    (path) => {
      expect(safeReturnTo(path)).toBe(path);
    },
  );

  it.each([
    'https://evil.example',
    'http://evil.example/account',
    '//evil.example',
    '//evil.example/account',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'account',
    '',
    ' /account',
    '/account\n',
    '/sign-in',
    '/sign-in?returnTo=/account',
  ])('rejects %j', (path) => {
    expect(safeReturnTo(path)).toBeNull();
  });

  it('rejects null, undefined and very long values', () => {
    expect(safeReturnTo(null)).toBeNull();
    expect(safeReturnTo(undefined)).toBeNull();
    expect(safeReturnTo(`/${'a'.repeat(3000)}`)).toBeNull();
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnTo('/../../account')).toBe('/account');
  });
});

describe('signInPath', () => {
  it('carries the current path and the reason', () => {
    expect(signInPath('/account/security', 'expired')).toBe(
      '/sign-in?returnTo=%2Faccount%2Fsecurity&reason=expired',
    );
  });

  it('omits an unsafe or root returnTo', () => {
    expect(signInPath('//evil.example')).toBe('/sign-in');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
