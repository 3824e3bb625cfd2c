import { sql } from 'kysely';
import type { Executor } from '../db/types.js';

export async function insertRefreshToken(
  db: Executor,
  values: { sessionId: number; tokenHash: Buffer; parentId: number | null; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      session_id: values.sessionId,
      token_hash: values.tokenHash,
      parent_id: values.parentId,
      expires_at: values.expiresAt,
    })
    .execute();
}

/**
 * Rotates a refresh token in one statement (one round trip, atomic like a transaction): marks the
 * presented token used if, and only if, it is unused, unexpired and its session is live (neither
 * revoked, expired nor older than its absolute lifetime); inserts its successor; slides the
 * session's expiry (to the minute), never past sign-in + `maxLifetimeDays`, and the successor's
 * with it. The conditional UPDATE is the race guard: of N concurrent presentations exactly one
 * wins, the others see `used_at` set and get no row.
 */
export async function rotateRefreshToken(
  db: Executor,
  values: {
    presentedHash: Buffer;
    successorHash: Buffer;
    expiresAt: Date;
    maxLifetimeDays: number;
  },
): Promise<{ session_id: number; user_id: number } | undefined> {
  const lifetime = sql`make_interval(days => ${values.maxLifetimeDays}::int)`;
  // Prepared (see db/database.ts): planning this statement cost as much as running it.
  const result = await sql<{
    session_id: number;
    user_id: number;
  }>`/* prepared:rotate_refresh_token */
    with claimed as (
      update refresh_tokens set used_at = now()
       where token_hash = ${values.presentedHash}
         and used_at is null
         and expires_at > now()
         and exists (
           select 1 from sessions
            where sessions.id = refresh_tokens.session_id
              and sessions.revoked_at is null
              and sessions.expires_at > now()
              and sessions.created_at > now() - ${lifetime})
      returning id, session_id
    ), capped as (
      select claimed.id, claimed.session_id,
             least(${values.expiresAt}::timestamptz, sessions.created_at + ${lifetime}) as expires_at
        from claimed join sessions on sessions.id = claimed.session_id
    ), successor as (
      insert into refresh_tokens (session_id, token_hash, parent_id, expires_at)
      select session_id, ${values.successorHash}, id, expires_at from capped
    ), touched as (
      -- expires_at is indexed: moving it by less than a minute would only turn a heap-only
      -- (HOT) update into one that rewrites the session's index entries.
      update sessions set last_used_at = now(),
             expires_at = case when capped.expires_at > sessions.expires_at + interval '1 minute'
                               then capped.expires_at else sessions.expires_at end
        from capped
       where sessions.id = capped.session_id
      returning sessions.id as session_id, sessions.user_id
    )
    select session_id, user_id from touched`.execute(db);
  return result.rows[0];
}

/** A token that could not be claimed: why not, as of the database's clock. */
export async function inspectRefreshToken(
  db: Executor,
  tokenHash: Buffer,
  maxLifetimeDays: number,
) {
  return db
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .select([
      'refresh_tokens.id',
      'refresh_tokens.session_id',
      'sessions.user_id',
      sql<number | null>`extract(epoch from (now() - refresh_tokens.used_at))::float8`.as(
        'used_seconds_ago',
      ),
      sql<boolean>`sessions.revoked_at is null and sessions.expires_at > now()
        and sessions.created_at > now() - make_interval(days => ${maxLifetimeDays}::int)`.as(
        'session_live',
      ),
    ])
    .where('refresh_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function refreshTokenExists(db: Executor, tokenHash: Buffer): Promise<boolean> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row !== undefined;
}
