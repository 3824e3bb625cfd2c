import { createHmac } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { inTransaction, type AfterCommit } from '../db/transaction.js';
import type { Database, Role, SessionRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { AccessTokens, ActiveOrganization } from '../auth/access-tokens.js';
import { hashToken, newOpaqueToken } from '../auth/opaque-tokens.js';
import type { LiveSessionCache, PublicUserRow } from './live-session-cache.js';
import * as sessions from './repository.js';
import * as refreshTokens from './refresh-token-repository.js';
import { emitNothing, type EmitEvent } from '../webhooks/events.js';

export interface SessionServiceDeps {
  db: Kysely<Database>;
  accessTokens: AccessTokens;
  cache: LiveSessionCache;
  tokenSecret: string;
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime: no refresh extends a session past sign-in + this. */
  sessionMaxLifetimeDays: number;
  refreshReuseGraceSeconds: number;
  onRefreshOutcome?: (outcome: 'rotated' | 'grace_replay' | 'reuse_detected' | 'invalid') => void;
  onSessionsRevoked?: (count: number) => void;
  /** Webhook events (session.created, session.revoked), in the change's transaction. */
  emitEvent?: EmitEvent;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: number;
  userId: number;
}

export type SessionService = ReturnType<typeof createSessionService>;

/** Sessions are refresh-token families: one login, one session, a chain of single-use tokens. */
export function createSessionService(deps: SessionServiceDeps) {
  const { db, cache } = deps;
  const graceSeconds = deps.refreshReuseGraceSeconds;
  const emitEvent = deps.emitEvent ?? emitNothing;

  /**
   * The successor of a refresh token is derived from it (HMAC under TOKEN_SECRET), so every
   * presentation inside the grace window receives the same successor while only hashes are stored.
   */
  const successorOf = (token: string) =>
    createHmac('sha256', deps.tokenSecret).update(token, 'utf8').digest('base64url');
  const expiry = () => new Date(Date.now() + deps.refreshTokenTtlSeconds * 1000);
  const maxLifetimeDays = deps.sessionMaxLifetimeDays;

  async function signFor(
    userId: number,
    sessionId: number,
    role: Role,
    organization: ActiveOrganization | null = null,
  ) {
    return deps.accessTokens.sign({ userId, sessionId, role, organization });
  }

  /** Starts a session for a user who just proved who they are; runs inside the caller's transaction. */
  async function startSession(
    trx: Transaction<Database>,
    user: { id: number; role: Role },
    context: RequestContext,
  ): Promise<IssuedTokens> {
    // A session starts with the sliding expiry, or its whole lifetime if that is shorter.
    const lifetimeEnd = new Date(Date.now() + maxLifetimeDays * 86_400_000);
    const expiresAt = new Date(Math.min(expiry().getTime(), lifetimeEnd.getTime()));
    const session = await sessions.insertSession(trx, {
      userId: user.id,
      ip: context.ip,
      userAgent: context.userAgent,
      expiresAt,
    });
    const refreshToken = newOpaqueToken();
    await refreshTokens.insertRefreshToken(trx, {
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      parentId: null,
      expiresAt,
    });
    await emitEvent(trx, 'session.created', { id: session.id, user_id: user.id });
    const access = await signFor(user.id, session.id, user.role);
    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: access.expiresIn,
      sessionId: session.id,
      userId: user.id,
    };
  }

  /** Rotates a refresh token: exactly one winner, grace-window replays get the same successor, late reuse ends the session. */
  async function rotateRefreshToken(
    presented: string,
    context: RequestContext,
  ): Promise<{ tokens: IssuedTokens; user: PublicUserRow }> {
    const presentedHash = hashToken(presented);
    const successor = successorOf(presented);
    // Claim, successor and session update in one statement: one round trip holds a pooled
    // connection instead of five (BEGIN, three statements, COMMIT), the pool bound of refresh.
    const claimed = await refreshTokens.rotateRefreshToken(db, {
      presentedHash,
      successorHash: hashToken(successor),
      expiresAt: expiry(),
      maxLifetimeDays,
    });
    if (claimed) {
      deps.onRefreshOutcome?.('rotated');
      return issueAccess(claimed.user_id, claimed.session_id, successor);
    }

    const seen = await refreshTokens.inspectRefreshToken(db, presentedHash, maxLifetimeDays);
    if (!seen || !seen.session_live || seen.used_seconds_ago === null) {
      deps.onRefreshOutcome?.('invalid');
      throw new AppError('INVALID_REFRESH_TOKEN');
    }
    if (
      seen.used_seconds_ago <= graceSeconds &&
      (await refreshTokens.refreshTokenExists(db, hashToken(successor)))
    ) {
      deps.onRefreshOutcome?.('grace_replay');
      return issueAccess(seen.user_id, seen.session_id, successor);
    }
    // Presented again after the grace window: someone else holds a copy. End the whole family.
    await inTransaction(db, async (trx, afterCommit) => {
      await sessions.revokeSessionById(trx, seen.session_id, 'refresh_token_reuse');
      sessionEnded(afterCommit, seen.session_id);
      await emitEvent(trx, 'session.revoked', {
        id: seen.session_id,
        user_id: seen.user_id,
        reason: 'refresh_token_reuse',
      });
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.REFRESH_REUSE_DETECTED,
        userId: seen.user_id,
        context,
        details: { session_id: seen.session_id },
      });
    });
    deps.onRefreshOutcome?.('reuse_detected');
    throw new AppError('INVALID_REFRESH_TOKEN');
  }

  /** Once the revocation committed, every instance forgets the session. */
  function sessionEnded(afterCommit: AfterCommit, sessionId: number): void {
    afterCommit(async () => {
      await cache.invalidateSession(sessionId);
      deps.onSessionsRevoked?.(1);
    });
  }

  async function issueAccess(userId: number, sessionId: number, refreshToken: string) {
    // The role and the organization come from the live session (database or invalidated cache),
    // never from an old token: a member who left the organization gets a token without it.
    const live = await cache.get(sessionId);
    if (!live || live.userId !== userId) throw new AppError('INVALID_REFRESH_TOKEN');
    const access = await signFor(userId, sessionId, live.role, live.organization);
    const tokens: IssuedTokens = {
      accessToken: access.token,
      refreshToken,
      expiresIn: access.expiresIn,
      sessionId,
      userId,
    };
    return { tokens, user: live.user };
  }

  /**
   * A new access token for a live session, as of now (its active organization changed); the
   * refresh token stays as it is.
   */
  async function reissueAccessToken(userId: number, sessionId: number) {
    const live = await cache.get(sessionId);
    if (!live || live.userId !== userId) throw new AppError('UNAUTHENTICATED');
    const access = await signFor(userId, sessionId, live.role, live.organization);
    return { access, live };
  }

  async function revokeSession(
    userId: number,
    sessionId: number,
    reason: string,
    context: RequestContext,
    actorId?: number,
  ) {
    return inTransaction(db, async (trx, afterCommit) => {
      const ok = await sessions.revokeSessionOfUser(trx, userId, sessionId, reason);
      if (ok) {
        sessionEnded(afterCommit, sessionId);
        await emitEvent(trx, 'session.revoked', { id: sessionId, user_id: userId, reason });
        await appendAuditEvent(trx, {
          type: reason === 'logout' ? AUDIT_EVENTS.LOGOUT : AUDIT_EVENTS.SESSION_REVOKED,
          userId,
          actorId: actorId ?? null,
          context,
          details: { session_id: sessionId, reason },
        });
      }
      return ok;
    });
  }

  /**
   * Ends every session of the user except `keepSessionId` (null: all), inside the caller's
   * transaction; once it committed, every instance re-reads the user (its sessions are gone).
   */
  async function revokeAllSessions(
    trx: Transaction<Database>,
    afterCommit: AfterCommit,
    userId: number,
    reason: string,
    keepSessionId: number | null,
  ): Promise<number[]> {
    const ids = await sessions.revokeSessionsOfUser(trx, userId, reason, keepSessionId);
    for (const id of ids) await emitEvent(trx, 'session.revoked', { id, user_id: userId, reason });
    afterCommit(async () => {
      await cache.invalidateUser(userId);
      if (ids.length > 0) deps.onSessionsRevoked?.(ids.length);
    });
    return ids;
  }

  async function revokeOtherSessions(
    userId: number,
    currentSessionId: number,
    context: RequestContext,
  ): Promise<number> {
    const revoked = await inTransaction(db, async (trx, afterCommit) => {
      const ids = await revokeAllSessions(
        trx,
        afterCommit,
        userId,
        'revoked_by_user',
        currentSessionId,
      );
      if (ids.length > 0) {
        await appendAuditEvent(trx, {
          type: AUDIT_EVENTS.SESSION_REVOKED,
          userId,
          context,
          details: { session_ids: ids, reason: 'sign_out_others' },
        });
      }
      return ids;
    });
    return revoked.length;
  }

  async function listSessions(userId: number): Promise<SessionRow[]> {
    return sessions.listLiveSessionsByUserId(db, userId);
  }

  return {
    startSession,
    rotateRefreshToken,
    reissueAccessToken,
    revokeSession,
    revokeOtherSessions,
    revokeAllSessions,
    listSessions,
  };
}
