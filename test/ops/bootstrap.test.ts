import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { buildTestApp, GOOD_PASSWORD, registerUser, type TestApp } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { cli, cliEnv, query, tempDir } from './helpers.js';

/**
 * ADMIN_EMAIL at start-up creates the administrator, and never promotes an account someone
 * registered for themselves: whoever got to the address first would otherwise become admin.
 * @see issue 13, "Trust boundaries"
 */
describe('ADMIN_EMAIL bootstrap', () => {
  const data = tempDir();
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  const start = (adminEmail: string) =>
    buildApp(
      loadConfig({
        ...TEST_ENV,
        DATABASE_URL: t.databaseUrl,
        DATA_DIR: data.dir,
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD: GOOD_PASSWORD,
      }),
    );
  const roleOf = async (email: string) =>
    (await query(t.databaseUrl, 'select role from users where email = $1', [email]))[0]?.role;

  it('refuses to start when the address belongs to a self-registered account, and leaves it alone', async () => {
    const user = await registerUser(t.app);
    await expect(start(user.email)).rejects.toThrow(
      /ADMIN_EMAIL .*not an admin.*gatehouse create-admin --email/,
    );
    expect(await roleOf(user.email)).toBe('user');

    // The operator's way: create-admin promotes it on purpose; then start-up is happy.
    const promoted = await cli(
      ['create-admin', '--email', user.email],
      cliEnv(t.databaseUrl, data.dir),
    );
    expect(promoted.code, promoted.stderr).toBe(0);
    const app = await start(user.email);
    await app.close();
    expect(await roleOf(user.email)).toBe('admin');
  });

  it('creates the account when the address is free', async () => {
    const email = `admin.${Date.now()}@example.com`;
    const app = await start(email);
    await app.close();
    expect(await roleOf(email)).toBe('admin');
  });
});
