import type { Kysely } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { AssertCurrentPassword } from '../auth/reauth.js';
import type { SecondStepChallenge } from '../auth/service.js';
import { finishSignIn } from '../auth/sign-in.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, UserRow } from '../db/types.js';
import { seal, unseal } from '../email/sealed.js';
import { AppError } from '../errors/app-error.js';
import { toIso } from '../http/serializers.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import * as users from '../users/repository.js';
import type { EmitEvent } from '../webhooks/events.js';
import { passwordFingerprint, type MfaTokens } from './mfa-tokens.js';
import * as repo from './repository.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.js';

export interface MfaServiceDeps {
  db: Kysely<Database>;
  sessions: SessionService;
  limits: Limits;
  tokens: MfaTokens;
  assertCurrentPassword: AssertCurrentPassword;
  /** AES-256-GCM key for TOTP secrets, derived from KEY_ENCRYPTION_KEY. */
  sealingKey: Buffer;
  /** TOKEN_SECRET: the recovery codes' HMAC key. */
  tokenSecret: string;
  /** Shown in authenticator apps next to the account. */
  issuer: string;
  emitEvent: EmitEvent;
  invalidateUser: (userId: number) => Promise<void>;
  requiredForAdmins: boolean;
}

export type SecondStepMethod = 'totp' | 'recovery_code' | 'passkey';

/**
 * The second steps a user can take, from the factors they have. Passkeys add their line here.
 */
export function methodsFor(factors: repo.Factors): SecondStepMethod[] {
  const methods: SecondStepMethod[] = [];
  if (factors.totp) methods.push('totp', 'recovery_code');
  if (factors.passkeys > 0) methods.push('passkey');
  return methods;
}

/** A code from the authenticator app, or one of the recovery codes. */
export interface SecondFactorProof {
  code?: string;
  recovery_code?: string;
}

/** Exactly one of the two: 400 VALIDATION_FAILED otherwise (before anything is counted). */
export function assertOneProof(proof: SecondFactorProof): void {
  const given = Number(proof.code !== undefined) + Number(proof.recovery_code !== undefined);
  if (given === 1) return;
  const sentence =
    given === 0 ? 'Enter a code or a recovery code' : 'Send a code or a recovery code, not both';
  throw new AppError('VALIDATION_FAILED', { errors: { code: sentence } });
}

export type MfaService = ReturnType<typeof createMfaService>;

/** Two-step verification: TOTP enrolment, recovery codes, the second step of sign-in, admin reset. */
export function createMfaService(deps: MfaServiceDeps) {
  const { db } = deps;

  async function loadUser(userId: number): Promise<UserRow> {
    const user = await users.findUserById(db, userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async function status(userId: number) {
    const [totp, remaining] = await Promise.all([
      repo.findTotp(db, userId),
      repo.countUnusedRecoveryCodes(db, userId),
    ]);
    const enabled = Boolean(totp?.confirmed_at);
    return {
      totp: {
        enabled,
        enabled_at: enabled ? toIso(totp!.confirmed_at) : null,
        last_used_at: enabled ? toIso(totp!.last_used_at) : null,
      },
      recovery_codes_remaining: enabled ? remaining : 0,
    };
  }

  /** Step 1 of enrolment: a new secret, not protecting anything until confirmed with a code. */
  async function setup(userId: number, currentPassword: string, context: RequestContext) {
    const user = await loadUser(userId);
    await deps.assertCurrentPassword(user, currentPassword, context);
    const secret = newTotpSecret();
    const stored = await repo.upsertPendingTotp(db, user.id, seal(secret, deps.sealingKey));
    if (!stored) throw new AppError('MFA_ALREADY_ENABLED');
    return { secret, otpauth_uri: otpauthUri(secret, user.email, deps.issuer) };
  }

  const newCodes = (userId: number) => {
    const codes = newRecoveryCodes();
    return { codes, hashes: codes.map((c) => hashRecoveryCode(deps.tokenSecret, userId, c)) };
  };

  /** Step 2: a right code turns it on; the recovery codes are returned this once. */
  async function confirm(userId: number, code: string, context: RequestContext) {
    const totp = await repo.findTotp(db, userId);
    if (!totp)
      throw new AppError('MFA_NOT_ENABLED', {
        message: 'Start the set-up of two-step verification first',
      });
    if (totp.confirmed_at) throw new AppError('MFA_ALREADY_ENABLED');
    const step = matchingStep(unseal(totp.secret_sealed, deps.sealingKey), code);
    if (step === null) throw codeInvalid('code');
    const { codes, hashes } = newCodes(userId);
    const confirmed = await inTransaction(db, async (trx, afterCommit) => {
      if (!(await repo.claimTotpStep(trx, userId, step, { confirm: true }))) return false;
      await repo.replaceRecoveryCodes(trx, userId, hashes);
      await appendAuditEvent(trx, { type: AUDIT_EVENTS.MFA_ENABLED, userId, context });
      await deps.emitEvent(trx, 'mfa.enabled', { user_id: userId });
      afterCommit(() => deps.invalidateUser(userId));
      return true;
    });
    if (!confirmed) throw codeInvalid('code');
    return { recovery_codes: codes };
  }

  function codeInvalid(field: 'code' | 'recovery_code') {
    return new AppError('MFA_CODE_INVALID', {
      errors: {
        [field]:
          field === 'code'
            ? 'The code is incorrect or has already been used'
            : 'The recovery code is incorrect or has already been used',
      },
    });
  }

  /** True when the proof is right; spends the TOTP step or the recovery code. */
  async function spendProof(
    user: UserRow,
    proof: SecondFactorProof,
    context: RequestContext,
  ): Promise<boolean> {
    if (proof.recovery_code !== undefined) {
      return inTransaction(db, async (trx) => {
        const hash = hashRecoveryCode(deps.tokenSecret, user.id, proof.recovery_code!);
        if (!(await repo.useRecoveryCode(trx, user.id, hash))) return false;
        const remaining = await repo.countUnusedRecoveryCodes(trx, user.id);
        await appendAuditEvent(trx, {
          type: AUDIT_EVENTS.RECOVERY_CODE_USED,
          userId: user.id,
          context,
          details: { remaining },
        });
        return true;
      });
    }
    const totp = await repo.findTotp(db, user.id);
    if (!totp?.confirmed_at || proof.code === undefined) return false;
    const step = matchingStep(unseal(totp.secret_sealed, deps.sealingKey), proof.code);
    if (step === null) return false;
    // Compare-and-set: the same code (or an older one) is never accepted twice, on any instance.
    return repo.claimTotpStep(db, user.id, step, { confirm: false });
  }

  /**
   * Checks a second factor. Wrong codes count per account (and address) in the login throttle,
   * like wrong passwords: past the limit, 429 + Retry-After on every instance.
   */
  async function assertSecondFactor(
    user: UserRow,
    proof: SecondFactorProof,
    context: RequestContext,
  ): Promise<void> {
    const field = proof.recovery_code !== undefined ? 'recovery_code' : 'code';
    await deps.limits.beforeLogin(user.email, context.ip);
    let right: boolean;
    try {
      right = await spendProof(user, proof, context);
    } catch (err) {
      await deps.limits.loginAborted(user.email, context.ip);
      throw err;
    }
    if (right) {
      await deps.limits.loginSucceeded(user.email, context.ip);
      return;
    }
    await deps.limits.loginFailed(user.email, context.ip);
    await appendAuditEvent(db, {
      type: AUDIT_EVENTS.MFA_FAILED,
      userId: user.id,
      context,
      details: { method: field === 'code' ? 'totp' : 'recovery_code' },
    });
    throw codeInvalid(field);
  }

  /** Login's hook: a challenge when the user has a second factor, null otherwise. */
  async function secondStep(
    user: UserRow,
    context: RequestContext,
  ): Promise<SecondStepChallenge | null> {
    const methods = methodsFor(await repo.factorsOfUser(db, user.id));
    if (methods.length === 0) return null;
    const mfaToken = await deps.tokens.issue({
      userId: user.id,
      passwordFingerprint: passwordFingerprint(user.password_hash),
      ip: context.ip,
    });
    return { mfa_required: true, mfa_token: mfaToken, methods };
  }

  /**
   * The user a live mfa_token stands for (password unchanged since), or 401 MFA_TOKEN_INVALID.
   * Does not spend it: a second step (e.g. passkey options) may look before completeMfaSignIn.
   */
  async function pendingUser(mfaToken: string): Promise<UserRow> {
    const pending = await deps.tokens.peek(mfaToken);
    const user = pending ? await users.findUserById(db, pending.userId) : undefined;
    if (
      !pending ||
      !user ||
      passwordFingerprint(user.password_hash) !== pending.passwordFingerprint
    )
      throw new AppError('MFA_TOKEN_INVALID');
    return user;
  }

  /**
   * Finishes a sign-in whose second step `method` proved `verifiedUserId`: spends the mfa_token
   * (atomically: of two instances, one wins) and starts the session. Passkeys call this too.
   */
  async function completeMfaSignIn(
    mfaToken: string,
    verifiedUserId: number,
    context: RequestContext,
    method: SecondStepMethod,
  ): Promise<{ user: UserRow; tokens: IssuedTokens }> {
    const pending = await deps.tokens.consume(mfaToken);
    if (!pending || pending.userId !== verifiedUserId) throw new AppError('MFA_TOKEN_INVALID');
    const user = await users.findUserById(db, pending.userId);
    if (!user || passwordFingerprint(user.password_hash) !== pending.passwordFingerprint)
      throw new AppError('MFA_TOKEN_INVALID');
    // Compare-and-set on the password hash: a reset or change meanwhile leaves nothing to sign in to.
    const result = await finishSignIn(deps, user.id, user.password_hash, context, {
      details: { second_step: method },
    });
    if (!result) throw new AppError('MFA_TOKEN_INVALID');
    return result;
  }

  /** POST /api/auth/mfa/verify: the second step with a code or a recovery code. */
  async function verify(mfaToken: string, proof: SecondFactorProof, context: RequestContext) {
    assertOneProof(proof);
    const user = await pendingUser(mfaToken);
    await assertSecondFactor(user, proof, context);
    return completeMfaSignIn(
      mfaToken,
      user.id,
      context,
      proof.recovery_code !== undefined ? 'recovery_code' : 'totp',
    );
  }

  /** Turns TOTP off (and its recovery codes): the password and a second factor both needed. */
  async function disable(
    userId: number,
    input: { current_password: string } & SecondFactorProof,
    context: RequestContext,
  ): Promise<void> {
    assertOneProof(input);
    const user = await loadUser(userId);
    await deps.assertCurrentPassword(user, input.current_password, context);
    const totp = await repo.findTotp(db, userId);
    if (!totp?.confirmed_at) throw new AppError('MFA_NOT_ENABLED');
    await assertSecondFactor(user, input, context);
    await inTransaction(db, async (trx, afterCommit) => {
      if (!(await repo.deleteTotp(trx, userId))) return;
      await repo.deleteRecoveryCodes(trx, userId);
      await appendAuditEvent(trx, { type: AUDIT_EVENTS.MFA_DISABLED, userId, context });
      await deps.emitEvent(trx, 'mfa.disabled', { user_id: userId });
      afterCommit(() => deps.invalidateUser(userId));
    });
  }

  /** New recovery codes replace all the old ones (re-authenticated). */
  async function regenerateRecoveryCodes(
    userId: number,
    currentPassword: string,
    context: RequestContext,
  ) {
    const user = await loadUser(userId);
    await deps.assertCurrentPassword(user, currentPassword, context);
    const totp = await repo.findTotp(db, userId);
    if (!totp?.confirmed_at) throw new AppError('MFA_NOT_ENABLED');
    const { codes, hashes } = newCodes(userId);
    await inTransaction(db, async (trx) => {
      await repo.replaceRecoveryCodes(trx, userId, hashes);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.RECOVERY_CODES_REGENERATED,
        userId,
        context,
      });
    });
    return { recovery_codes: codes };
  }

  /** Admin: clears every second factor of the user and ends all their sessions. */
  async function adminReset(actorId: number, userId: number, context: RequestContext) {
    await loadUser(userId);
    await inTransaction(db, async (trx, afterCommit) => {
      const cleared = await repo.clearFactors(trx, userId);
      const ended = await deps.sessions.revokeAllSessions(
        trx,
        afterCommit,
        userId,
        'mfa_reset',
        null,
      );
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.MFA_RESET,
        userId,
        actorId,
        context,
        details: { ...cleared, sessions_ended: ended.length },
      });
      if (cleared.totp) await deps.emitEvent(trx, 'mfa.disabled', { user_id: userId });
    });
  }

  /** MFA_REQUIRED_FOR_ADMINS: an admin without any second factor must enrol first. */
  async function enrolmentRequired(userId: number, role: string): Promise<boolean> {
    if (!deps.requiredForAdmins || role !== 'admin') return false;
    return methodsFor(await repo.factorsOfUser(db, userId)).length === 0;
  }

  return {
    status,
    setup,
    confirm,
    verify,
    disable,
    regenerateRecoveryCodes,
    adminReset,
    secondStep,
    pendingUser,
    completeMfaSignIn,
    enrolmentRequired,
  };
}
