/**
 * Shapes of the API contract, taken from the typed client `@gatehouse/client`, which is generated
 * from the server's OpenAPI document (type only: nothing of the client is bundled). A server
 * change that breaks a page is a type error here, not a silent mismatch.
 */
import type { paths } from '@gatehouse/client';

/**
 * The server's error catalogue, taken from its source. A code the server does not have is a type
 * error here.
 */
export type { ErrorCode as ServerErrorCode } from '../../../src/errors/codes';

export type ApiPath = keyof paths;
type Operation<P extends ApiPath, M extends string> = M extends keyof paths[P]
  ? paths[P][M]
  : never;
type EnvelopeData<R> = R extends { content: { 'application/json': { data: infer D } } } ? D : never;

/** `data` of an operation's success answer (200 or 201). */
export type ResponseData<P extends ApiPath, M extends string> =
  Operation<P, M> extends { responses: infer R }
    ? EnvelopeData<R[Extract<keyof R, 200 | 201>]>
    : never;

/** The JSON body an operation takes. */
export type RequestBody<P extends ApiPath, M extends string> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** The query string an operation takes. */
export type QueryOf<P extends ApiPath, M extends string> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type Item<T> = T extends Array<infer I> ? I : never;

export type User = ResponseData<'/api/users/profile', 'get'>;
export type Role = User['role'];
export type TokenData = ResponseData<'/api/auth/mfa/verify', 'post'>;
/** Password sign-in answers tokens, or (two-step verification on) the challenge for step two. */
export type LoginData = ResponseData<'/api/auth/login', 'post'>;
export type MfaChallenge = Extract<LoginData, { mfa_required: true }>;
export type MfaStatus = ResponseData<'/api/auth/mfa', 'get'>;
export type TotpSetup = ResponseData<'/api/auth/mfa/totp/setup', 'post'>;
export type RecoveryCodes = ResponseData<'/api/auth/mfa/totp/confirm', 'post'>;
export type Session = Item<ResponseData<'/api/auth/sessions', 'get'>>;

type UserList = ResponseData<'/api/users', 'get'>;
type AuditPage = ResponseData<'/api/users/{id}/audit', 'get'>;
export type AuditEvent = AuditPage['items'][number];

/** One page of a paged list, as the admin lists answer it. */
export type Page<T> = Omit<UserList, 'items'> & { items: T[] };

export type UserListQuery = QueryOf<'/api/users', 'get'> & { page: number; limit: number };
export type SortField = NonNullable<UserListQuery['sort']>;
export type SortOrder = NonNullable<UserListQuery['order']>;

export type UserUpdate = RequestBody<'/api/users/{id}', 'put'>;
/** The caller's own changes (PATCH /api/users/me), e.g. `locale`. */
export type OwnUpdate = RequestBody<'/api/users/me', 'patch'>;
