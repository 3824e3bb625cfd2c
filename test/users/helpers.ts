import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildTestApp, login, type SignedIn, type TestApp } from '../helpers/app.js';

export const ADMIN_PASSWORD = 'admin password for tests';

/** A test app whose start-up bootstrap created an admin account. */
export async function buildAppWithAdmin(
  env: Record<string, string> = {},
): Promise<TestApp & { adminEmail: string }> {
  const adminEmail = `admin.${process.pid}.${Date.now()}@example.com`;
  const t = await buildTestApp({ ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD, ...env });
  return Object.assign(t, { adminEmail });
}

export async function loginAdmin(t: TestApp & { adminEmail: string }): Promise<SignedIn> {
  return login(t.app, t.adminEmail, ADMIN_PASSWORD);
}

/** Runs SQL against the test app's own database (assertions and setup only). */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(
  t: TestApp,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Makes the user an admin directly in the database (bypassing the API under test). */
export async function promoteInDatabase(t: TestApp, userId: number): Promise<void> {
  await query(t, `update users set role = 'admin' where id = $1`, [userId]);
}

export async function auditTypes(t: TestApp, userId: number): Promise<string[]> {
  const rows = await query<{ type: string }>(
    t,
    'select type from audit_events where user_id = $1 order by id',
    [userId],
  );
  return rows.map((r) => r.type);
}

/** A live reset link for the user, stored the way the mail flow stores it (only its hash). */
export async function storeResetToken(
  t: TestApp,
  user: { id: number; email: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await query(
    t,
    `insert into email_tokens (user_id, purpose, token_hash, email, expires_at)
     values ($1, 'reset_password', $2, $3, now() + interval '1 hour')`,
    [user.id, createHash('sha256').update(token).digest(), user.email],
  );
  return token;
}
