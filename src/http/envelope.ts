import Type, { type TSchema } from 'typebox';

/**
 * `{ success: true, message, data }` — every successful /api response. `data` is always present:
 * `null` when there is nothing to return, so clients can read `body.data` without a guard.
 */
export function ok(message: string): { success: true; message: string; data: null };
export function ok<T>(message: string, data: T): { success: true; message: string; data: T };
export function ok<T>(
  message: string,
  data?: T,
): { success: true; message: string; data: T | null } {
  return { success: true, message, data: data === undefined ? null : data };
}

export const ErrorEnvelope = Type.Object(
  {
    success: Type.Literal(false),
    message: Type.String(),
    code: Type.String({ description: 'Stable UPPER_SNAKE machine code' }),
    errors: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { $id: 'ErrorEnvelope', description: 'Error envelope' },
);

/** Response schema of a success envelope around `data`. */
export function Envelope<T extends TSchema>(data: T) {
  return Type.Object({ success: Type.Literal(true), message: Type.String(), data });
}

/** Success envelope of a route with nothing to return: `data` is `null`. */
export const NoData = Envelope(Type.Null({ description: 'Nothing to return' }));

/** Error responses a route may give, for its schema (and so for the OpenAPI document). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorEnvelope]));
}
