import { authed } from './client';
import { send } from './http';
import type { MfaStatus, RecoveryCodes, TokenData, TotpSetup } from './types';

/** A code from the authenticator app, or a recovery code. */
export type SecondFactorProof = { code: string } | { recovery_code: string };

export const mfaApi = {
  status: () => authed<MfaStatus>('/api/auth/mfa'),
  setup: (currentPassword: string) =>
    authed<TotpSetup>('/api/auth/mfa/totp/setup', {
      method: 'POST',
      body: { current_password: currentPassword },
    }),
  confirm: (code: string) =>
    authed<RecoveryCodes>('/api/auth/mfa/totp/confirm', { method: 'POST', body: { code } }),
  disable: (currentPassword: string, proof: SecondFactorProof) =>
    authed<unknown>('/api/auth/mfa/totp', {
      method: 'DELETE',
      body: { current_password: currentPassword, ...proof },
    }),
  regenerate: (currentPassword: string) =>
    authed<RecoveryCodes>('/api/auth/mfa/recovery-codes', {
      method: 'POST',
      body: { current_password: currentPassword },
    }),
  /** The second step of sign-in (no session yet: not an authed call). */
  verify: (mfaToken: string, proof: SecondFactorProof) =>
    send<TokenData>('/api/auth/mfa/verify', {
      method: 'POST',
      body: { mfa_token: mfaToken, ...proof, transport: 'cookie' },
    }),
};
