import { sql, type Kysely } from 'kysely';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import type { Database } from '../db/types.js';
import { AppError } from '../errors/app-error.js';

export interface ConnectedApp {
  grant_id: string;
  client_id: string;
  name: string;
  scopes: string[];
  granted_at: string;
}

/** The person's grants to applications ("Connected apps"), and their revocation. */
export function createConnectedApps(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  return {
    async list(userId: number): Promise<ConnectedApp[]> {
      const rows = await db
        .selectFrom('oidc_payloads as g')
        .leftJoin('oidc_clients as c', (join) =>
          join.on('c.client_id', '=', sql<string>`g.payload->>'clientId'`),
        )
        .select(['g.id', 'g.payload', 'c.name', 'c.client_id'])
        .where('g.type', '=', 'Grant')
        .where('g.account_id', '=', userId)
        .where((eb) =>
          eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', sql<Date>`now()`)]),
        )
        .execute();
      return rows
        .filter((row) => row.client_id !== null)
        .map((row) => {
          const payload = row.payload as { iat?: number; openid?: { scope?: string } };
          return {
            grant_id: row.id,
            client_id: row.client_id!,
            name: row.name!,
            scopes: (payload.openid?.scope ?? '').split(' ').filter(Boolean),
            granted_at: new Date((payload.iat ?? 0) * 1000).toISOString(),
          };
        })
        .sort((a, b) => b.granted_at.localeCompare(a.granted_at));
    },

    /** Ends the grant and, at once, every code and token issued under it. */
    async revoke(userId: number, grantId: string, context: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const grant = await trx
          .deleteFrom('oidc_payloads')
          .where('type', '=', 'Grant')
          .where('id', '=', grantId)
          .where('account_id', '=', userId)
          .returning(sql<string>`payload->>'clientId'`.as('client_id'))
          .executeTakeFirst();
        if (!grant) throw new AppError('GRANT_NOT_FOUND');
        await trx.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
        await appendAuditEvent(trx, {
          type: AUDIT_EVENTS.CONSENT_REVOKED,
          userId,
          context,
          details: { client_id: grant.client_id },
        });
      });
    },
  };
}

export type ConnectedApps = ReturnType<typeof createConnectedApps>;
