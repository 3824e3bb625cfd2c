import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransport,
} from '@simplewebauthn/server';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { assertWayInLeft } from '../auth/ways-in.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { Reauthentication } from '../auth/reauth.js';
import { REAUTH_TTL_SECONDS } from '../auth/reauth.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, PasskeyRow, Role, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import type { SharedState } from '../state/port.js';
import { validateName } from '../users/name.js';
import * as users from '../users/repository.js';
import { CHALLENGE_TTL_SECONDS, createChallengeStore } from './challenges.js';
import * as passkeys from './repository.js';
import type { AuthenticationCredentialType, RegistrationCredentialType } from './schemas.js';

export interface PasskeyServiceDeps {
  db: Kysely<Database>;
  state: SharedState;
  sessions: SessionService;
  limits: Limits;
  reauth: Reauthentication;
  /** APP_URL: the relying party is its host name, the expected origin its origin. */
  appUrl: string;
  requireEmailVerification: boolean;
  invalidateUser: (userId: number) => Promise<void>;
  onLoginOutcome?: (outcome: 'success' | 'wrong_credentials' | 'unverified' | 'shed') => void;
  /** The second step of password sign-in (two-step verification): a passkey is one method. */
  mfa: {
    /** The user a live mfa_token stands for, or MFA_TOKEN_INVALID. */
    pendingUser(mfaToken: string): Promise<UserRow>;
    /** Spends the mfa_token for this verified user and starts the session. */
    completeMfaSignIn(
      mfaToken: string,
      verifiedUserId: number,
      context: RequestContext,
      method: 'passkey',
    ): Promise<{ user: UserRow; tokens: IssuedTokens }>;
  };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;

const RP_NAME = 'Gatehouse';
const TIMEOUT_MS = CHALLENGE_TTL_SECONDS * 1000;

/** Removes every passkey of a user (admin reset, in its transaction); returns how many. */
export async function removeAllPasskeys(
  trx: Transaction<Database>,
  userId: number,
  audit: { actorId: number | null; context: RequestContext },
): Promise<number> {
  const removed = await passkeys.deleteAllPasskeysOfUser(trx, userId);
  for (const passkey of removed) {
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.PASSKEY_REMOVED,
      userId,
      actorId: audit.actorId,
      context: audit.context,
      details: { passkey_id: passkey.id, name: passkey.name, by: 'reset' },
    });
  }
  return removed.length;
}

/** Passkeys (WebAuthn): registration, passwordless sign-in, re-authentication, management. */
export function createPasskeyService(deps: PasskeyServiceDeps) {
  const { db } = deps;
  const appUrl = new URL(deps.appUrl);
  const rpID = appUrl.hostname;
  const origin = appUrl.origin;
  const challenges = createChallengeStore(deps.state);

  async function registrationOptions(userId: number, sessionId: number) {
    const user = await users.findUserById(db, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const existing = await passkeys.listPasskeysOfUser(db, user.id);
    // One random handle per person (never the id or the address): authenticators then keep one
    // passkey per account and replace it rather than pile up.
    const userHandle = existing[0]?.user_handle ?? randomBytes(32).toString('base64url');
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: user.email,
      userDisplayName: user.name,
      userID: Buffer.from(userHandle, 'base64url'),
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({
        id: p.credential_id,
        transports: p.transports as AuthenticatorTransport[],
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await challenges.issue(options.challenge, {
      kind: 'register',
      userId: user.id,
      sessionId,
      userHandle,
    });
    return options;
  }

  async function registerVerify(
    userId: number,
    sessionId: number,
    input: { name: string; credential: RegistrationCredentialType },
    context: RequestContext,
  ): Promise<PasskeyRow> {
    const name = validateName(input.name);
    const { challenge, binding } = await challenges.consume(
      input.credential.response.clientDataJSON,
      'register',
    );
    if (binding.userId !== userId || binding.sessionId !== sessionId)
      throw new AppError('PASSKEY_CHALLENGE_INVALID');
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response: input.credential,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
    } catch {
      throw new AppError('PASSKEY_REJECTED');
    }
    if (!verified.verified) throw new AppError('PASSKEY_REJECTED');
    const info = verified.registrationInfo;
    return inTransaction(db, async (trx) => {
      const user = await users.lockUserById(trx, userId);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const row = await passkeys.insertPasskey(trx, {
        userId,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey),
        userHandle: binding.userHandle,
        signCount: info.credential.counter,
        backupEligible: info.credentialDeviceType === 'multiDevice',
        backedUp: info.credentialBackedUp,
        transports: (input.credential.response.transports ?? []).slice(0, 10),
        name,
      });
      if (!row) throw new AppError('PASSKEY_ALREADY_REGISTERED');
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSKEY_ADDED,
        userId,
        context,
        details: { passkey_id: row.id, name },
      });
      return row;
    });
  }

  async function loginOptions() {
    const options = await generateAuthenticationOptions({
      rpID,
      timeout: TIMEOUT_MS,
      userVerification: 'required',
    });
    await challenges.issue(options.challenge, { kind: 'login' });
    return options;
  }

  async function reauthOptions(userId: number, sessionId: number) {
    const own = await passkeys.listPasskeysOfUser(db, userId);
    if (own.length === 0) throw new AppError('PASSKEY_NOT_FOUND');
    const options = await generateAuthenticationOptions({
      rpID,
      timeout: TIMEOUT_MS,
      userVerification: 'required',
      allowCredentials: own.map((p) => ({
        id: p.credential_id,
        transports: p.transports as AuthenticatorTransport[],
      })),
    });
    await challenges.issue(options.challenge, { kind: 'reauth', userId, sessionId });
    return options;
  }

  /**
   * Checks an assertion against a stored passkey: the signature, user verification, and a counter
   * that moved forward. A valid signature over a counter that did not (a cloned authenticator) is
   * audited and refused. Returns what to record once the caller's transaction runs.
   */
  async function checkAssertion(
    passkey: PasskeyRow,
    credential: AuthenticationCredentialType,
    challenge: string,
    context: RequestContext,
  ): Promise<{ signCount: number; backedUp: boolean }> {
    const handle = credential.response.userHandle;
    if (handle !== undefined && handle !== passkey.user_handle)
      throw new AppError('PASSKEY_INVALID');
    let info: Awaited<ReturnType<typeof verifyAuthenticationResponse>>['authenticationInfo'];
    try {
      const verified = await verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        // The counter is judged below, after the signature, so that a regression can be audited.
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(passkey.public_key),
          counter: 0,
          transports: passkey.transports as AuthenticatorTransport[],
        },
        requireUserVerification: true,
      });
      if (!verified.verified) throw new AppError('PASSKEY_INVALID');
      info = verified.authenticationInfo;
    } catch {
      throw new AppError('PASSKEY_INVALID');
    }
    if (regressed(passkey.sign_count, info.newCounter)) {
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.PASSKEY_COUNTER_REGRESSED,
        userId: passkey.user_id,
        context,
        details: { passkey_id: passkey.id, stored: passkey.sign_count, presented: info.newCounter },
      });
      throw new AppError('PASSKEY_INVALID');
    }
    return { signCount: info.newCounter, backedUp: info.credentialBackedUp };
  }

  /** Records the use under the row lock; a concurrent use that got there first wins. */
  async function recordUse(
    trx: Transaction<Database>,
    passkey: PasskeyRow,
    use: { signCount: number; backedUp: boolean },
  ): Promise<boolean> {
    const locked = await passkeys.lockPasskey(trx, passkey.id);
    if (!locked || regressed(locked.sign_count, use.signCount)) return false;
    await passkeys.recordPasskeyUse(trx, passkey.id, use);
    return true;
  }

  async function loginVerify(
    credential: AuthenticationCredentialType,
    context: RequestContext,
  ): Promise<{ user: UserRow; tokens: IssuedTokens }> {
    const { challenge } = await challenges.consume(credential.response.clientDataJSON, 'login');
    const passkey = await passkeys.findPasskeyByCredentialId(db, credential.id);
    const user = passkey ? await users.findUserById(db, passkey.user_id) : undefined;
    // Counted like password sign-in: per account (or per unknown credential) and per address.
    const throttleKey = user ? user.email : `passkey:${credential.id}`;
    await deps.limits.beforeLogin(throttleKey, context.ip);
    const fail = async (reason: string): Promise<never> => {
      await deps.limits.loginFailed(throttleKey, context.ip);
      deps.onLoginOutcome?.('wrong_credentials');
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.LOGIN_FAILED,
        userId: user?.id ?? null,
        context,
        details: { reason, method: 'passkey' },
      });
      throw new AppError('PASSKEY_INVALID');
    };
    if (!passkey || !user) return fail('unknown_passkey');
    let use: { signCount: number; backedUp: boolean };
    try {
      use = await checkAssertion(passkey, credential, challenge, context);
    } catch (err) {
      if (err instanceof AppError && err.code === 'PASSKEY_INVALID') return fail('passkey_invalid');
      await deps.limits.loginAborted(throttleKey, context.ip);
      throw err;
    }
    await deps.limits.loginSucceeded(throttleKey, context.ip);
    if (deps.requireEmailVerification && !user.email_verified) {
      deps.onLoginOutcome?.('unverified');
      throw new AppError('EMAIL_NOT_VERIFIED');
    }
    const result = await inTransaction(db, async (trx, afterCommit) => {
      if (!(await recordUse(trx, passkey, use))) return null;
      // Compare-and-set on the row read above: a deletion or password change meanwhile wins.
      const fresh = await users.recordLogin(trx, user.id, user.password_hash);
      if (!fresh) return null;
      afterCommit(() => deps.invalidateUser(user.id));
      const tokens = await deps.sessions.startSession(trx, fresh, context);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSKEY_SIGN_IN,
        userId: user.id,
        context,
        details: { session_id: tokens.sessionId, passkey_id: passkey.id },
      });
      return { user: fresh, tokens };
    });
    if (!result) return fail('passkey_invalid');
    deps.onLoginOutcome?.('success');
    return result;
  }

  async function reauthVerify(
    userId: number,
    sessionId: number,
    credential: AuthenticationCredentialType,
    context: RequestContext,
  ): Promise<{ expires_in: number }> {
    const { challenge, binding } = await challenges.consume(
      credential.response.clientDataJSON,
      'reauth',
    );
    if (binding.userId !== userId || binding.sessionId !== sessionId)
      throw new AppError('PASSKEY_CHALLENGE_INVALID');
    const passkey = await passkeys.findPasskeyByCredentialId(db, credential.id);
    const refuse = async (): Promise<never> => {
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.REAUTH_FAILED,
        userId,
        context,
        details: { method: 'passkey' },
      });
      throw new AppError('PASSKEY_INVALID');
    };
    if (!passkey || passkey.user_id !== userId) return refuse();
    let use: { signCount: number; backedUp: boolean };
    try {
      use = await checkAssertion(passkey, credential, challenge, context);
    } catch (err) {
      if (err instanceof AppError && err.code === 'PASSKEY_INVALID') return refuse();
      throw err;
    }
    const recorded = await inTransaction(db, async (trx) => {
      if (!(await recordUse(trx, passkey, use))) return false;
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSKEY_REAUTHENTICATED,
        userId,
        context,
        details: { session_id: sessionId, passkey_id: passkey.id },
      });
      return true;
    });
    if (!recorded) return refuse();
    await deps.reauth.markReauthenticated(sessionId);
    return { expires_in: REAUTH_TTL_SECONDS };
  }

  /** Second step: request options for the passkeys of the person the mfa_token stands for. */
  async function mfaOptions(mfaToken: string) {
    const user = await deps.mfa.pendingUser(mfaToken);
    const own = await passkeys.listPasskeysOfUser(db, user.id);
    if (own.length === 0) throw new AppError('PASSKEY_NOT_FOUND');
    const options = await generateAuthenticationOptions({
      rpID,
      timeout: TIMEOUT_MS,
      userVerification: 'required',
      allowCredentials: own.map((p) => ({
        id: p.credential_id,
        transports: p.transports as AuthenticatorTransport[],
      })),
    });
    await challenges.issue(options.challenge, { kind: 'mfa', userId: user.id });
    return options;
  }

  /**
   * Second step: an assertion by a passkey of the mfa_token's user finishes the sign-in. A wrong
   * one counts against the account like a wrong code, and is audited as a failed second step.
   */
  async function mfaVerify(
    mfaToken: string,
    credential: AuthenticationCredentialType,
    context: RequestContext,
  ): Promise<{ user: UserRow; tokens: IssuedTokens }> {
    const user = await deps.mfa.pendingUser(mfaToken);
    const { challenge, binding } = await challenges.consume(
      credential.response.clientDataJSON,
      'mfa',
    );
    if (binding.userId !== user.id) throw new AppError('PASSKEY_CHALLENGE_INVALID');
    await deps.limits.beforeLogin(user.email, context.ip);
    const passkey = await passkeys.findPasskeyByCredentialId(db, credential.id);
    let use: { signCount: number; backedUp: boolean } | null = null;
    try {
      if (passkey && passkey.user_id === user.id)
        use = await checkAssertion(passkey, credential, challenge, context);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'PASSKEY_INVALID')) {
        await deps.limits.loginAborted(user.email, context.ip);
        throw err;
      }
    }
    if (!passkey || !use) {
      await deps.limits.loginFailed(user.email, context.ip);
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.MFA_FAILED,
        userId: user.id,
        context,
        details: { method: 'passkey' },
      });
      throw new AppError('PASSKEY_INVALID');
    }
    await deps.limits.loginSucceeded(user.email, context.ip);
    const recorded = await inTransaction(db, (trx) => recordUse(trx, passkey, use));
    if (!recorded) throw new AppError('PASSKEY_INVALID');
    return deps.mfa.completeMfaSignIn(mfaToken, user.id, context, 'passkey');
  }

  async function list(userId: number): Promise<PasskeyRow[]> {
    return passkeys.listPasskeysOfUser(db, userId);
  }

  /** Another user's passkeys, for an admin (or oneself): USER_NOT_FOUND / FORBIDDEN otherwise. */
  async function listOf(actor: { userId: number; role: Role }, id: number): Promise<PasskeyRow[]> {
    const user = validId(id) ? await users.findUserById(db, id) : undefined;
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.id !== actor.userId && actor.role !== 'admin') throw new AppError('FORBIDDEN');
    return passkeys.listPasskeysOfUser(db, id);
  }

  async function rename(userId: number, id: number, rawName: string): Promise<PasskeyRow> {
    const name = validateName(rawName);
    const row = validId(id) ? await passkeys.renamePasskey(db, userId, id, name) : undefined;
    if (!row) throw new AppError('PASSKEY_NOT_FOUND');
    return row;
  }

  async function remove(
    userId: number,
    sessionId: number,
    id: number,
    currentPassword: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    const user = await users.findUserById(db, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    // Unknown ids answer 404 before re-authentication: they belong to nobody the caller can see.
    const own = validId(id)
      ? (await passkeys.listPasskeysOfUser(db, userId)).find((p) => p.id === id)
      : undefined;
    if (!own) throw new AppError('PASSKEY_NOT_FOUND');
    await deps.reauth.assertReauthenticated(user, sessionId, currentPassword, context);
    await inTransaction(db, async (trx) => {
      // A passkey may be the account's last way in (no password, no linked provider account).
      const locked = await users.lockUserById(trx, userId);
      if (!locked) throw new AppError('UNAUTHENTICATED');
      const removed = await passkeys.deletePasskey(trx, userId, id);
      if (!removed) throw new AppError('PASSKEY_NOT_FOUND');
      await assertWayInLeft(trx, locked);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.PASSKEY_REMOVED,
        userId,
        context,
        details: { passkey_id: removed.id, name: removed.name, by: 'self' },
      });
    });
  }

  return {
    registrationOptions,
    registerVerify,
    loginOptions,
    loginVerify,
    reauthOptions,
    reauthVerify,
    mfaOptions,
    mfaVerify,
    list,
    listOf,
    rename,
    remove,
  };
}

/** The stored counter was non-zero and the presented one did not pass it: refused. */
function regressed(stored: number, presented: number): boolean {
  return (stored > 0 || presented > 0) && presented <= stored;
}

const validId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;
