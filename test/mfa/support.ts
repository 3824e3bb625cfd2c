import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { App } from '../../src/http/types.js';
import type { SignedIn } from '../helpers/app.js';

/** The code an authenticator app shows `steps` 30-second steps from now (computed from the secret). */
export function codeAt(secret: string, steps = 0): string {
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A code for no step within ±1 of now. */
export function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((s) => codeAt(secret, s)));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

/**
 * Turns TOTP on for a signed-in user. It is confirmed with the previous step's code, leaving the
 * current and next steps' codes for the test.
 */
export async function enableTotp(app: App, user: SignedIn) {
  const setup = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/totp/setup',
    headers: user.auth,
    payload: { current_password: user.password },
  });
  expect(setup.statusCode, setup.body).toBe(200);
  const secret = setup.json().data.secret as string;
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/totp/confirm',
    headers: user.auth,
    payload: { code: codeAt(secret, -1) },
  });
  expect(confirm.statusCode, confirm.body).toBe(200);
  return {
    secret,
    otpauthUri: setup.json().data.otpauth_uri as string,
    recoveryCodes: confirm.json().data.recovery_codes as string[],
  };
}

/** POST /api/auth/login, expecting the second-step challenge. */
export async function passwordStep(app: App, email: string, password: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const data = res.json().data;
  expect(data.mfa_required).toBe(true);
  return data as { mfa_required: true; mfa_token: string; methods: string[] };
}

export async function verify(app: App, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: body });
}
