import { ERROR_CODES, type ErrorCode } from './codes.js';

export interface AppErrorOptions {
  message?: string;
  /** Field name → one sentence, for validation errors. */
  errors?: Record<string, string>;
  /** Seconds, sent as the Retry-After header (429, 503). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** An expected failure: the error handler turns it into the envelope with the code's status. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
