import { authed } from './client';

/** A registered application (an OpenID client), as `/api/admin/clients` returns it. */
export interface Application {
  client_id: string;
  name: string;
  public: boolean;
  first_party: boolean;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: string[];
  id_token_signed_response_alg: string;
  created_at: string;
  updated_at: string;
}

/** Only the answer to a creation carries the secret (confidential clients), once. */
export interface CreatedApplication extends Application {
  client_secret?: string;
}

export interface NewApplication {
  name: string;
  redirect_uris: string[];
  public: boolean;
  first_party: boolean;
}

export type ApplicationChanges = Pick<NewApplication, 'name' | 'redirect_uris' | 'first_party'>;

const clientPath = (id: string) => `/api/admin/clients/${encodeURIComponent(id)}`;

export const clientsApi = {
  list: () => authed<Application[]>('/api/admin/clients'),
  create: (body: NewApplication) =>
    authed<CreatedApplication>('/api/admin/clients', { method: 'POST', body }),
  update: (id: string, body: ApplicationChanges) =>
    authed<Application>(clientPath(id), { method: 'PUT', body }),
  remove: (id: string) => authed<unknown>(clientPath(id), { method: 'DELETE' }),
};
