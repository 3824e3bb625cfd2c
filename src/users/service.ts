import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../audit/repository.js';
import { exportUserAuditEvents, listUserAuditEvents, type PageRequest } from '../audit/service.js';
import type { PasswordHasher } from '../auth/passwords.js';
import type { Reauthentication } from '../auth/reauth.js';
import type { Database, Role, UserRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { toIso } from '../http/serializers.js';
import type { EmailHooks } from '../email/feature.js';
import type { SessionService } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import type { EmitEvent } from '../webhooks/events.js';
import { createAccountChanges } from './account-changes.js';
import * as users from './repository.js';
import { MAX_PAGE_SIZE, type ListUsersQueryType } from './schemas.js';
import { toUserResponse, type UserResponse } from './serializers.js';
import { factorsOf, factorsOfUser, listFactorFactsOfUser } from '../mfa/repository.js';
import { listOrganizationsOfUser } from '../organizations/repository.js';
import { listIdentitiesOfUser } from '../social/repository.js';

/** Who is calling: from the live session, so the role is current, never the token's. */
export interface Actor {
  userId: number;
  sessionId: number;
  role: Role;
}

export interface UserServiceDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  sessions: SessionService;
  email: EmailHooks;
  /** Drops cached copies of the user on every instance (role or profile changed). */
  invalidateUser: (userId: number) => Promise<void>;
  limits: Limits;
  /**
   * Runs in the deletion's transaction before the account goes: refuses (throws) or tidies what
   * other features hold for it (organizations it alone owns).
   */
  beforeDelete?: (trx: Transaction<Database>, userId: number) => Promise<void>;
  /** Webhook events (user.updated, user.deleted, password.changed), in the change's transaction. */
  emitEvent?: EmitEvent;
  /** current_password, or a recent passkey assertion on the caller's session. */
  reauth: Reauthentication;
}

// users.id is a PostgreSQL integer: anything larger can name no user (and must not reach SQL).
const MAX_USER_ID = 2_147_483_647;

export type UserService = ReturnType<typeof createUserService>;

/** User management rules: self-or-admin access, the admin list, changes, deletion, export, audit. */
export function createUserService(deps: UserServiceDeps) {
  const { db } = deps;

  /**
   * The target user, if the actor may act on it: themself, or anyone for an admin. An unknown id is
   * 404 for everyone (ids are sequential, so existence is no secret); another user's is 403.
   */
  async function loadAuthorized(actor: Actor, id: number): Promise<UserRow> {
    const user = id >= 1 && id <= MAX_USER_ID ? await users.findUserById(db, id) : undefined;
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.id !== actor.userId && actor.role !== 'admin') throw new AppError('FORBIDDEN');
    return user;
  }

  function assertAdmin(actor: Actor): void {
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  }

  const changes = createAccountChanges(deps);

  /** The user object; an admin also sees the user's second factors. */
  async function getUser(actor: Actor, id: number): Promise<UserResponse> {
    const user = await loadAuthorized(actor, id);
    if (actor.role !== 'admin') return toUserResponse(user);
    return toUserResponse(user, await factorsOfUser(db, user.id));
  }

  async function listUsers(actor: Actor, query: ListUsersQueryType) {
    assertAdmin(actor);
    const limit = Math.min(query.limit, MAX_PAGE_SIZE);
    const search = query.search?.trim() || undefined;
    const filter = { search, role: query.role };
    const [rows, total] = await Promise.all([
      users.listUsers(db, filter, {
        sort: query.sort,
        order: query.order,
        limit,
        offset: (query.page - 1) * limit,
      }),
      users.countUsers(db, filter),
    ]);
    const factors = await factorsOf(
      db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => toUserResponse(r, factors.get(r.id))),
      page: query.page,
      limit,
      total,
    };
  }

  async function updateUser(
    actor: Actor,
    id: number,
    input: Parameters<typeof changes.update>[2],
    context: RequestContext,
  ): Promise<UserRow> {
    // Checked before anything is read: a non-admin sending `role` changes nothing at all.
    if (input.role !== undefined) assertAdmin(actor);
    const current = await loadAuthorized(actor, id);
    return changes.update(actor, current, input, context);
  }

  async function deleteUser(
    actor: Actor,
    id: number,
    currentPassword: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    const current = await loadAuthorized(actor, id);
    await changes.remove(actor, current, currentPassword, context);
  }

  async function listAudit(actor: Actor, id: number, page: PageRequest) {
    await loadAuthorized(actor, id);
    const limit = Math.min(page.limit, MAX_PAGE_SIZE);
    return listUserAuditEvents(db, id, { page: page.page, limit }, actor.role === 'admin');
  }

  /** Every stored fact about the user, as one document; no hashes and no tokens. */
  async function exportUser(actor: Actor, id: number) {
    const user = await loadAuthorized(actor, id);
    const [sessions, refreshTokens, emailTokens, mail, organizations, factors, identities, trail] =
      await Promise.all([
        users.listAllSessionsOfUser(db, id),
        users.listRefreshTokenFactsOfUser(db, id),
        users.listEmailTokenFactsOfUser(db, id),
        users.listMailFactsOfUser(db, id),
        listOrganizationsOfUser(db, id),
        listFactorFactsOfUser(db, id),
        listIdentitiesOfUser(db, id),
        exportUserAuditEvents(db, id, actor.role === 'admin'),
      ]);
    return {
      exported_at: toIso(new Date()),
      user: toUserResponse(user),
      sessions: sessions.map((s) => ({
        id: s.id,
        ip: s.ip,
        user_agent: s.user_agent,
        created_at: toIso(s.created_at),
        last_used_at: toIso(s.last_used_at),
        expires_at: toIso(s.expires_at),
        revoked_at: toIso(s.revoked_at),
        revoked_reason: s.revoked_reason,
      })),
      refresh_tokens: refreshTokens.map((r) => ({
        id: r.id,
        session_id: r.session_id,
        parent_id: r.parent_id,
        created_at: toIso(r.created_at),
        used_at: toIso(r.used_at),
        expires_at: toIso(r.expires_at),
      })),
      email_tokens: emailTokens.map((e) => ({
        id: e.id,
        purpose: e.purpose,
        email: e.email,
        created_at: toIso(e.created_at),
        expires_at: toIso(e.expires_at),
        used_at: toIso(e.used_at),
      })),
      mail: mail.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        created_at: toIso(m.created_at),
        sent_at: toIso(m.sent_at),
        failed_at: toIso(m.failed_at),
      })),
      organizations: organizations.map((o) => ({
        id: o.id,
        name: o.name,
        role: o.role,
        joined_at: toIso(o.joined_at),
      })),
      factors,
      linked_identities: identities.map((i) => ({
        provider: i.provider,
        subject: i.subject,
        email: i.email,
        created_at: toIso(i.created_at),
        last_used_at: toIso(i.last_used_at),
      })),
      ...trail,
    };
  }

  return { getUser, listUsers, updateUser, deleteUser, listAudit, exportUser };
}
