import { decodeClientDataJSON } from '@simplewebauthn/server/helpers';
import { AppError } from '../errors/app-error.js';
import type { SharedState } from '../state/port.js';

/** How long an issued challenge can be answered (and the WebAuthn ceremony's timeout). */
export const CHALLENGE_TTL_SECONDS = 300;

/** What a challenge was issued for; the answer must come for the same purpose and caller. */
export type ChallengeBinding =
  | { kind: 'login' }
  | { kind: 'register'; userId: number; sessionId: number; userHandle: string }
  | { kind: 'reauth'; userId: number; sessionId: number }
  | { kind: 'mfa'; userId: number };

const key = (challenge: string) => `passkey:challenge:${challenge}`;

/**
 * WebAuthn challenges in shared state: issued by any instance, answered at any other, once.
 * The key is the challenge itself, which the browser signs into clientDataJSON: the client sends
 * nothing else to name it.
 */
export function createChallengeStore(state: SharedState) {
  async function issue(challenge: string, binding: ChallengeBinding): Promise<void> {
    await state.set(key(challenge), JSON.stringify(binding), CHALLENGE_TTL_SECONDS);
  }

  /**
   * The challenge the response answers, consumed (single use), if it was issued for `kind`;
   * otherwise PASSKEY_CHALLENGE_INVALID.
   */
  async function consume<K extends ChallengeBinding['kind']>(
    clientDataJSON: string,
    kind: K,
  ): Promise<{ challenge: string; binding: Extract<ChallengeBinding, { kind: K }> }> {
    let challenge: string;
    try {
      challenge = decodeClientDataJSON(clientDataJSON).challenge;
    } catch {
      throw new AppError('PASSKEY_REJECTED');
    }
    if (typeof challenge !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(challenge))
      throw new AppError('PASSKEY_CHALLENGE_INVALID');
    const stored = await state.getAndDelete(key(challenge));
    if (stored === null) throw new AppError('PASSKEY_CHALLENGE_INVALID');
    const binding = JSON.parse(stored) as ChallengeBinding;
    if (binding.kind !== kind) throw new AppError('PASSKEY_CHALLENGE_INVALID');
    return { challenge, binding: binding as Extract<ChallengeBinding, { kind: K }> };
  }

  return { issue, consume };
}

export type ChallengeStore = ReturnType<typeof createChallengeStore>;
