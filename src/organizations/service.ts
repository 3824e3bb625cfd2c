import { mailLocale } from '../i18n/locales.js';
import type { Kysely } from 'kysely';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { hashToken, newOpaqueToken } from '../auth/opaque-tokens.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, OrgRole, Role } from '../db/types.js';
import { INVITATION_TTL_SECONDS } from '../email/mail-queue.js';
import type { EmailHooks } from '../email/feature.js';
import { AppError } from '../errors/app-error.js';
import { toIso } from '../http/serializers.js';
import type { SessionService } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import { emailKey, validateEmail } from '../users/email.js';
import { validateName } from '../users/name.js';
import * as users from '../users/repository.js';
import type { EmitEvent } from '../webhooks/events.js';
import * as orgs from './repository.js';
import { MAX_PAGE_SIZE, type AdminOrganizationsQueryType, type InviteBodyType } from './schemas.js';

/** Who is calling: from the live session. */
export interface Actor {
  userId: number;
  sessionId: number;
  role: Role;
}

export interface OrganizationServiceDeps {
  db: Kysely<Database>;
  email: Pick<EmailHooks, 'queueInvitation'>;
  sessions: Pick<SessionService, 'reissueAccessToken'>;
  /** Drops cached copies of the user's sessions on every instance (their organization changed). */
  invalidateUser: (userId: number) => Promise<void>;
  invalidateSession: (sessionId: number) => Promise<void>;
  emitEvent: EmitEvent;
  /** Invitation mail counts like any mail to an address someone typed (per sender and recipient). */
  limits: Pick<Limits, 'beforeMail'>;
  /** ORG_CREATION: `admins` lets only Gatehouse admins create organizations. */
  creation: 'anyone' | 'admins';
}

// organizations.id and users.id are PostgreSQL integers: anything larger names nothing.
const MAX_ID = 2_147_483_647;
const MANAGERS: readonly OrgRole[] = ['owner', 'admin'];

export type OrganizationService = ReturnType<typeof createOrganizationService>;

type MyOrganization = orgs.MyOrganization;

export function toOrganizationResponse(org: MyOrganization) {
  return {
    id: org.id,
    name: org.name,
    role: org.role,
    member_count: Number(org.member_count),
    created_at: toIso(org.created_at),
    updated_at: toIso(org.updated_at),
  };
}

/**
 * Organizations, memberships and invitations. Whoever is not a member gets ORGANIZATION_NOT_FOUND
 * for everything, so the API does not tell which organizations exist; a member without the
 * rights gets FORBIDDEN.
 */
export function createOrganizationService(deps: OrganizationServiceDeps) {
  const { db } = deps;

  /** The organization with the caller's role, or 404 when they are not a member. */
  async function membershipOf(actor: Actor, id: number): Promise<MyOrganization> {
    const org =
      id >= 1 && id <= MAX_ID
        ? await orgs.findOrganizationOfMember(db, id, actor.userId)
        : undefined;
    if (!org) throw new AppError('ORGANIZATION_NOT_FOUND');
    return org;
  }

  function assertRole(org: { role: OrgRole }, allowed: readonly OrgRole[]): void {
    if (!allowed.includes(org.role)) throw new AppError('FORBIDDEN');
  }

  async function listMine(actor: Actor) {
    return (await orgs.listOrganizationsOfUser(db, actor.userId)).map(toOrganizationResponse);
  }

  async function create(actor: Actor, input: { name: string }, context: RequestContext) {
    if (deps.creation === 'admins' && actor.role !== 'admin')
      throw new AppError('FORBIDDEN', { message: 'Only an admin may create organizations' });
    const name = validateName(input.name);
    const org = await inTransaction(db, async (trx) => {
      const created = await orgs.insertOrganization(trx, name);
      await orgs.insertMembership(trx, {
        organizationId: created.id,
        userId: actor.userId,
        role: 'owner',
      });
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ORGANIZATION_CREATED,
        userId: actor.userId,
        context,
        details: { organization_id: created.id, name },
      });
      await deps.emitEvent(trx, 'organization.created', {
        organization_id: created.id,
        name,
        owner_id: actor.userId,
      });
      return created;
    });
    return toOrganizationResponse({ ...org, role: 'owner', member_count: 1 });
  }

  async function get(actor: Actor, id: number) {
    return toOrganizationResponse(await membershipOf(actor, id));
  }

  async function rename(
    actor: Actor,
    id: number,
    input: { name: string },
    context: RequestContext,
  ) {
    const current = await membershipOf(actor, id);
    assertRole(current, MANAGERS);
    const name = validateName(input.name);
    if (name === current.name) return toOrganizationResponse(current);
    await inTransaction(db, async (trx) => {
      await orgs.renameOrganization(trx, id, name);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ORGANIZATION_RENAMED,
        userId: actor.userId,
        context,
        details: { organization_id: id, from: current.name, to: name },
      });
    });
    return get(actor, id);
  }

  async function remove(actor: Actor, id: number, context: RequestContext): Promise<void> {
    await membershipOf(actor, id);
    await inTransaction(db, async (trx, afterCommit) => {
      const owners = await orgs.lockOwners(trx, id);
      // Re-checked under the lock: the caller may have been demoted or removed meanwhile.
      if (!owners.includes(actor.userId)) {
        const [still] = await orgs.lockMemberships(trx, id, [actor.userId]);
        throw new AppError(still ? 'FORBIDDEN' : 'ORGANIZATION_NOT_FOUND');
      }
      const org = await orgs.findOrganizationById(trx, id);
      const members = await orgs.memberIds(trx, id);
      await orgs.deleteOrganization(trx, id);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ORGANIZATION_DELETED,
        userId: actor.userId,
        context,
        details: { organization_id: id, name: org?.name, members: members.length },
      });
      await deps.emitEvent(trx, 'organization.deleted', { organization_id: id });
      // Sessions that had it active lose org_id at their next token.
      for (const userId of members) afterCommit(() => deps.invalidateUser(userId));
    });
  }

  async function listMembers(actor: Actor, id: number) {
    await membershipOf(actor, id);
    const rows = await orgs.listMembers(db, id);
    return rows.map((r) => ({
      user_id: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      joined_at: toIso(r.created_at),
    }));
  }

  /**
   * Role changes and removals, under the organization's owner lock (taken first, then the two
   * membership rows in user-id order): the last owner can be neither demoted nor removed, even by
   * two owners acting on each other at once. Owners manage everyone; admins manage members and
   * admins but not owners, and cannot make anyone owner; anyone may leave.
   */
  async function changeMember(
    actor: Actor,
    id: number,
    targetUserId: number,
    change: { role: OrgRole } | 'remove',
    context: RequestContext,
  ): Promise<void> {
    await membershipOf(actor, id);
    if (targetUserId < 1 || targetUserId > MAX_ID) throw new AppError('MEMBER_NOT_FOUND');
    const isSelf = targetUserId === actor.userId;
    await inTransaction(db, async (trx, afterCommit) => {
      const owners = await orgs.lockOwners(trx, id);
      const locked = await orgs.lockMemberships(trx, id, [
        ...new Set([actor.userId, targetUserId]),
      ]);
      const mine = locked.find((m) => m.user_id === actor.userId);
      const target = locked.find((m) => m.user_id === targetUserId);
      if (!mine) throw new AppError('ORGANIZATION_NOT_FOUND');
      if (!target) throw new AppError('MEMBER_NOT_FOUND');
      const newRole = change === 'remove' ? null : change.role;
      if (newRole === target.role) return;
      const leaving = isSelf && change === 'remove';
      if (!leaving) {
        if (!MANAGERS.includes(mine.role)) throw new AppError('FORBIDDEN');
        const touchesOwner = target.role === 'owner' || newRole === 'owner';
        if (touchesOwner && mine.role !== 'owner')
          throw new AppError('FORBIDDEN', { message: 'Only an owner may change owners' });
      }
      if (target.role === 'owner' && owners.every((ownerId) => ownerId === targetUserId))
        throw new AppError('LAST_OWNER');

      const event = { userId: targetUserId, actorId: isSelf ? null : actor.userId, context };
      if (newRole === null) {
        await orgs.deleteMembership(trx, id, targetUserId);
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.MEMBER_REMOVED,
          details: { organization_id: id, role: target.role, by: leaving ? 'self' : 'manager' },
        });
        await deps.emitEvent(trx, 'organization.member_removed', {
          organization_id: id,
          user_id: targetUserId,
        });
      } else {
        await orgs.updateMembershipRole(trx, id, targetUserId, newRole);
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.MEMBER_ROLE_CHANGED,
          details: { organization_id: id, from: target.role, to: newRole },
        });
      }
      // Their sessions re-read the membership: org_role changes (or org_id goes) at the next token.
      afterCommit(() => deps.invalidateUser(targetUserId));
    });
  }

  async function listInvitations(actor: Actor, id: number) {
    assertRole(await membershipOf(actor, id), MANAGERS);
    return (await orgs.listPendingInvitations(db, id)).map(toInvitationResponse);
  }

  async function invite(actor: Actor, id: number, input: InviteBodyType, context: RequestContext) {
    const org = await membershipOf(actor, id);
    assertRole(org, MANAGERS);
    const role = input.role ?? 'member';
    if (role === 'owner' && org.role !== 'owner')
      throw new AppError('FORBIDDEN', { message: 'Only an owner may invite owners' });
    const email = validateEmail(input.email);
    const key = emailKey(email);
    if (await orgs.isMemberByEmailKey(db, id, key))
      throw new AppError('ALREADY_MEMBER', {
        errors: { email: 'This person is already a member' },
      });
    await deps.limits.beforeMail(email, context.ip);
    const inviter = await users.findUserById(db, actor.userId);
    // The invitee's own language when the address has an account, else the inviter's request's.
    const invitee = await users.findUserByEmail(db, email);
    const token = newOpaqueToken();
    const invitation = await inTransaction(db, async (trx, afterCommit) => {
      const row = await orgs.insertInvitation(trx, {
        organizationId: id,
        email,
        emailNormalized: key,
        role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
      });
      await deps.email.queueInvitation(trx, afterCommit, {
        email,
        token,
        organization: org.name,
        inviter: inviter?.name ?? 'Someone',
        locale: mailLocale(invitee?.locale, context.locale),
      });
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.INVITATION_CREATED,
        userId: actor.userId,
        context,
        details: { organization_id: id, invitation_id: row.id, email, role },
      });
      return row;
    });
    return toInvitationResponse(invitation);
  }

  async function revokeInvitation(
    actor: Actor,
    id: number,
    invitationId: number,
    context: RequestContext,
  ): Promise<void> {
    assertRole(await membershipOf(actor, id), MANAGERS);
    await inTransaction(db, async (trx) => {
      const revoked =
        invitationId >= 1 && Number.isSafeInteger(invitationId)
          ? await orgs.revokeInvitation(trx, id, invitationId)
          : undefined;
      if (!revoked) throw new AppError('INVITATION_NOT_FOUND');
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.INVITATION_REVOKED,
        userId: actor.userId,
        context,
        details: { organization_id: id, invitation_id: invitationId, email: revoked.email },
      });
    });
  }

  /** What an invitation link offers, without spending it (the accept page shows it). */
  async function previewInvitation(token: string) {
    const found = await orgs.findPendingInvitation(db, hashToken(token));
    if (!found) throw new AppError('INVITATION_INVALID');
    return {
      organization: { id: found.organization_id, name: found.organization_name },
      email: found.email,
      role: found.role,
      expires_at: toIso(found.expires_at),
    };
  }

  /**
   * Joins the organization of a pending invitation addressed to the caller's email (compared by
   * emailKey, so another spelling of the same mailbox matches). Single use: the invitation row is
   * locked, so of two concurrent acceptances one joins and the other finds it used.
   */
  async function acceptInvitation(actor: Actor, token: string, context: RequestContext) {
    const organizationId = await inTransaction(db, async (trx, afterCommit) => {
      const invitation = await orgs.lockPendingInvitation(trx, hashToken(token));
      if (!invitation) throw new AppError('INVITATION_INVALID');
      const user = await users.findUserById(trx, actor.userId);
      if (!user || emailKey(user.email) !== invitation.email_normalized)
        throw new AppError('INVITATION_EMAIL_MISMATCH');
      const added = await orgs.insertMembership(trx, {
        organizationId: invitation.organization_id,
        userId: actor.userId,
        role: invitation.role,
      });
      if (!added) throw new AppError('ALREADY_MEMBER');
      await orgs.markInvitationAccepted(trx, invitation.id, actor.userId);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.MEMBER_ADDED,
        userId: actor.userId,
        actorId: invitation.invited_by,
        context,
        details: {
          organization_id: invitation.organization_id,
          invitation_id: invitation.id,
          role: invitation.role,
        },
      });
      await deps.emitEvent(trx, 'organization.member_added', {
        organization_id: invitation.organization_id,
        user_id: actor.userId,
        role: invitation.role,
      });
      afterCommit(() => deps.invalidateUser(actor.userId));
      return invitation.organization_id;
    });
    return get(actor, organizationId);
  }

  /**
   * Sets the organization the session acts in (null: none) and returns a fresh access token that
   * carries it; the refresh token stays, and later refreshes keep the organization while the
   * caller is still a member.
   */
  async function setActiveOrganization(
    actor: Actor,
    organizationId: number | null,
    context: RequestContext,
  ) {
    const org = organizationId === null ? null : await membershipOf(actor, organizationId);
    await inTransaction(db, async (trx, afterCommit) => {
      if (org) {
        // Held until commit: a removal meanwhile waits, then drops it again at the next token.
        const [still] = await orgs.lockMemberships(trx, org.id, [actor.userId]);
        if (!still) throw new AppError('ORGANIZATION_NOT_FOUND');
      }
      await orgs.setSessionOrganization(trx, actor.sessionId, org?.id ?? null);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ACTIVE_ORGANIZATION_CHANGED,
        userId: actor.userId,
        context,
        details: { organization_id: org?.id ?? null, session_id: actor.sessionId },
      });
      afterCommit(() => deps.invalidateSession(actor.sessionId));
    });
    const { access, live } = await deps.sessions.reissueAccessToken(actor.userId, actor.sessionId);
    return {
      access,
      user: live.user,
      organization: org && live.organization ? toOrganizationResponse(org) : null,
    };
  }

  async function listAll(actor: Actor, query: AdminOrganizationsQueryType) {
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
    const limit = Math.min(query.limit, MAX_PAGE_SIZE);
    const filter = { search: query.search?.trim() || undefined };
    const [rows, total] = await Promise.all([
      orgs.listAllOrganizations(db, filter, { limit, offset: (query.page - 1) * limit }),
      orgs.countAllOrganizations(db, filter),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        member_count: Number(r.member_count),
        created_at: toIso(r.created_at),
        updated_at: toIso(r.updated_at),
      })),
      page: query.page,
      limit,
      total,
    };
  }

  return {
    listMine,
    create,
    get,
    rename,
    remove,
    listMembers,
    changeMember,
    listInvitations,
    invite,
    revokeInvitation,
    previewInvitation,
    acceptInvitation,
    setActiveOrganization,
    listAll,
  };
}

function toInvitationResponse(row: {
  id: number;
  email: string;
  role: OrgRole;
  created_at: Date;
  expires_at: Date;
}) {
  return {
    id: Number(row.id),
    email: row.email,
    role: row.role,
    created_at: toIso(row.created_at),
    expires_at: toIso(row.expires_at),
  };
}
