import type { paths } from './schema.js';

type Data<T> = T extends { content: { 'application/json': { data: infer D } } } ? D : never;

/** The user object (api-contract.md "User object"). */
export type User = Data<paths['/api/users/profile']['get']['responses'][200]>;

/** One of the caller's sessions. */
export type Session =
  Data<paths['/api/auth/sessions']['get']['responses'][200]> extends Array<infer S> ? S : never;
