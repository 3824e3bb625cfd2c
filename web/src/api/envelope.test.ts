import { describe, expect, it } from 'vitest';
import { parseEnvelope, parseRetryAfter } from './envelope';
import { ApiError } from './errors';

describe('parseEnvelope', () => {
  it('unwraps a success envelope', () => {
    const parsed = parseEnvelope<{ id: number }>(
      200,
      { success: true, message: 'ok', data: { id: 1 } },
      null,
    );
    expect(parsed).toEqual({ ok: true, data: { id: 1 }, message: 'ok' });
  });

  it('turns an error envelope into an ApiError with code, field errors and Retry-After', () => {
    const parsed = parseEnvelope(
      409,
      {
        success: false,
        message: 'Taken',
        code: 'EMAIL_TAKEN',
        errors: { email: 'Email address is already registered' },
      },
      null,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBeInstanceOf(ApiError);
    expect(parsed.error).toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
      message: 'Taken',
      errors: { email: 'Email address is already registered' },
      retryAfter: null,
    });
  });

  it('reads Retry-After on 429', () => {
    const parsed = parseEnvelope(
      429,
      { success: false, message: 'Slow down', code: 'RATE_LIMITED' },
      '30',
    );
    expect(!parsed.ok && parsed.error.retryAfter).toBe(30);
  });

  it('falls back to a status-derived code when the body is not an envelope', () => {
    const parsed = parseEnvelope(503, null, null);
    expect(!parsed.ok && parsed.error.code).toBe('SERVICE_UNAVAILABLE');
    const unknown = parseEnvelope(502, '<html>', null);
    expect(!unknown.ok && unknown.error.code).toBe('SERVER_ERROR');
  });

  it('never treats success:true on an error status as success', () => {
    const parsed = parseEnvelope(401, { success: true, data: {} }, null);
    expect(parsed.ok).toBe(false);
  });

  it('keeps only string field errors', () => {
    const parsed = parseEnvelope(
      400,
      { success: false, code: 'VALIDATION_FAILED', errors: { a: 'x', b: 3, c: ['y'] } },
      null,
    );
    expect(!parsed.ok && parsed.error.errors).toEqual({ a: 'x', c: 'y' });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('42')).toBe(42);
    expect(parseRetryAfter('0')).toBe(1);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', now)).toBe(90);
  });

  it('returns null for missing or garbage values', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
