import { sql } from 'kysely';
import type {
  Executor,
  InvitationRow,
  MembershipRow,
  OrganizationRow,
  OrgRole,
} from '../db/types.js';
import { escapeLike } from '../users/repository.js';

export interface MyOrganization extends OrganizationRow {
  role: OrgRole;
  member_count: number;
  /** When the user became a member. */
  joined_at: Date;
}

const memberCount = sql<number>`(select count(*)::int from memberships m where m.organization_id = organizations.id)`;

/** The organizations the user belongs to, with their role in each, by name. */
export async function listOrganizationsOfUser(
  db: Executor,
  userId: number,
): Promise<MyOrganization[]> {
  return db
    .selectFrom('organizations')
    .innerJoin('memberships', 'memberships.organization_id', 'organizations.id')
    .selectAll('organizations')
    .select([
      'memberships.role',
      memberCount.as('member_count'),
      'memberships.created_at as joined_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy(sql`lower(organizations.name)`)
    .orderBy('organizations.id')
    .execute();
}

/** The organization and the user's role in it, only if the user is a member. */
export async function findOrganizationOfMember(
  db: Executor,
  organizationId: number,
  userId: number,
): Promise<MyOrganization | undefined> {
  return db
    .selectFrom('organizations')
    .innerJoin('memberships', 'memberships.organization_id', 'organizations.id')
    .selectAll('organizations')
    .select([
      'memberships.role',
      memberCount.as('member_count'),
      'memberships.created_at as joined_at',
    ])
    .where('organizations.id', '=', organizationId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

export async function findOrganizationById(
  db: Executor,
  id: number,
): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganization(db: Executor, name: string): Promise<OrganizationRow> {
  return db.insertInto('organizations').values({ name }).returningAll().executeTakeFirstOrThrow();
}

export async function renameOrganization(
  db: Executor,
  id: number,
  name: string,
): Promise<OrganizationRow | undefined> {
  return db
    .updateTable('organizations')
    .set({ name, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the organization; memberships and invitations go with it, sessions forget it. */
export async function deleteOrganization(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('organizations').where('id', '=', id).execute();
}

/**
 * Locks every owner membership of the organization, in user-id order so concurrent lockers queue
 * instead of deadlocking, and returns their user ids. Every change to roles or members takes this
 * lock first, so two owners demoting or removing each other at once are serialised: the second
 * sees the first one's outcome (the last-owner rule).
 */
export async function lockOwners(trx: Executor, organizationId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'owner')
    .orderBy('user_id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

/** The membership rows of these users, locked until the transaction ends (user-id order). */
export async function lockMemberships(
  trx: Executor,
  organizationId: number,
  userIds: number[],
): Promise<MembershipRow[]> {
  return trx
    .selectFrom('memberships')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .forUpdate()
    .execute();
}

/** Adds the membership; false when the user already is a member. */
export async function insertMembership(
  db: Executor,
  values: { organizationId: number; userId: number; role: OrgRole },
): Promise<boolean> {
  const row = await db
    .insertInto('memberships')
    .values({
      organization_id: values.organizationId,
      user_id: values.userId,
      role: values.role,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateMembershipRole(
  db: Executor,
  organizationId: number,
  userId: number,
  role: OrgRole,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(
  db: Executor,
  organizationId: number,
  userId: number,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

/** Every member with their account's name and email, owners first, then by name. */
export async function listMembers(db: Executor, organizationId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'memberships.role',
      'memberships.created_at',
      'users.name',
      'users.email',
    ])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy(sql`case memberships.role when 'owner' then 0 when 'admin' then 1 else 2 end`)
    .orderBy(sql`lower(users.name)`)
    .orderBy('memberships.user_id')
    .execute();
}

export async function memberIds(db: Executor, organizationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function isMemberByEmailKey(
  db: Executor,
  organizationId: number,
  emailNormalized: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.organization_id', '=', organizationId)
    .where('users.email_normalized', '=', emailNormalized)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertInvitation(
  db: Executor,
  values: {
    organizationId: number;
    email: string;
    emailNormalized: string;
    role: OrgRole;
    tokenHash: Buffer;
    invitedBy: number;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  return db
    .insertInto('invitations')
    .values({
      organization_id: values.organizationId,
      email: values.email,
      email_normalized: values.emailNormalized,
      role: values.role,
      token_hash: values.tokenHash,
      invited_by: values.invitedBy,
      expires_at: values.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Invitations neither accepted, revoked nor expired, newest first. */
export async function listPendingInvitations(
  db: Executor,
  organizationId: number,
): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes a pending invitation of the organization; undefined when there is none by that id. */
export async function revokeInvitation(
  db: Executor,
  organizationId: number,
  invitationId: number,
): Promise<InvitationRow | undefined> {
  return db
    .updateTable('invitations')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', invitationId)
    .where('organization_id', '=', organizationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/** The pending invitation with this token hash and its organization's name, without spending it. */
export async function findPendingInvitation(db: Executor, tokenHash: Buffer) {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .selectAll('invitations')
    .select('organizations.name as organization_name')
    .where('invitations.token_hash', '=', tokenHash)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/**
 * Locks the pending invitation with this hash: of concurrent acceptances one proceeds, the others
 * wait and then find it accepted (the single-use rule).
 */
export async function lockPendingInvitation(
  trx: Executor,
  tokenHash: Buffer,
): Promise<InvitationRow | undefined> {
  return trx
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationAccepted(
  db: Executor,
  invitationId: number,
  userId: number,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ accepted_at: sql`now()`, accepted_by: userId })
    .where('id', '=', invitationId)
    .execute();
}

export interface OrganizationListFilter {
  search?: string;
}

function filtered(db: Executor, filter: OrganizationListFilter) {
  let query = db.selectFrom('organizations');
  if (filter.search) query = query.where('name', 'ilike', `%${escapeLike(filter.search)}%`);
  return query;
}

/** One page of every organization (admin), newest first, with member and owner counts. */
export async function listAllOrganizations(
  db: Executor,
  filter: OrganizationListFilter,
  page: { limit: number; offset: number },
) {
  return filtered(db, filter)
    .selectAll('organizations')
    .select(memberCount.as('member_count'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAllOrganizations(
  db: Executor,
  filter: OrganizationListFilter,
): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Sets (or clears) the session's active organization. */
export async function setSessionOrganization(
  db: Executor,
  sessionId: number,
  organizationId: number | null,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ active_organization_id: organizationId })
    .where('id', '=', sessionId)
    .execute();
}
