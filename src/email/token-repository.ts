import { sql } from 'kysely';
import type { EmailTokenPurpose, EmailTokenRow, Executor } from '../db/types.js';

export async function insertEmailToken(
  db: Executor,
  values: {
    userId: number;
    purpose: EmailTokenPurpose;
    tokenHash: Buffer;
    email: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('email_tokens')
    .values({
      user_id: values.userId,
      purpose: values.purpose,
      token_hash: values.tokenHash,
      email: values.email,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** The unused, unexpired token with this hash, without spending it. */
export async function findLiveEmailToken(
  db: Executor,
  tokenHash: Buffer,
  purpose: EmailTokenPurpose,
): Promise<EmailTokenRow | undefined> {
  return db
    .selectFrom('email_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Spends the token in one statement, so two concurrent presentations cannot both succeed. */
export async function consumeEmailToken(
  db: Executor,
  tokenHash: Buffer,
  purpose: EmailTokenPurpose,
): Promise<EmailTokenRow | undefined> {
  return db
    .updateTable('email_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/** Spends every outstanding token of the user for this purpose (after one of them was used). */
export async function retireEmailTokens(
  db: Executor,
  userId: number,
  purpose: EmailTokenPurpose,
): Promise<void> {
  await db
    .updateTable('email_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
