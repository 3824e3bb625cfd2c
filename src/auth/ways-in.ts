import type { Executor, UserRow } from '../db/types.js';
import { NO_PASSWORD } from '../email-sign-in/service.js';
import { AppError } from '../errors/app-error.js';

/** Whether the account has a password (accounts made by email or social sign-in have none). */
export const hasPassword = (user: Pick<UserRow, 'password_hash'>) =>
  user.password_hash !== NO_PASSWORD;

/** How many passkeys and linked identities the user has (the password is on the user row). */
export async function countWaysIn(
  db: Executor,
  userId: number,
): Promise<{ passkeys: number; identities: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('passkeys')
        .select(eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .as('passkeys'),
      eb
        .selectFrom('user_identities')
        .select(eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .as('identities'),
    ])
    .executeTakeFirstOrThrow();
  return { passkeys: Number(row.passkeys), identities: Number(row.identities) };
}

/** Ways in: the password, each passkey, each linked identity. */
export async function waysIn(db: Executor, user: UserRow): Promise<number> {
  const counts = await countWaysIn(db, user.id);
  return (hasPassword(user) ? 1 : 0) + counts.passkeys + counts.identities;
}

/**
 * After removing one way in, inside the same transaction with the user row locked
 * (users.lockUserById): refuses (409 LAST_SIGN_IN_METHOD, rolling the removal back) when none is
 * left. The lock makes two concurrent removals wait for each other, so both cannot pass.
 */
export async function assertWayInLeft(trx: Executor, lockedUser: UserRow): Promise<void> {
  if ((await waysIn(trx, lockedUser)) < 1) throw new AppError('LAST_SIGN_IN_METHOD');
}
