import { sql } from 'kysely';
import type { Executor } from '../db/types.js';
import { toIso } from '../http/serializers.js';

/** The user's TOTP row, confirmed or not. */
export async function findTotp(db: Executor, userId: number) {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A new unconfirmed secret, replacing any earlier unconfirmed one (never a confirmed one). */
export async function upsertPendingTotp(
  db: Executor,
  userId: number,
  secretSealed: string,
): Promise<boolean> {
  const row = await db
    .insertInto('user_totp')
    .values({ user_id: userId, secret_sealed: secretSealed })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({
          secret_sealed: secretSealed,
          created_at: sql`now()`,
          last_used_step: null,
          last_used_at: null,
        })
        .where('user_totp.confirmed_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Accepts the code of `step` only if no code of this step or a later one was accepted before:
 * compare-and-set, so two instances (or two requests) cannot both accept the same code.
 * `confirm` also marks a pending secret confirmed.
 */
export async function claimTotpStep(
  db: Executor,
  userId: number,
  step: number,
  options: { confirm: boolean },
): Promise<boolean> {
  let query = db
    .updateTable('user_totp')
    .set({
      last_used_step: step,
      last_used_at: sql`now()`,
      ...(options.confirm && { confirmed_at: sql`now()` }),
    })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]));
  query = options.confirm
    ? query.where('confirmed_at', 'is', null)
    : query.where('confirmed_at', 'is not', null);
  const row = await query.returning('user_id').executeTakeFirst();
  return row !== undefined;
}

export async function deleteTotp(db: Executor, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('user_totp').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function replaceRecoveryCodes(
  db: Executor,
  userId: number,
  hashes: Buffer[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Spends one unused recovery code (single use even under concurrency); false if none matched. */
export async function useRecoveryCode(
  db: Executor,
  userId: number,
  hash: Buffer,
): Promise<boolean> {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  return result.reduce((n, r) => n + Number(r.numDeletedRows), 0);
}

/** What second factors a user has. Passkeys fill in `passkeys`. */
export interface Factors {
  totp: boolean;
  passkeys: number;
}

/** The factors of each of these users (admin views, the sign-in policy). */
export async function factorsOf(db: Executor, userIds: number[]): Promise<Map<number, Factors>> {
  const factors = new Map<number, Factors>(userIds.map((id) => [id, { totp: false, passkeys: 0 }]));
  if (userIds.length === 0) return factors;
  const totp = await db
    .selectFrom('user_totp')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('confirmed_at', 'is not', null)
    .execute();
  for (const row of totp) factors.get(row.user_id)!.totp = true;
  return factors;
}

export async function factorsOfUser(db: Executor, userId: number): Promise<Factors> {
  return (await factorsOf(db, [userId])).get(userId)!;
}

/** Facts for the data export: types and dates, never secrets or hashes. Passkeys add theirs. */
export async function listFactorFactsOfUser(db: Executor, userId: number) {
  const [totp, codes] = await Promise.all([
    db
      .selectFrom('user_totp')
      .select(['created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('recovery_codes')
      .select(['created_at', 'used_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  return [
    ...(totp
      ? [
          {
            type: 'totp',
            created_at: toIso(totp.created_at),
            last_used_at: toIso(totp.last_used_at),
          },
        ]
      : []),
    ...codes.map((c) => ({
      type: 'recovery_code',
      created_at: toIso(c.created_at),
      last_used_at: toIso(c.used_at),
    })),
  ];
}

/** Removes every second factor of the user (admin reset). Passkeys add their table here. */
export async function clearFactors(
  db: Executor,
  userId: number,
): Promise<{ totp: boolean; recovery_codes: number }> {
  const totp = await deleteTotp(db, userId);
  const recoveryCodes = await deleteRecoveryCodes(db, userId);
  return { totp, recovery_codes: recoveryCodes };
}
