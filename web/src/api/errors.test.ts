import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CODES } from '../../../src/errors/codes';
import type { ErrorCode } from './errors';

/** @see issue 13: the web app waited for NOT_FOUND where the server answers SESSION_NOT_FOUND. */
describe('ErrorCode', () => {
  it('is the server catalogue plus the client-only codes, and nothing else', () => {
    expectTypeOf<
      keyof typeof ERROR_CODES | 'NETWORK' | 'SERVER_ERROR'
    >().toEqualTypeOf<ErrorCode>();
    // @ts-expect-error A code the server does not have is a type error (checked by `npm run typecheck`).
    const drifted: ErrorCode = 'SESSION_GONE';
    expect(Object.keys(ERROR_CODES)).not.toContain(drifted);
    expect(Object.keys(ERROR_CODES)).toContain('SESSION_NOT_FOUND' satisfies ErrorCode);
  });
});
