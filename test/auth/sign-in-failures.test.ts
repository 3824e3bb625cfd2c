import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/http/logging.js';
import {
  buildTestApp,
  expectError,
  registerUser,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';
import { query } from '../users/helpers.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const login = (t: TestApp, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

/** Statements the outbox worker and the key reload run on their own timers, not for a request. */
const BACKGROUND = /mail_outbox|signing_keys/;

/**
 * @see issue 13, "Races and lifecycles": an unknown address cost one SELECT, a wrong password a
 * SELECT and an INSERT, so the database's work (and its time) told them apart.
 */
describe('a failed sign-in', () => {
  it('does the same database work for an unknown address and a wrong password', async () => {
    // SLOW_QUERY_MS=0 logs every statement the app sends through Kysely, with its SQL.
    const statements: string[] = [];
    const logger = pino(
      loggerOptions('warn'),
      new Writable({
        write(chunk, _encoding, done) {
          const line = JSON.parse(String(chunk)) as { msg?: string; sql?: string };
          if (line.msg === 'slow query' && line.sql && !BACKGROUND.test(line.sql))
            statements.push(line.sql);
          done();
        },
      }),
    );
    const t = await buildTestApp({ SLOW_QUERY_MS: '0' }, { logger });
    apps.push(t);
    const user = await registerUser(t.app);
    const statementsOf = async (email: string) => {
      statements.length = 0;
      expectError(await login(t, email, 'not the right password'), 401, 'INVALID_CREDENTIALS');
      return [...statements];
    };
    const wrongPassword = await statementsOf(user.email);
    const unknownAddress = await statementsOf(uniqueEmail('nobody'));
    expect(wrongPassword.length).toBeGreaterThan(0);
    expect(unknownAddress).toEqual(wrongPassword);
    // Both are on the record, the unknown address without naming it.
    const events = await query<{ user_id: number | null; details: object }>(
      t,
      `select user_id, details from audit_events where type = 'login.failed' order by id`,
    );
    expect(events).toEqual([
      { user_id: user.id, details: { reason: 'wrong_password' } },
      { user_id: null, details: { reason: 'unknown_account' } },
    ]);
  });

  it('stays counted against the account when its audit write fails', async () => {
    const t = await buildTestApp({ RATE_LIMIT_LOGIN_ACCOUNT_MAX: '3' });
    apps.push(t);
    const user = await registerUser(t.app);
    // Every failed sign-in's audit row is refused from now on.
    await query(
      t,
      `alter table audit_events add constraint no_failed_logins check (type <> 'login.failed') not valid`,
    );
    for (let i = 0; i < 3; i++) {
      const res = await login(t, user.email, 'not the right password');
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(500);
    }
    // Three wrong guesses were made: the fourth attempt is refused, the right password too.
    expectError(await login(t, user.email, user.password), 429, 'RATE_LIMITED');
  });
});
