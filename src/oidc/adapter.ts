import { sql, type Kysely } from 'kysely';
import type { Database, OidcClientRow } from '../db/types.js';

/** What oidc-provider stores and reads back for one model instance. */
type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  accountId?: string;
  sessionUid?: string;
  consumed?: number;
};

/**
 * Rows of this type link an oidc-provider session (by its fixed uid) to the Gatehouse session
 * the person signed in with, so every code and token issued in it carries that session.
 */
export const SESSION_LINK = 'SessionLink';

/** The oidc-provider client metadata of a stored client (the secret hash stands in for the secret). */
export function clientMetadata(row: OidcClientRow): Record<string, unknown> {
  return {
    ...row.metadata,
    client_id: row.client_id,
    client_name: row.name,
    ...(row.secret_hash ? { client_secret: row.secret_hash } : {}),
  };
}

function accountIdOf(payload: Payload): number | null {
  const id = Number(payload.accountId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * oidc-provider's storage interface on PostgreSQL: one table for every model, so codes, grants,
 * sessions and tokens are shared by every instance. Clients come from the clients table.
 */
export function createAdapterClass(
  db: Kysely<Database>,
  hooks: { beforeUpsert(sessionUid: string): Promise<void> },
) {
  return class PostgresAdapter {
    constructor(private readonly type: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const accountId = accountIdOf(payload);
      const linkUid = this.type === 'Session' ? payload.uid : payload.sessionUid;
      if (linkUid) await hooks.beforeUpsert(linkUid);
      const expiresAt = expiresIn ? sql<Date>`now() + make_interval(secs => ${expiresIn})` : null;
      await db
        .insertInto('oidc_payloads')
        .values({
          type: this.type,
          id,
          payload: JSON.stringify(payload),
          grant_id: payload.grantId ?? null,
          user_code: payload.userCode ?? null,
          uid: payload.uid ?? null,
          account_id: accountId,
          // Inherited from the session the row stems from (null for client credentials).
          session_id: linkUid
            ? sql<number | null>`(select session_id from oidc_payloads
                 where type = ${SESSION_LINK} and id = ${linkUid})`
            : null,
          expires_at: expiresAt,
        })
        .onConflict((oc) =>
          oc.columns(['type', 'id']).doUpdateSet((eb) => ({
            payload: eb.ref('excluded.payload'),
            grant_id: eb.ref('excluded.grant_id'),
            user_code: eb.ref('excluded.user_code'),
            uid: eb.ref('excluded.uid'),
            account_id: eb.ref('excluded.account_id'),
            session_id: eb.ref('excluded.session_id'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        )
        .execute();
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.type === 'Client') {
        const row = await db
          .selectFrom('oidc_clients')
          .selectAll()
          .where('client_id', '=', id)
          .executeTakeFirst();
        return row ? clientMetadata(row) : undefined;
      }
      return this.findWhere('id', id);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      return this.findWhere('uid', uid);
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return this.findWhere('user_code', userCode);
    }

    private async findWhere(
      column: 'id' | 'uid' | 'user_code',
      value: string,
    ): Promise<Payload | undefined> {
      const row = await db
        .selectFrom('oidc_payloads')
        .select(['payload', 'consumed_at'])
        .where('type', '=', this.type)
        .where(column, '=', value)
        .where((eb) =>
          eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]),
        )
        .executeTakeFirst();
      if (!row) return undefined;
      const payload = row.payload as Payload;
      return row.consumed_at
        ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
        : payload;
    }

    async consume(id: string): Promise<void> {
      await db
        .updateTable('oidc_payloads')
        .set({ consumed_at: sql`now()` })
        .where('type', '=', this.type)
        .where('id', '=', id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db
        .deleteFrom('oidc_payloads')
        .where('type', '=', this.type)
        .where('id', '=', id)
        .execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
    }
  };
}

/** Links an oidc-provider session uid to the Gatehouse session the person signed in with. */
export async function linkSession(
  db: Kysely<Database>,
  sessionUid: string,
  sessionId: number,
  accountId: number,
): Promise<void> {
  await db
    .insertInto('oidc_payloads')
    .values({
      type: SESSION_LINK,
      id: sessionUid,
      payload: '{}',
      grant_id: null,
      user_code: null,
      uid: null,
      account_id: accountId,
      session_id: sessionId,
      expires_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['type', 'id']).doUpdateSet({ session_id: sessionId, account_id: accountId }),
    )
    .execute();
}
