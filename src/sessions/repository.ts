import { sql } from 'kysely';
import type { Executor, OrgRole, SessionRow, UserRow } from '../db/types.js';

/**
 * The user behind a session that is neither revoked nor expired, or undefined; with the session's
 * active organization and the user's role in it, only while the user is still a member.
 */
export async function findLiveSession(
  db: Executor,
  sessionId: number,
): Promise<
  (UserRow & { session_id: number; org_id: number | null; org_role: OrgRole | null }) | undefined
> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.organization_id', '=', 'sessions.active_organization_id')
        .onRef('memberships.user_id', '=', 'sessions.user_id'),
    )
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'memberships.organization_id as org_id',
      'memberships.role as org_role',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function insertSession(
  db: Executor,
  values: { userId: number; ip: string | null; userAgent: string | null; expiresAt: Date },
): Promise<SessionRow> {
  return db
    .insertInto('sessions')
    .values({
      user_id: values.userId,
      ip: values.ip,
      user_agent: values.userAgent,
      expires_at: values.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listLiveSessionsByUserId(
  db: Executor,
  userId: number,
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_used_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Ends one session of the user; returns false when it is not theirs or already ended. */
export async function revokeSessionOfUser(
  db: Executor,
  userId: number,
  sessionId: number,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every live session of the user except `keepSessionId`; returns the ids ended. */
export async function revokeSessionsOfUser(
  db: Executor,
  userId: number,
  reason: string,
  keepSessionId: number | null = null,
): Promise<number[]> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId !== null) query = query.where('id', '!=', keepSessionId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

export async function revokeSessionById(
  db: Executor,
  sessionId: number,
  reason: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
