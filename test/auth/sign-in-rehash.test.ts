import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { bcryptCost } from '../../src/auth/passwords.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp, expectError, login, registerUser, type TestApp } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { query } from '../users/helpers.js';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closing.length) await closing.pop()!();
});

/** The same database served again with another BCRYPT_COST (an operator raising it and restarting). */
async function restartWithCost(t: TestApp, cost: number): Promise<App> {
  const app = await buildApp(
    loadConfig({
      ...TEST_ENV,
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.databaseUrl,
      BCRYPT_COST: String(cost),
    }),
  );
  await app.ready();
  closing.push(() => app.close());
  return app;
}

const storedCost = async (t: TestApp, userId: number) => {
  const rows = await query<{ password_hash: string }>(
    t,
    'select password_hash from users where id = $1',
    [userId],
  );
  return bcryptCost(rows[0]!.password_hash);
};

/** @see issue 13, "Races and lifecycles": raising BCRYPT_COST upgraded no stored hash. */
describe('a BCRYPT_COST change', () => {
  it("rehashes each account at the configured cost at that account's next successful sign-in", async () => {
    const t = await buildTestApp({ BCRYPT_COST: '4' });
    closing.push(() => t.close());
    const user = await registerUser(t.app);
    const other = await registerUser(t.app);
    expect(await storedCost(t, user.id)).toBe(4);
    await t.app.close();

    const raised = await restartWithCost(t, 6);
    // A wrong password changes nothing.
    const wrong = await raised.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the right password' },
    });
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expect(await storedCost(t, user.id)).toBe(4);

    await login(raised, user.email, user.password);
    expect(await storedCost(t, user.id)).toBe(6);
    // Nobody else's hash is touched until they sign in themselves.
    expect(await storedCost(t, other.id)).toBe(4);
    // The upgraded hash holds the same password.
    await login(raised, user.email, user.password);
    expect(await storedCost(t, user.id)).toBe(6);
  });
});
