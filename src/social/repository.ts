import { sql } from 'kysely';
import type { Executor, SocialProviderRow, UserIdentityRow } from '../db/types.js';

// ---- providers added at run time ----

export async function listProviders(db: Executor): Promise<SocialProviderRow[]> {
  return db.selectFrom('social_providers').selectAll().orderBy('id').execute();
}

export async function findProvider(
  db: Executor,
  id: string,
): Promise<SocialProviderRow | undefined> {
  return db.selectFrom('social_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts the provider; undefined when the id is taken. */
export async function insertProvider(
  db: Executor,
  values: Omit<SocialProviderRow, 'created_at' | 'endpoints'> & {
    endpoints: Record<string, string>;
  },
): Promise<SocialProviderRow | undefined> {
  return db
    .insertInto('social_providers')
    .values({ ...values, endpoints: JSON.stringify(values.endpoints) })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function deleteProvider(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('social_providers').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---- identities linked to accounts ----

export async function findIdentity(
  db: Executor,
  provider: string,
  subject: string,
): Promise<UserIdentityRow | undefined> {
  return db
    .selectFrom('user_identities')
    .selectAll()
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/** Links the identity; undefined when (provider, subject) is already linked (to anyone). */
export async function insertIdentity(
  db: Executor,
  values: {
    userId: number;
    provider: string;
    subject: string;
    email: string | null;
    tokensSealed: string | null;
  },
): Promise<UserIdentityRow | undefined> {
  return db
    .insertInto('user_identities')
    .values({
      user_id: values.userId,
      provider: values.provider,
      subject: values.subject,
      email: values.email,
      tokens_sealed: values.tokensSealed,
      last_used_at: sql`now()`,
    })
    .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Records a sign-in with the identity (and its new tokens when they are kept). */
export async function touchIdentity(
  db: Executor,
  id: number,
  tokensSealed: string | null,
): Promise<void> {
  await db
    .updateTable('user_identities')
    .set({
      last_used_at: sql`now()`,
      ...(tokensSealed === null ? {} : { tokens_sealed: tokensSealed }),
    })
    .where('id', '=', id)
    .execute();
}

export async function listIdentitiesOfUser(
  db: Executor,
  userId: number,
): Promise<UserIdentityRow[]> {
  return db
    .selectFrom('user_identities')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function deleteIdentity(
  db: Executor,
  userId: number,
  id: number,
): Promise<UserIdentityRow | undefined> {
  return db
    .deleteFrom('user_identities')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}
