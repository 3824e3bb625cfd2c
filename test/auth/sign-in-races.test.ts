import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  signUp,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { waitForLockWaiters } from '../helpers/database.js';
import { query, storeResetToken } from '../users/helpers.js';

const NEW_PASSWORD = 'a whole new passphrase 42';
const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;
type Change = (t: TestApp, user: SignedIn) => Promise<() => Promise<Response>>;

const changes: Array<[string, Change, number]> = [
  [
    'a password reset',
    async (t, user) => {
      const token = await storeResetToken(t, user);
      return () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/reset-password',
          payload: { token, password: NEW_PASSWORD },
        });
    },
    0,
  ],
  [
    'a password change',
    async (t, user) => () =>
      t.app.inject({
        method: 'PUT',
        url: `/api/users/${user.id}`,
        headers: user.auth,
        payload: { password: NEW_PASSWORD, current_password: GOOD_PASSWORD },
      }),
    // The session that made the change stays; no other.
    1,
  ],
  [
    'an account deletion',
    async (t, user) => () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/users/${user.id}`,
        headers: user.auth,
        payload: { current_password: GOOD_PASSWORD },
      }),
    0,
  ],
];

/**
 * @see issue 13, "Races and lifecycles": a sign-in whose password check began before the change
 * used to create its session afterwards (or answer 500 once the user row was gone).
 *
 * The test holds the user's row from outside. The change queues for that row first; then the
 * sign-in reads the old hash, checks the old password and queues behind the change. Releasing the
 * row lets the change commit before the sign-in's session transaction can look again.
 */
describe('a sign-in that checked the password before a credential change', () => {
  it.each(changes)('gets no session that outlives %s (401)', async (_label, prepare, kept) => {
    const t = await buildTestApp();
    apps.push(t);
    const user = await signUp(t.app);
    const change = await prepare(t, user);

    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    let results;
    try {
      await holder.query('begin');
      await holder.query('select id from users where id = $1 for update', [user.id]);
      const changing = change();
      await waitForLockWaiters(holder, 1);
      const signingIn = t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: GOOD_PASSWORD },
      });
      await waitForLockWaiters(holder, 2);
      await holder.query('commit');
      results = await Promise.all([changing, signingIn]);
    } finally {
      await holder.end();
    }
    const [changed, signIn] = results;
    expect(changed.statusCode, changed.body).toBe(200);
    expectError(signIn, 401, 'INVALID_CREDENTIALS');
    const live = await query<{ n: string }>(
      t,
      'select count(*) as n from sessions where user_id = $1 and revoked_at is null',
      [user.id],
    );
    expect(Number(live[0]!.n)).toBe(kept);
  });
});
