import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/types.js';

type Executor = Kysely<Database> | Transaction<Database>;

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
 * Marks the token used if, and only if, it is unused, unexpired and its session is live.
 * The conditional UPDATE is the race guard: of N concurrent presentations exactly one wins.
 */
export async function claimRefreshToken(db: Executor, tokenHash: Buffer) {
  return db
    .updateTable('refresh_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions')
          .select('sessions.id')
          .whereRef('sessions.id', '=', 'refresh_tokens.session_id')
          .where('sessions.revoked_at', 'is', null)
          .where('sessions.expires_at', '>', sql<Date>`now()`),
      ),
    )
    .returning(['id', 'session_id'])
    .executeTakeFirst();
}

/** A token that could not be claimed: why not, as of the database's clock. */
export async function inspectRefreshToken(db: Executor, tokenHash: Buffer) {
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
      sql<boolean>`sessions.revoked_at is null and sessions.expires_at > now()`.as('session_live'),
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

/** Slides the session's expiry and records its use. */
export async function touchSession(db: Executor, sessionId: number, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ last_used_at: sql`now()`, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .returning(['user_id'])
    .executeTakeFirstOrThrow();
}
