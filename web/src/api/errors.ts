/** Stable codes from the contract, plus NETWORK for a request that never got an answer. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_CREDENTIALS'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'EMAIL_TAKEN'
  | 'PASSWORD_TOO_COMMON'
  | 'INVALID_TOKEN'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'LAST_ADMIN'
  | 'CURRENT_PASSWORD_INVALID'
  | 'EMAIL_NOT_VERIFIED'
  | 'NETWORK'
  | 'SERVER_ERROR'
  | (string & {});

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
