/** An error envelope from Gatehouse: `{ success: false, message, code, errors? }`. */
export class GatehouseApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field name → one sentence, on validation errors. */
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GatehouseApiError';
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** The error carried by a non-2xx answer (a body that is not the envelope still gives a status). */
export function toApiError(response: Response, body: unknown): GatehouseApiError {
  const envelope = (body ?? {}) as ErrorBody;
  return new GatehouseApiError(
    response.status,
    typeof envelope.code === 'string' ? envelope.code : `HTTP_${response.status}`,
    typeof envelope.message === 'string' ? envelope.message : response.statusText,
    typeof envelope.errors === 'object' && envelope.errors !== null
      ? (envelope.errors as Record<string, string>)
      : {},
  );
}

type Result<T> = { data?: T; error?: unknown; response: Response };
type Payload<T> = T extends { data: infer D } ? D : null;

/**
 * The `data` of a success envelope, or a thrown GatehouseApiError:
 * `const me = await unwrap(gatehouse.api.GET('/api/users/profile'))`.
 */
export async function unwrap<T>(request: Promise<Result<T>>): Promise<Payload<T>> {
  const { data, error, response } = await request;
  if (!response.ok || data === undefined) throw toApiError(response, error);
  return ((data as { data?: unknown }).data ?? null) as Payload<T>;
}
