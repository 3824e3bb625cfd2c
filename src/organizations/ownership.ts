import { formatMessage } from '../i18n/catalog.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent } from '../audit/repository.js';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import type { EmitEvent } from '../webhooks/events.js';
import * as orgs from './repository.js';

/**
 * Inside the transaction that deletes an account: the organizations it is the only owner of. One
 * where it is the only member goes with it; one with other members keeps the account
 * (LAST_OWNER), so no organization is ever left without an owner.
 */
export async function releaseOwnedOrganizations(
  trx: Transaction<Database>,
  userId: number,
  emitEvent: EmitEvent,
): Promise<void> {
  for (const organizationId of await ownedBy(trx, userId)) {
    const owners = await orgs.lockOwners(trx, organizationId);
    if (owners.some((id) => id !== userId)) continue;
    const members = await orgs.memberIds(trx, organizationId);
    if (members.some((id) => id !== userId)) {
      const org = await orgs.findOrganizationById(trx, organizationId);
      throw new AppError('LAST_OWNER', {
        message: formatMessage('en', 'error.onlyOwnerOf', {
          organization: org?.name ?? 'an organization',
        }),
      });
    }
    await orgs.deleteOrganization(trx, organizationId);
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.ORGANIZATION_DELETED,
      userId,
      context: { ip: null, userAgent: null },
      details: { organization_id: organizationId, reason: 'owner_deleted', members: 1 },
    });
    await emitEvent(trx, 'organization.deleted', { organization_id: organizationId });
  }
}

async function ownedBy(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('organization_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'owner')
    .orderBy('organization_id')
    .execute();
  return rows.map((r) => r.organization_id);
}
