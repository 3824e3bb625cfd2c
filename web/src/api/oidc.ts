import { authed } from './client';
import { send } from './http';
import type { ResponseData } from './types';

/** What an application asks for in a pending sign-in (see /api/oidc/interaction/:uid). */
export type Interaction = ResponseData<'/api/oidc/interaction/{uid}', 'get'>;

export type ConnectedApp = ResponseData<'/api/oidc/grants', 'get'>[number];

type Redirect = ResponseData<'/api/oidc/interaction/{uid}/login', 'post'>;

const base = (uid: string) => `/api/oidc/interaction/${encodeURIComponent(uid)}`;

export const oidcApi = {
  interaction: (uid: string) => send<Interaction>(base(uid)),
  finishLogin: (uid: string) => authed<Redirect>(`${base(uid)}/login`, { method: 'POST' }),
  consent: (uid: string, allow: boolean) =>
    authed<Redirect>(`${base(uid)}/consent`, { method: 'POST', body: { allow } }),
  connectedApps: () => authed<ConnectedApp[]>('/api/oidc/grants'),
  revokeApp: (grantId: string) =>
    authed<unknown>(`/api/oidc/grants/${encodeURIComponent(grantId)}`, { method: 'DELETE' }),
};
