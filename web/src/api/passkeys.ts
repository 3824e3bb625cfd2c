import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { authed } from './client';
import { send } from './http';
import type { RequestBody, ResponseData, TokenData } from './types';

export type Passkey = ResponseData<'/api/auth/passkeys', 'get'>[number];
type RegistrationCredential = RequestBody<
  '/api/auth/passkeys/register/verify',
  'post'
>['credential'];
type AuthenticationCredential = RequestBody<
  '/api/auth/passkeys/login/verify',
  'post'
>['credential'];

const path = (id: number) => `/api/auth/passkeys/${encodeURIComponent(String(id))}`;

export const passkeysApi = {
  list: () => authed<Passkey[]>('/api/auth/passkeys'),
  ofUser: (userId: number | string) =>
    authed<Passkey[]>(`/api/users/${encodeURIComponent(String(userId))}/passkeys`),
  rename: (id: number, name: string) =>
    authed<Passkey>(path(id), { method: 'PATCH', body: { name } }),
  remove: (id: number, currentPassword?: string) =>
    authed<unknown>(path(id), {
      method: 'DELETE',
      body: currentPassword === undefined ? undefined : { current_password: currentPassword },
    }),

  /** Creates a passkey on this device (the browser asks) and stores it under `name`. */
  async register(name: string): Promise<Passkey> {
    const options = await authed<unknown>('/api/auth/passkeys/register/options', {
      method: 'POST',
    });
    const credential = await startRegistration({
      optionsJSON: options as PublicKeyCredentialCreationOptionsJSON,
    });
    return authed<Passkey>('/api/auth/passkeys/register/verify', {
      method: 'POST',
      body: { name, credential: credential as RegistrationCredential },
    });
  },

  /**
   * Passwordless sign-in. With `autofill` the browser offers passkeys in the email field's
   * suggestions (conditional UI) and this waits until one is picked, or the ceremony is cancelled.
   */
  async signIn(autofill = false): Promise<TokenData> {
    const options = await send<unknown>('/api/auth/passkeys/login/options', { method: 'POST' });
    const credential = await startAuthentication({
      optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
      useBrowserAutofill: autofill,
    });
    return send<TokenData>('/api/auth/passkeys/login/verify', {
      method: 'POST',
      body: { credential: credential as AuthenticationCredential, transport: 'cookie' },
    });
  },

  /** The second step of a password sign-in, with a passkey of that person. */
  async secondStep(mfaToken: string): Promise<TokenData> {
    const options = await send<unknown>('/api/auth/passkeys/mfa/options', {
      method: 'POST',
      body: { mfa_token: mfaToken },
    });
    const credential = await startAuthentication({
      optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
    });
    return send<TokenData>('/api/auth/passkeys/mfa/verify', {
      method: 'POST',
      body: {
        mfa_token: mfaToken,
        credential: credential as AuthenticationCredential,
        transport: 'cookie',
      },
    });
  },

  /** Proves it is still this person (a passkey of theirs): for 5 minutes no password is asked. */
  async reauthenticate(): Promise<void> {
    const options = await authed<unknown>('/api/auth/passkeys/reauth/options', { method: 'POST' });
    const credential = await startAuthentication({
      optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
    });
    await authed<unknown>('/api/auth/passkeys/reauth/verify', {
      method: 'POST',
      body: { credential: credential as AuthenticationCredential },
    });
  },

  supported: () => browserSupportsWebAuthn(),
  autofillSupported: () => browserSupportsWebAuthnAutofill(),
  /** Ends a waiting autofill ceremony (leaving the page). */
  cancel: () => WebAuthnAbortService.cancelCeremony(),
};

/** The person dismissed the browser's passkey prompt, or it timed out: not an error to report. */
export function isCancelled(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
  );
}
