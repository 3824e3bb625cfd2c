import { authed } from './client';
import type { AuditEvent, OwnUpdate, Page, User, UserListQuery, UserUpdate } from './types';

const userPath = (id: number | string) => `/api/users/${encodeURIComponent(String(id))}`;

/** Builds the query string for the admin list, leaving out empty values. */
export function userListSearch(query: UserListQuery): string {
  const params = new URLSearchParams();
  params.set('page', String(query.page));
  params.set('limit', String(query.limit));
  if (query.search) params.set('search', query.search);
  if (query.role) params.set('role', query.role);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  return params.toString();
}

export const usersApi = {
  profile: () => authed<User>('/api/users/profile'),
  /** The caller's own user: e.g. `{ locale }` (the language of pages and mails). */
  updateMe: (body: OwnUpdate) => authed<User>('/api/users/me', { method: 'PATCH', body }),
  get: (id: number | string) => authed<User>(userPath(id)),
  update: (id: number | string, body: UserUpdate) =>
    authed<User>(userPath(id), { method: 'PUT', body }),
  remove: (id: number | string, currentPassword?: string) =>
    authed<unknown>(userPath(id), {
      method: 'DELETE',
      body: currentPassword === undefined ? undefined : { current_password: currentPassword },
    }),
  /** Admin: clears the user's second factors and ends their sessions. */
  resetMfa: (id: number | string) =>
    authed<unknown>(`${userPath(id)}/mfa/reset`, { method: 'POST' }),
  exportData: (id: number | string) => authed<unknown>(`${userPath(id)}/export`),
  audit: (id: number | string, page: number, limit: number) =>
    authed<Page<AuditEvent>>(`${userPath(id)}/audit?page=${page}&limit=${limit}`),
  list: (query: UserListQuery) => authed<Page<User>>(`/api/users?${userListSearch(query)}`),
};
