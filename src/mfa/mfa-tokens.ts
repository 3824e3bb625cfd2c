import { createHash } from 'node:crypto';
import { hashToken, newOpaqueToken } from '../auth/opaque-tokens.js';
import type { SharedState } from '../state/port.js';

/** What an mfa_token stands for: one password sign-in waiting for its second step. */
export interface PendingSignIn {
  userId: number;
  /**
   * A fingerprint of the password hash the sign-in checked (never the hash): a password change
   * or reset meanwhile voids the token, and the session is started against that very hash.
   */
  passwordFingerprint: string;
  /** Where the password was given (for the audit trail). */
  ip: string | null;
}

export const passwordFingerprint = (passwordHash: string) =>
  createHash('sha256').update(`mfa-token\0${passwordHash}`).digest('base64url');

const key = (token: string) => `mfa:token:${hashToken(token).toString('base64url')}`;

/**
 * Single-use tokens for the second step, in shared state so any instance can finish a sign-in that
 * another began. Only the token's hash is a key; the token itself is never stored.
 */
export function createMfaTokens(deps: { state: SharedState; ttlSeconds: number }) {
  return {
    async issue(pending: PendingSignIn): Promise<string> {
      const token = newOpaqueToken();
      await deps.state.set(key(token), JSON.stringify(pending), deps.ttlSeconds);
      return token;
    },
    /** The pending sign-in, still unspent (a wrong code leaves it usable until it expires). */
    async peek(token: string): Promise<PendingSignIn | null> {
      const value = await deps.state.get(key(token));
      return value ? (JSON.parse(value) as PendingSignIn) : null;
    },
    /** Spends the token: GET and DEL in one step, so exactly one caller ever gets it. */
    async consume(token: string): Promise<PendingSignIn | null> {
      const value = await deps.state.getAndDelete(key(token));
      return value ? (JSON.parse(value) as PendingSignIn) : null;
    },
  };
}

export type MfaTokens = ReturnType<typeof createMfaTokens>;
