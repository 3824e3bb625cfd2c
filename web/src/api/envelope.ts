import { ApiError, type ErrorCode } from './errors';

export type Parsed<T> = { ok: true; data: T; message: string } | { ok: false; error: ApiError };

const codeForStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** `Retry-After` is either delta-seconds or an HTTP date; returns whole seconds (≥ 1) or null. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') out[key] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[key] = v[0];
  }
  return out;
}

/** Unwraps `{success, message, data}` / `{success:false, message, code, errors}`. */
export function parseEnvelope<T>(
  status: number,
  body: unknown,
  retryAfterHeader: string | null,
): Parsed<T> {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  const ok = status >= 200 && status < 300;
  if (isRecord(body) && typeof body.success === 'boolean') {
    const message = typeof body.message === 'string' ? body.message : '';
    if (body.success && ok) return { ok: true, data: body.data as T, message };
    // The server only sends codes of its catalogue (ErrorCode is derived from it).
    const code =
      typeof body.code === 'string'
        ? (body.code as ErrorCode)
        : (codeForStatus[status] ?? 'SERVER_ERROR');
    return {
      ok: false,
      error: new ApiError({ status, code, message, errors: stringMap(body.errors), retryAfter }),
    };
  }
  if (ok) return { ok: true, data: body as T, message: '' };
  const code = codeForStatus[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'VALIDATION_FAILED');
  return { ok: false, error: new ApiError({ status, code, message: '', retryAfter }) };
}
