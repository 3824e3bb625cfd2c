import { authed } from './client';
import { send } from './http';
import type { LoginData, Session, User } from './types';

export const authApi = {
  login: (email: string, password: string) =>
    send<LoginData>('/api/auth/login', {
      method: 'POST',
      body: { email, password, transport: 'cookie' },
    }),
  register: (body: { email: string; name: string; password: string }) =>
    send<User>('/api/auth/register', { method: 'POST', body }),
  logout: () => authed<unknown>('/api/auth/logout', { method: 'POST' }),
  verifyEmail: (token: string) =>
    send<unknown>('/api/auth/verify-email', { method: 'POST', body: { token } }),
  resendVerification: () => authed<unknown>('/api/auth/resend-verification', { method: 'POST' }),
  forgotPassword: (email: string) =>
    send<unknown>('/api/auth/forgot-password', { method: 'POST', body: { email } }),
  resetPassword: (token: string, password: string) =>
    send<unknown>('/api/auth/reset-password', { method: 'POST', body: { token, password } }),
  sessions: () => authed<Session[]>('/api/auth/sessions'),
  revokeSession: (id: Session['id']) =>
    authed<unknown>(`/api/auth/sessions/${encodeURIComponent(String(id))}`, { method: 'DELETE' }),
  revokeOtherSessions: () => authed<unknown>('/api/auth/sessions', { method: 'DELETE' }),
};
