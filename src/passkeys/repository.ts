import { sql } from 'kysely';
import type { Executor, PasskeyRow } from '../db/types.js';

export interface NewPasskey {
  userId: number;
  credentialId: string;
  publicKey: Buffer;
  userHandle: string;
  signCount: number;
  backupEligible: boolean;
  backedUp: boolean;
  transports: string[];
  name: string;
}

/** Inserts a passkey; undefined when the credential id is registered already (any account). */
export async function insertPasskey(
  db: Executor,
  passkey: NewPasskey,
): Promise<PasskeyRow | undefined> {
  return db
    .insertInto('passkeys')
    .values({
      user_id: passkey.userId,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      user_handle: passkey.userHandle,
      sign_count: passkey.signCount,
      backup_eligible: passkey.backupEligible,
      backed_up: passkey.backedUp,
      transports: passkey.transports,
      name: passkey.name,
    })
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function listPasskeysOfUser(db: Executor, userId: number): Promise<PasskeyRow[]> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countPasskeysOfUser(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function findPasskeyByCredentialId(
  db: Executor,
  credentialId: string,
): Promise<PasskeyRow | undefined> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

/** The row, locked for the rest of the transaction (counter compare-and-set). */
export async function lockPasskey(db: Executor, id: number): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function recordPasskeyUse(
  db: Executor,
  id: number,
  values: { signCount: number; backedUp: boolean },
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ sign_count: values.signCount, backed_up: values.backedUp, last_used_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function renamePasskey(
  db: Executor,
  userId: number,
  id: number,
  name: string,
): Promise<PasskeyRow | undefined> {
  return db
    .updateTable('passkeys')
    .set({ name })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function deletePasskey(
  db: Executor,
  userId: number,
  id: number,
): Promise<PasskeyRow | undefined> {
  return db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAllPasskeysOfUser(db: Executor, userId: number): Promise<PasskeyRow[]> {
  return db.deleteFrom('passkeys').where('user_id', '=', userId).returningAll().execute();
}
