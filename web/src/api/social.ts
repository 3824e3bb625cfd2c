import { authed } from './client';
import { send } from './http';
import type { LoginData, RequestBody, ResponseData } from './types';

export type SocialProvider = ResponseData<'/api/auth/providers', 'get'>[number];
export type SignInMethods = ResponseData<'/api/auth/identities', 'get'>;
export type LinkedIdentity = SignInMethods['identities'][number];
export type AdminProvider = ResponseData<'/api/admin/providers', 'get'>[number];
export type NewProvider = RequestBody<'/api/admin/providers', 'post'>;

/** Where the browser goes to continue with a provider (a full navigation, not a fetch). */
export function startUrl(providerId: string, returnTo: string | null): string {
  const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  return `/api/auth/oauth/${encodeURIComponent(providerId)}/start${query}`;
}

export const socialApi = {
  providers: () => send<SocialProvider[]>('/api/auth/providers'),
  /** The one-time code of the callback; answers like login. */
  exchange: (code: string) =>
    send<LoginData>('/api/auth/oauth/exchange', {
      method: 'POST',
      body: { code, transport: 'cookie' },
    }),
  /** Links the provider account waiting in this browser to the signed-in account. */
  link: () => authed<LinkedIdentity>('/api/auth/oauth/link', { method: 'POST' }),
  methods: () => authed<SignInMethods>('/api/auth/identities'),
  unlink: (id: number) =>
    authed<unknown>(`/api/auth/identities/${encodeURIComponent(String(id))}`, {
      method: 'DELETE',
    }),
  adminList: () => authed<AdminProvider[]>('/api/admin/providers'),
  adminAdd: (body: NewProvider) =>
    authed<AdminProvider>('/api/admin/providers', { method: 'POST', body }),
  adminRemove: (id: string) =>
    authed<unknown>(`/api/admin/providers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
