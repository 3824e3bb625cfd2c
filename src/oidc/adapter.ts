import { sql, type Kysely, type QueryCreator } from 'kysely';
import { auditEventValues, type AuditEventInput } from '../audit/repository.js';
import Provider from 'oidc-provider';
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

/** A stored client by id, straight from the clients table. */
export async function findClientRow(
  db: Kysely<Database>,
  clientId: string,
): Promise<OidcClientRow | null> {
  const row = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ?? null;
}

/** Token models: their ids never repeat across models, and each row belongs to a grant. */
const TOKEN_MODELS = ['AccessToken', 'ClientCredentials', 'RefreshToken'];
const TOKEN_MODEL_SET = new Set(TOKEN_MODELS);
const GRANT = 'Grant';
/** The ctx.state key of what this request already read (see `requestReads`). */
const REQUEST_READS = Symbol('token and grant rows read in this request');

interface RequestReads {
  /** Token rows by token id, each model's row (if any) by model name. */
  tokens: Map<string, Promise<Map<string, Payload>>>;
  /** Grants read along with a token, by grant id (undefined: no live grant row). */
  grants: Map<string, Payload | undefined>;
}

/**
 * What this request already read. oidc-provider looks one token value up as every token model
 * at once (access token, client credentials, refresh token: three statements) and then reads its
 * grant (a fourth): introspection, revocation, refresh and userinfo do. One statement reads all
 * of them. Scoped to the request, and dropped when the request writes those rows, so it is never
 * staler than a read would be.
 */
function requestReads(): RequestReads | undefined {
  const state = Provider.ctx?.state as Record<symbol, unknown> | undefined;
  if (!state) return undefined;
  state[REQUEST_READS] ??= { tokens: new Map(), grants: new Map() } satisfies RequestReads;
  return state[REQUEST_READS] as RequestReads;
}

function payloadOf(row: { payload: unknown; consumed_at: Date | null }): Payload {
  const payload = row.payload as Payload;
  return row.consumed_at
    ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
    : payload;
}

const live = (ref: string) => sql<boolean>`(${sql.ref(ref)} is null or ${sql.ref(ref)} > now())`;

/** Every live token row with this id (one per model at most) and each one's live grant. */
async function readTokenRows(
  db: Kysely<Database>,
  id: string,
  reads: RequestReads | undefined,
): Promise<Map<string, Payload>> {
  const rows = await db
    .selectFrom('oidc_payloads as t')
    .leftJoin('oidc_payloads as g', (join) =>
      join.on('g.type', '=', GRANT).onRef('g.id', '=', 't.grant_id').on(live('g.expires_at')),
    )
    .select([
      't.type',
      't.payload',
      't.consumed_at',
      't.grant_id',
      'g.payload as grant_payload',
      'g.consumed_at as grant_consumed_at',
    ])
    .where('t.type', 'in', TOKEN_MODELS)
    .where('t.id', '=', id)
    .where(live('t.expires_at'))
    .execute();
  const found = new Map<string, Payload>();
  for (const row of rows) {
    found.set(row.type, payloadOf(row));
    if (row.grant_id && !reads?.grants.has(row.grant_id)) {
      reads?.grants.set(
        row.grant_id,
        row.grant_payload === null
          ? undefined
          : payloadOf({ payload: row.grant_payload, consumed_at: row.grant_consumed_at }),
      );
    }
  }
  return found;
}

/**
 * oidc-provider's storage interface on PostgreSQL: one table for every model, so codes, grants,
 * sessions and tokens are shared by every instance. Clients come from the clients table, through
 * `clientRow` (the app reads them through its invalidated cache).
 */
export function createAdapterClass(
  db: Kysely<Database>,
  hooks: {
    beforeUpsert(sessionUid: string): Promise<void>;
    clientRow?: (clientId: string) => Promise<OidcClientRow | null>;
  },
) {
  const clientRow = hooks.clientRow ?? ((clientId: string) => findClientRow(db, clientId));
  return class PostgresAdapter {
    constructor(private readonly type: string) {}

    /**
     * Stores a model instance. With `audit`, the event is written by the same statement, so a
     * token and its audit event cost one round trip and exist together or not at all.
     */
    async upsert(
      id: string,
      payload: Payload,
      expiresIn?: number,
      audit?: AuditEventInput,
    ): Promise<void> {
      this.forget(id);
      const accountId = accountIdOf(payload);
      const linkUid = this.type === 'Session' ? payload.uid : payload.sessionUid;
      if (linkUid) await hooks.beforeUpsert(linkUid);
      const expiresAt = expiresIn ? sql<Date>`now() + make_interval(secs => ${expiresIn})` : null;
      const store = (q: QueryCreator<Database>) =>
        q
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
          );
      if (!audit) {
        await store(db).execute();
        return;
      }
      await db
        .with('stored', (q) => store(q))
        .insertInto('audit_events')
        .values(auditEventValues(audit))
        .execute();
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.type === 'Client') {
        const row = await clientRow(id);
        return row ? clientMetadata(row) : undefined;
      }
      if (this.type === GRANT) {
        const grants = requestReads()?.grants;
        if (grants?.has(id)) return grants.get(id);
      }
      if (TOKEN_MODEL_SET.has(this.type)) return this.findToken(id);
      return this.findWhere('id', id);
    }

    /** This model's row of a token id, read once per request for every token model. */
    private async findToken(id: string): Promise<Payload | undefined> {
      const reads = requestReads();
      let rows = reads?.tokens.get(id);
      if (!rows) {
        rows = readTokenRows(db, id, reads);
        reads?.tokens.set(id, rows);
      }
      return (await rows).get(this.type);
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
        .where(live('expires_at'))
        .executeTakeFirst();
      return row ? payloadOf(row) : undefined;
    }

    async consume(id: string): Promise<void> {
      this.forget(id);
      await db
        .updateTable('oidc_payloads')
        .set({ consumed_at: sql`now()` })
        .where('type', '=', this.type)
        .where('id', '=', id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      this.forget(id);
      await db
        .deleteFrom('oidc_payloads')
        .where('type', '=', this.type)
        .where('id', '=', id)
        .execute();
    }

    /** This request writes the row: what it read of it before no longer holds. */
    private forget(id: string): void {
      const reads = requestReads();
      if (this.type === GRANT) reads?.grants.delete(id);
      else reads?.tokens.delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const reads = requestReads();
      reads?.grants.delete(grantId);
      reads?.tokens.clear();
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
