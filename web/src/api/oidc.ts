import { authed } from './client';
import { send } from './http';

/** What an application asks for in a pending sign-in (see /api/oidc/interaction/:uid). */
export interface Interaction {
  uid: string;
  prompt: string;
  reasons: string[];
  fresh_login_required: boolean;
  client: { client_id: string; name: string; first_party: boolean };
  scopes: string[];
}

export interface ConnectedApp {
  grant_id: string;
  client_id: string;
  name: string;
  scopes: string[];
  granted_at: string;
}

const base = (uid: string) => `/api/oidc/interaction/${encodeURIComponent(uid)}`;

export const oidcApi = {
  interaction: (uid: string) => send<Interaction>(base(uid)),
  finishLogin: (uid: string) =>
    authed<{ redirect_to: string }>(`${base(uid)}/login`, { method: 'POST' }),
  consent: (uid: string, allow: boolean) =>
    authed<{ redirect_to: string }>(`${base(uid)}/consent`, { method: 'POST', body: { allow } }),
  connectedApps: () => authed<ConnectedApp[]>('/api/oidc/grants'),
  revokeApp: (grantId: string) =>
    authed<unknown>(`/api/oidc/grants/${encodeURIComponent(grantId)}`, { method: 'DELETE' }),
};
