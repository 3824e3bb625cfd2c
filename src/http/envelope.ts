import Type, { type TSchema } from 'typebox';

/** `{ success: true, message, data }` — every successful /api response. */
export function ok(message: string): { success: true; message: string };
export function ok<T>(message: string, data: T): { success: true; message: string; data: T };
export function ok<T>(message: string, data?: T): { success: true; message: string; data?: T } {
  return data === undefined ? { success: true, message } : { success: true, message, data };
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

export const MessageOnly = Type.Object({ success: Type.Literal(true), message: Type.String() });

/** Error responses a route may give, for its schema (and so for the OpenAPI document). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorEnvelope]));
}
