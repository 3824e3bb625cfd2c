/** Why a request was refused; each maps to one HTTP status. */
export type VerifyErrorReason =
  | 'missing_token'
  | 'invalid_token'
  | 'expired_token'
  | 'revoked_token'
  | 'insufficient_role'
  | 'insufficient_scope'
  | 'unavailable';

const STATUS: Record<VerifyErrorReason, 401 | 403 | 503> = {
  missing_token: 401,
  invalid_token: 401,
  expired_token: 401,
  revoked_token: 401,
  insufficient_role: 403,
  insufficient_scope: 403,
  // The JWKS or introspection endpoint could not be reached: refused, never let through.
  unavailable: 503,
};

/** A token that does not pass, or a check that could not be made. */
export class VerifyError extends Error {
  readonly status: 401 | 403 | 503;

  constructor(
    readonly reason: VerifyErrorReason,
    message: string,
    options?: { cause?: unknown; scopes?: string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VerifyError';
    this.status = STATUS[reason];
    this.scopes = options?.scopes ?? [];
  }

  /** The scopes that were required, for `insufficient_scope`. */
  readonly scopes: string[];
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { success: false; message: string; code: string };
}

const CODE = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 503: 'SERVICE_UNAVAILABLE' } as const;

/**
 * The HTTP answer to a refusal: Gatehouse's error envelope and an RFC 6750 WWW-Authenticate header
 * (the framework adapters share it so both answer alike).
 */
export function errorResponse(err: VerifyError): ErrorResponse {
  const headers: Record<string, string> = {};
  if (err.status === 401) {
    headers['www-authenticate'] =
      err.reason === 'missing_token'
        ? 'Bearer realm="gatehouse"'
        : 'Bearer realm="gatehouse", error="invalid_token"';
  } else if (err.reason === 'insufficient_scope') {
    headers['www-authenticate'] =
      `Bearer realm="gatehouse", error="insufficient_scope", scope="${err.scopes.join(' ')}"`;
  } else if (err.status === 503) {
    headers['retry-after'] = '5';
  }
  return {
    status: err.status,
    headers,
    body: { success: false, message: err.message, code: CODE[err.status] },
  };
}
