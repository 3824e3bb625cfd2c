import { authed } from './client';
import type { RequestBody, ResponseData } from './types';

/** A registered application (an OpenID client), as `/api/admin/clients` returns it. */
export type Application = ResponseData<'/api/admin/clients', 'get'>[number];

/** Only the answer to a creation carries the secret (confidential clients), once. */
export type CreatedApplication = ResponseData<'/api/admin/clients', 'post'>;

export type NewApplication = RequestBody<'/api/admin/clients', 'post'>;

export type ApplicationChanges = RequestBody<'/api/admin/clients/{id}', 'put'>;

const clientPath = (id: string) => `/api/admin/clients/${encodeURIComponent(id)}`;

export const clientsApi = {
  list: () => authed<Application[]>('/api/admin/clients'),
  create: (body: NewApplication) =>
    authed<CreatedApplication>('/api/admin/clients', { method: 'POST', body }),
  update: (id: string, body: ApplicationChanges) =>
    authed<Application>(clientPath(id), { method: 'PUT', body }),
  remove: (id: string) => authed<unknown>(clientPath(id), { method: 'DELETE' }),
};
