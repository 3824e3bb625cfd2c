import { send } from './http';
import { authed } from './client';
import type { QueryOf, RequestBody, ResponseData } from './types';

/** An organization as one of its members sees it (with their role). */
export type Organization = ResponseData<'/api/organizations', 'get'>[number];
export type OrgRole = Organization['role'];
export type Member = ResponseData<'/api/organizations/{id}/members', 'get'>[number];
export type Invitation = ResponseData<'/api/organizations/{id}/invitations', 'get'>[number];
export type InvitationPreview = ResponseData<'/api/organizations/invitations/lookup', 'post'>;
export type NewInvitation = RequestBody<'/api/organizations/{id}/invitations', 'post'>;
export type ActiveOrganizationData = ResponseData<'/api/auth/session/organization', 'post'>;
export type AdminOrganizationPage = ResponseData<'/api/admin/organizations', 'get'>;
export type AdminOrganizationQuery = QueryOf<'/api/admin/organizations', 'get'>;

export const ORG_ROLES: readonly OrgRole[] = ['owner', 'admin', 'member'];

const orgPath = (id: number | string) => `/api/organizations/${encodeURIComponent(String(id))}`;

export const organizationsApi = {
  mine: () => authed<Organization[]>('/api/organizations'),
  create: (name: string) =>
    authed<Organization>('/api/organizations', { method: 'POST', body: { name } }),
  get: (id: number | string) => authed<Organization>(orgPath(id)),
  rename: (id: number | string, name: string) =>
    authed<Organization>(orgPath(id), { method: 'PATCH', body: { name } }),
  remove: (id: number | string) => authed<unknown>(orgPath(id), { method: 'DELETE' }),
  members: (id: number | string) => authed<Member[]>(`${orgPath(id)}/members`),
  setRole: (id: number | string, userId: number, role: OrgRole) =>
    authed<Member[]>(`${orgPath(id)}/members/${userId}`, { method: 'PATCH', body: { role } }),
  removeMember: (id: number | string, userId: number) =>
    authed<unknown>(`${orgPath(id)}/members/${userId}`, { method: 'DELETE' }),
  invitations: (id: number | string) => authed<Invitation[]>(`${orgPath(id)}/invitations`),
  invite: (id: number | string, body: NewInvitation) =>
    authed<Invitation>(`${orgPath(id)}/invitations`, { method: 'POST', body }),
  revokeInvitation: (id: number | string, invitationId: number) =>
    authed<unknown>(`${orgPath(id)}/invitations/${invitationId}`, { method: 'DELETE' }),
  /** Public: the token is the credential. */
  lookupInvitation: (token: string) =>
    send<InvitationPreview>('/api/organizations/invitations/lookup', {
      method: 'POST',
      body: { token },
    }),
  acceptInvitation: (token: string) =>
    authed<Organization>('/api/organizations/invitations/accept', {
      method: 'POST',
      body: { token },
    }),
  setActive: (organizationId: number | null) =>
    authed<ActiveOrganizationData>('/api/auth/session/organization', {
      method: 'POST',
      body: { organization_id: organizationId },
    }),
  adminList: (query: { page: number; limit: number; search?: string }) => {
    const params = new URLSearchParams({ page: String(query.page), limit: String(query.limit) });
    if (query.search) params.set('search', query.search);
    return authed<AdminOrganizationPage>(`/api/admin/organizations?${params.toString()}`);
  },
};
