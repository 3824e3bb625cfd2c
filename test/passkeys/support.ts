import { expect } from 'vitest';
import type { App } from '../../src/http/types.js';
import type { SignedIn } from '../helpers/app.js';
import { SoftAuthenticator } from '../helpers/webauthn.js';

/** Registers a passkey for the signed-in user through the API; returns its id. */
export async function addPasskey(
  app: App,
  user: SignedIn,
  authenticator: SoftAuthenticator,
  name = 'Laptop',
): Promise<number> {
  const options = await app.inject({
    method: 'POST',
    url: '/api/auth/passkeys/register/options',
    headers: user.auth,
  });
  expect(options.statusCode, options.body).toBe(200);
  const credential = authenticator.register(options.json().data);
  const verified = await app.inject({
    method: 'POST',
    url: '/api/auth/passkeys/register/verify',
    headers: user.auth,
    payload: { name, credential },
  });
  expect(verified.statusCode, verified.body).toBe(201);
  return verified.json().data.id as number;
}

/** Passwordless sign-in options, as the sign-in page asks for them. */
export async function loginOptions(app: App) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/passkeys/login/options' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { challenge: string; allowCredentials?: { id: string }[] };
}

export function loginVerify(app: App, credential: unknown) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/passkeys/login/verify',
    payload: { credential } as never,
  });
}

export { SoftAuthenticator };
