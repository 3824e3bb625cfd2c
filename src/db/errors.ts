import { AppError } from '../errors/app-error.js';

const UNAVAILABLE_SQLSTATE_PREFIXES = ['08', '53', '57P'];
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection timeout',
  'Query read timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];
const UNAVAILABLE_ERRNO = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
];

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** Unique constraint → error code. Classified by constraint name, never by message text. */
const UNIQUE_CONSTRAINTS: Record<string, AppError['code']> = {
  users_email_normalized_key: 'EMAIL_TAKEN',
};

/** Maps a database driver error to an AppError, or returns null when it is not one we know. */
export function translateDatabaseError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === '23505' && e.constraint && UNIQUE_CONSTRAINTS[e.constraint]) {
    const mapped = UNIQUE_CONSTRAINTS[e.constraint]!;
    return new AppError(
      mapped,
      mapped === 'EMAIL_TAKEN' ? { errors: { email: 'Email address is already registered' } } : {},
    );
  }
  // 57014: statement_timeout (query canceled) — the database is overloaded: tell the client to retry.
  if (
    code === '57014' ||
    UNAVAILABLE_SQLSTATE_PREFIXES.some((p) => code.startsWith(p)) ||
    UNAVAILABLE_ERRNO.includes(code)
  ) {
    return new AppError('SERVICE_UNAVAILABLE', { retryAfterSeconds: 5, cause: err });
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
    return new AppError('SERVICE_UNAVAILABLE', { retryAfterSeconds: 5, cause: err });
  }
  return null;
}
