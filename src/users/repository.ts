import { sql } from 'kysely';
import type { Executor, NewUser, Role, SessionRow, UserRow, UserUpdate } from '../db/types.js';
import { emailKey } from './email.js';

/** The account of an address from normalizeEmail, in any spelling that has the same emailKey. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email_normalized', '=', emailKey(email))
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts the user; the unique email_normalized refuses a second spelling of a taken address. */
export async function insertUser(db: Executor, values: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ ...values, email_normalized: emailKey(values.email) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Executor,
  id: number,
  values: UserUpdate,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({
      ...values,
      ...(values.email !== undefined && { email_normalized: emailKey(values.email) }),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Stamps the sign-in time, and stores `upgradedHash` when given, only while the password hash is
 * still `checkedHash`, the one the sign-in verified. The UPDATE locks the row and re-reads it after
 * any concurrent change commits, so a reset, password change or deletion that committed meanwhile
 * makes it match nothing: undefined then (one statement, no read-back).
 */
export async function recordLogin(
  db: Executor,
  id: number,
  checkedHash: string,
  upgradedHash?: string,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({
      last_login_at: sql`now()`,
      ...(upgradedHash !== undefined && { password_hash: upgradedHash }),
    })
    .where('id', '=', id)
    .where('password_hash', '=', checkedHash)
    .returningAll()
    .executeTakeFirst();
}

export interface UserListFilter {
  search?: string;
  role?: Role;
}

export interface UserListPage {
  sort: 'created_at' | 'email' | 'name' | 'last_login_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** `%`, `_` and `\` in a search term match themselves, not any character. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Executor, filter: UserListFilter) {
  let query = db.selectFrom('users');
  if (filter.search) {
    // ILIKE over the plain columns: the pg_trgm GIN indexes serve it (trigrams are case-folded).
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  return query;
}

const SORT_KEYS = {
  created_at: { plain: sql`created_at`, fenced: sql`created_at + interval '0 s'` },
  // Byte order of the key: case-insensitive, and the same whatever the database's locale.
  email: { plain: sql`email_normalized`, fenced: sql`email_normalized || ''` },
  name: { plain: sql`lower(name)`, fenced: sql`lower(name) || ''` },
  last_login_at: { plain: sql`last_login_at`, fenced: sql`last_login_at + interval '0 s'` },
};

/** One page of users; every sort ends with `id` so pages are stable. Each order has an index. */
export async function listUsers(
  db: Executor,
  filter: UserListFilter,
  page: UserListPage,
): Promise<UserRow[]> {
  // With a search the sort key is "fenced" (same value and order, but no index matches it), so the
  // planner collects the matches through the trigram indexes and sorts only those. Otherwise it may
  // walk a sort index hoping to meet the matches early; when they sit far down that index it reads
  // most of the table (measured at a million users: 8 s for "nora" sorted by name, 0.4 s fenced).
  const keys = SORT_KEYS[page.sort];
  const key = filter.search ? keys.fenced : keys.plain;
  const dir = page.order;
  return (
    filtered(db, filter)
      .selectAll()
      // Never signed in sorts as the earliest: first ascending, last descending (one index serves both).
      .orderBy(key, (ob) =>
        page.sort !== 'last_login_at'
          ? ob[dir]()
          : dir === 'asc'
            ? ob.asc().nullsFirst()
            : ob.desc().nullsLast(),
      )
      .orderBy('id', dir)
      .limit(page.limit)
      .offset(page.offset)
      .execute()
  );
}

/** How many users match the filter (the list's `total`). */
export async function countUsers(db: Executor, filter: UserListFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * Locks every admin row, in id order so concurrent lockers queue instead of deadlocking, and
 * returns their ids. Demotions and deletions take this lock first, so two admins acting on each
 * other at once are serialised: the second sees the first one's outcome.
 */
export async function lockAdmins(trx: Executor): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** The user row, locked until the transaction ends. */
export async function lockUserById(trx: Executor, id: number): Promise<UserRow | undefined> {
  return trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Deletes the user; sessions, refresh tokens and email tokens go with it (foreign-key cascade). */
export async function deleteUserById(trx: Executor, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every session of the user, ended ones included (data export). */
export async function listAllSessionsOfUser(db: Executor, userId: number): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Refresh-token metadata of the user's sessions, never the hashes (data export). */
export async function listRefreshTokenFactsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .select([
      'refresh_tokens.id',
      'refresh_tokens.session_id',
      'refresh_tokens.parent_id',
      'refresh_tokens.created_at',
      'refresh_tokens.used_at',
      'refresh_tokens.expires_at',
    ])
    .where('sessions.user_id', '=', userId)
    .orderBy('refresh_tokens.id', 'desc')
    .execute();
}

/** Email-token metadata (verification and reset links sent), never the hashes (data export). */
export async function listEmailTokenFactsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('email_tokens')
    .select(['id', 'purpose', 'email', 'created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/** Mail sent to the user, without the bodies: they carry single-use links (data export). */
export async function listMailFactsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to', 'subject', 'created_at', 'sent_at', 'failed_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}
