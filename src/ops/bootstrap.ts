import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { appendAuditEvent } from '../audit/repository.js';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { PasswordHasher } from '../auth/passwords.js';
import { ConfigError } from '../config/index.js';
import { inTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import type { LiveSessionCache } from '../sessions/live-session-cache.js';
import { validateEmail } from '../users/email.js';
import * as users from '../users/repository.js';

const SYSTEM_CONTEXT = { ip: null, userAgent: 'gatehouse-bootstrap' };

/**
 * Makes sure the account exists with role admin: created (email verified, since the operator
 * supplied it) when missing. An existing account is promoted, its password left alone, only when
 * the operator asks for exactly that (`gatehouse create-admin`); start-up (ADMIN_EMAIL) refuses.
 */
export async function ensureAdmin(
  deps: { db: Kysely<Database>; hasher: PasswordHasher; cache: LiveSessionCache },
  emailInput: string,
  password: string,
  logger: Logger,
  options: { promoteExisting: boolean },
): Promise<'created' | 'promoted' | 'unchanged'> {
  const email = validateEmail(emailInput);
  const existing = await users.findUserByEmail(deps.db, email);
  if (existing) {
    if (existing.role === 'admin') return 'unchanged';
    // Anyone may have registered that address first: promoting it from configuration alone
    // would hand them the admin role.
    if (!options.promoteExisting)
      throw new ConfigError(
        `ADMIN_EMAIL ${email} belongs to an existing account that is not an admin, and start-up ` +
          'never promotes an account someone registered for themselves. If that account is yours, ' +
          `promote it with \`gatehouse create-admin --email ${email}\`; otherwise set ADMIN_EMAIL ` +
          'to an address without an account.',
      );
    await inTransaction(deps.db, async (trx, afterCommit) => {
      await users.updateUser(trx, existing.id, { role: 'admin' });
      afterCommit(() => deps.cache.invalidateUser(existing.id));
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ROLE_CHANGED,
        userId: existing.id,
        context: SYSTEM_CONTEXT,
        details: { from: existing.role, to: 'admin', by: 'bootstrap' },
      });
    });
    logger.info({ userId: existing.id }, 'existing account promoted to admin');
    return 'promoted';
  }
  const passwordHash = await deps.hasher.hash(password);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const user = await users.insertUser(trx, {
        email,
        name: 'Administrator',
        password_hash: passwordHash,
        role: 'admin',
        email_verified: true,
      });
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ACCOUNT_CREATED,
        userId: user.id,
        context: SYSTEM_CONTEXT,
        details: { role: 'admin', by: 'bootstrap' },
      });
    });
  } catch (err) {
    // Another instance created it at the same moment: that is the outcome we wanted.
    if ((err as { code?: string }).code === '23505')
      return ensureAdmin(deps, emailInput, password, logger, options);
    throw err;
  }
  logger.info('admin account created');
  return 'created';
}
