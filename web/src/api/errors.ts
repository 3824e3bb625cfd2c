import type { ServerErrorCode } from './types';

/** The server's codes, plus NETWORK (no answer at all) and SERVER_ERROR (an answer without one). */
export type ErrorCode = ServerErrorCode | 'NETWORK' | 'SERVER_ERROR';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors: Record<string, string>;
  /** Seconds from the `Retry-After` header (429/503), when present. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    errors?: Record<string, string>;
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? {};
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
