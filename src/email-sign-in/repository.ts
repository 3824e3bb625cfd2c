import { sql } from 'kysely';
import type { EmailSignInRow, Executor } from '../db/types.js';

/** Wrong codes after which a request is dead (its link too). */
export const MAX_CODE_ATTEMPTS = 5;

/** Stores a new request for the address, replacing any earlier one (used, live or dead). */
export async function replaceSignIn(
  db: Executor,
  values: {
    emailNormalized: string;
    email: string;
    userId: number | null;
    tokenHash: Buffer;
    codeHash: Buffer;
    expiresAt: Date;
  },
): Promise<void> {
  const row = {
    email_normalized: values.emailNormalized,
    email: values.email,
    user_id: values.userId,
    token_hash: values.tokenHash,
    code_hash: values.codeHash,
    expires_at: values.expiresAt,
  };
  await db
    .insertInto('email_sign_ins')
    .values(row)
    .onConflict((oc) =>
      oc.column('email_normalized').doUpdateSet({
        ...row,
        attempts: 0,
        used_at: null,
        created_at: sql`now()`,
      }),
    )
    .execute();
}

/** Spends the live request of this link token in one statement; undefined when there is none. */
export async function consumeByToken(
  db: Executor,
  tokenHash: Buffer,
): Promise<EmailSignInRow | undefined> {
  return db
    .updateTable('email_sign_ins')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('attempts', '<', MAX_CODE_ATTEMPTS)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Presents a code for the address's live request in one statement: the right code spends it, a
 * wrong one counts an attempt (the fifth kills it). Concurrent guesses cannot exceed the limit.
 * Undefined when there is no live request; otherwise the row after the update (used_at set when
 * the code was right).
 */
export async function presentCode(
  db: Executor,
  emailNormalized: string,
  codeHash: Buffer,
): Promise<EmailSignInRow | undefined> {
  return db
    .updateTable('email_sign_ins')
    .set({
      used_at: sql`case when code_hash = ${codeHash} then now() else null end`,
      attempts: sql`attempts + case when code_hash = ${codeHash} then 0 else 1 end`,
    })
    .where('email_normalized', '=', emailNormalized)
    .where('used_at', 'is', null)
    .where('attempts', '<', MAX_CODE_ATTEMPTS)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}
