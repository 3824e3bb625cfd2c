import { authed } from './client';
import { send } from './http';
import type { LoginData, Session, User } from './types';

export type EmailSignInProof = { email: string; code: string } | { token: string };

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
  emailSignIn: (email: string) =>
    send<unknown>('/api/auth/email-sign-in', { method: 'POST', body: { email } }),
  /** The code with its address, or the link's token; answers like login. */
  emailSignInVerify: (proof: EmailSignInProof) =>
    send<LoginData>('/api/auth/email-sign-in/verify', {
      method: 'POST',
      body: { ...proof, transport: 'cookie' },
    }),
  sessions: () => authed<Session[]>('/api/auth/sessions'),
  revokeSession: (id: Session['id']) =>
    authed<unknown>(`/api/auth/sessions/${encodeURIComponent(String(id))}`, { method: 'DELETE' }),
  revokeOtherSessions: () => authed<unknown>('/api/auth/sessions', { method: 'DELETE' }),
};
