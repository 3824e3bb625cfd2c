import { appendAuditEvent, pseudonymiseAuditEvents } from '../audit/repository.js';
import type { RequestContext } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import { validateNewPassword } from '../auth/passwords.js';
import { inTransaction } from '../db/transaction.js';
import type { UserRow, UserUpdate } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { emailKey, validateEmail } from './email.js';
import { validateName } from './name.js';
import * as users from './repository.js';
import type { UpdateUserBodyType } from './schemas.js';
import type { Actor, UserServiceDeps } from './service.js';
import { emitNothing } from '../webhooks/events.js';
import { userEventData } from '../webhooks/payloads.js';

const NO_CONTEXT: RequestContext = { ip: null, userAgent: null };

/** Runs every field validator and reports all failing fields at once. */
function validateInput(input: UpdateUserBodyType): { name?: string; email?: string } {
  const errors: Record<string, string> = {};
  let code: 'VALIDATION_FAILED' | 'PASSWORD_TOO_COMMON' = 'VALIDATION_FAILED';
  const out: { name?: string; email?: string } = {};
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof AppError) || !err.errors) throw err;
      Object.assign(errors, err.errors);
      if (err.code === 'PASSWORD_TOO_COMMON') code = err.code;
    }
  };
  if (input.name !== undefined) attempt(() => (out.name = validateName(input.name!)));
  if (input.email !== undefined) attempt(() => (out.email = validateEmail(input.email!)));
  if (input.password !== undefined) attempt(() => validateNewPassword(input.password!));
  // A common password alone keeps its own code; mixed with other failures it is a validation error.
  if (Object.keys(errors).length > 1) code = 'VALIDATION_FAILED';
  if (Object.keys(errors).length > 0) throw new AppError(code, { errors });
  return out;
}

/** Profile, email, password and role changes, and deletion: the rules that write. */
export function createAccountChanges(deps: UserServiceDeps) {
  const { db, sessions } = deps;
  const emitEvent = deps.emitEvent ?? emitNothing;

  async function update(
    actor: Actor,
    current: UserRow,
    input: UpdateUserBodyType,
    context: RequestContext,
  ): Promise<UserRow> {
    const id = current.id;
    const isSelf = actor.userId === id;
    const valid = validateInput(input);
    const emailChanging = valid.email !== undefined && valid.email !== current.email;
    const passwordChanging = input.password !== undefined;
    const wantsChange =
      (valid.name !== undefined && valid.name !== current.name) ||
      emailChanging ||
      passwordChanging ||
      (input.role !== undefined && input.role !== current.role) ||
      (input.locale !== undefined && input.locale !== current.locale);
    if (!wantsChange) return current;
    // Whoever holds a stolen access token must not be able to take the account over.
    if (isSelf && (emailChanging || passwordChanging))
      await deps.reauth.assertReauthenticated(
        current,
        actor.sessionId,
        input.current_password,
        context,
      );
    // Another mailbox, not just another spelling: it must be free, and it gets a verification mail.
    const toNewAddress = emailChanging && emailKey(valid.email!) !== emailKey(current.email);
    if (toNewAddress && (await users.findUserByEmail(db, valid.email!))) {
      // Early answer; the unique email_normalized still decides a race (mapped to the same 409).
      throw new AppError('EMAIL_TAKEN', {
        errors: { email: 'Email address is already registered' },
      });
    }
    // A new address gets a verification mail: counted like forgot-password, per requesting address
    // and per recipient, or switching back and forth would mail a stranger without limit.
    if (toNewAddress) await deps.limits.beforeMail(valid.email!, context.ip);
    // Hashed before the transaction: no row stays locked while bcrypt runs.
    const passwordHash = passwordChanging ? await deps.hasher.hash(input.password!) : undefined;
    const actorId = isSelf ? null : actor.userId;

    return inTransaction(db, async (trx, afterCommit) => {
      // Role changes take the admin lock first (same order as deletion: no deadlock).
      const admins = input.role !== undefined ? await users.lockAdmins(trx) : null;
      const user = await users.lockUserById(trx, id);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const values: UserUpdate = {};
      const role = input.role !== undefined && input.role !== user.role ? input.role : undefined;
      if (role === 'user' && admins!.every((adminId) => adminId === id))
        throw new AppError('LAST_ADMIN');
      // The actor may have been demoted while this request was in flight.
      if (admins && !admins.includes(actor.userId)) throw new AppError('FORBIDDEN');
      if (role) values.role = role;
      const name = valid.name !== undefined && valid.name !== user.name ? valid.name : undefined;
      if (name !== undefined) values.name = name;
      const email =
        valid.email !== undefined && valid.email !== user.email ? valid.email : undefined;
      // Only a different mailbox needs proving again; another spelling of this one does not.
      const newAddress = email !== undefined && emailKey(email) !== emailKey(user.email);
      if (email !== undefined) values.email = email;
      const locale =
        input.locale !== undefined && input.locale !== user.locale ? input.locale : undefined;
      if (locale !== undefined) values.locale = locale;
      if (newAddress) values.email_verified = false;
      if (passwordHash) values.password_hash = passwordHash;
      // The live-session cache serves role and profile: every instance re-reads this user once
      // the change committed (revokeAllSessions below does it when the password changes).
      if (!passwordHash) afterCommit(() => deps.invalidateUser(id));
      if (Object.keys(values).length === 0) return user;

      const updated = (await users.updateUser(trx, id, values))!;
      const event = { userId: id, actorId, context };
      const profileFields = [
        ...(name !== undefined ? ['name'] : []),
        ...(locale !== undefined ? ['locale'] : []),
      ];
      if (profileFields.length > 0)
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.PROFILE_UPDATED,
          details: { fields: profileFields },
        });
      if (email !== undefined) {
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.EMAIL_CHANGED,
          details: { old_email: user.email, new_email: email, verification_reset: newAddress },
        });
        if (newAddress)
          await deps.email.queueVerification(trx, afterCommit, updated, context.locale);
      }
      if (role)
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.ROLE_CHANGED,
          details: { from: user.role, to: role },
        });
      if (name !== undefined || email !== undefined || role || locale !== undefined)
        await emitEvent(trx, 'user.updated', {
          ...userEventData(updated),
          changed: [
            ...(name !== undefined ? ['name'] : []),
            ...(email !== undefined ? ['email'] : []),
            ...(role ? ['role'] : []),
            ...(locale !== undefined ? ['locale'] : []),
          ],
        });
      if (passwordHash) {
        // A reset link sent for the old password must not undo this change later.
        await deps.email.retirePasswordResets(trx, id);
        // Own change: this session stays, every other one ends. An admin's reset ends them all.
        const revoked = await sessions.revokeAllSessions(
          trx,
          afterCommit,
          id,
          'password_changed',
          isSelf ? actor.sessionId : null,
        );
        await appendAuditEvent(trx, {
          ...event,
          type: AUDIT_EVENTS.PASSWORD_CHANGED,
          details: { sessions_ended: revoked.length },
        });
        await emitEvent(trx, 'password.changed', {
          user_id: id,
          by: isSelf ? 'self' : 'admin',
          sessions_ended: revoked.length,
        });
      }
      return updated;
    });
  }

  async function remove(
    actor: Actor,
    current: UserRow,
    currentPassword: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    const id = current.id;
    const isSelf = actor.userId === id;
    if (isSelf)
      await deps.reauth.assertReauthenticated(current, actor.sessionId, currentPassword, context);
    // Once committed, every instance forgets the user's sessions: their tokens answer 401.
    await inTransaction(db, async (trx, afterCommit) => {
      const admins = await users.lockAdmins(trx);
      const user = await users.lockUserById(trx, id);
      if (!user) throw new AppError('USER_NOT_FOUND');
      if (user.role === 'admin' && admins.every((adminId) => adminId === id))
        throw new AppError('LAST_ADMIN');
      if (!isSelf && !admins.includes(actor.userId)) throw new AppError('FORBIDDEN');
      await deps.beforeDelete?.(trx, id);
      const ended = await sessions.revokeAllSessions(trx, afterCommit, id, 'account_deleted', null);
      await pseudonymiseAuditEvents(trx, id);
      await users.deleteUserById(trx, id);
      // A self-deletion records no network facts (they would be the deleted person's); an admin's
      // deletion keeps the admin's own, like any other admin action.
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ACCOUNT_DELETED,
        userId: id,
        actorId: isSelf ? null : actor.userId,
        context: isSelf ? NO_CONTEXT : context,
        details: { by: isSelf ? 'self' : 'admin', sessions_ended: ended.length },
      });
      await emitEvent(trx, 'user.deleted', { id, by: isSelf ? 'self' : 'admin' });
    });
  }

  return { update, remove };
}
