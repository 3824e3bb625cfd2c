import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { runCli } from '../../src/cli/run.js';
import { loadConfig } from '../../src/config/index.js';
import { CLEANUP_LOCK_ID } from '../../src/ops/cleanup.js';
import { GOOD_PASSWORD, login, registerUser, uniqueEmail } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { Capture, cli, cliEnv, fakeTerminal, query, tempDir } from './helpers.js';

const ADMIN_PASSWORD = 'an admin passphrase 4 tests';

describe('gatehouse create-admin, keys, users export and cleanup', () => {
  const data = tempDir();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = cliEnv(database.url, data.dir);
  });
  afterAll(async () => {
    await database.drop();
    data.remove();
  });

  /** The service on the same database (and the same Redis prefix as the CLI when given). */
  async function service(extra: Record<string, string> = {}) {
    const config = loadConfig({
      ...TEST_ENV,
      DATABASE_URL: database.url,
      DATA_DIR: data.dir,
      ...extra,
    });
    const app = await buildApp(config);
    await app.ready();
    return app;
  }

  it('creates an admin from a piped password who can then sign in', async () => {
    const email = uniqueEmail('admin');
    const run = await cli(['create-admin', '--email', email], env, {
      stdin: `${ADMIN_PASSWORD}\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Created administrator ${email} \\(id \\d+\\)`));
    const [row] = await query(
      database.url,
      'select role, email_verified from users where email = $1',
      [email],
    );
    expect(row).toEqual({ role: 'admin', email_verified: true });

    const app = await service();
    try {
      const session = await login(app, email, ADMIN_PASSWORD);
      const profile = await app.inject({ url: '/api/users/profile', headers: session.auth });
      expect(profile.json().data.role).toBe('admin');
    } finally {
      await app.close();
    }
    const again = await cli(['create-admin', '--email', email.toUpperCase()], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already an admin; nothing changed');
  });

  it('refuses bad input with exit 1 and a clear reason', async () => {
    const cases: Array<[string[], string | undefined, RegExp]> = [
      [['--email', 'not-an-email'], ADMIN_PASSWORD, /Enter a valid email address/],
      [['--email', uniqueEmail()], 'password', /too common/],
      [['--email', uniqueEmail()], 'short', /at least 8 characters/],
      [['--email', uniqueEmail()], '', /no password on standard input/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await cli(['create-admin', ...args], env, {
        stdin: stdin === '' ? '' : `${stdin}\n`,
      });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
    }
    const [{ count }] = await query(
      database.url,
      `select count(*)::int as count from users where role = 'admin'`,
    );
    expect(count).toBe(1);
  });

  it('promotes an existing account without asking for a password, at once on every instance', async () => {
    const redis = {
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `gh-cli-${process.pid}-${Date.now()}:`,
    };
    const app = await service(redis);
    try {
      const user = await registerUser(app);
      const session = await login(app, user.email, user.password);
      const first = await app.inject({ url: '/api/users/profile', headers: session.auth });
      expect(first.json().data.role).toBe('user'); // now cached by the instance

      const run = await cli(['create-admin', '--email', user.email], { ...env, ...redis });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('to admin; the password is unchanged');
      const after = await app.inject({ url: '/api/users/profile', headers: session.auth });
      expect(after.json().data.role).toBe('admin');
      await login(app, user.email, GOOD_PASSWORD);
    } finally {
      await app.close();
    }
  });

  it('on a terminal asks for the password twice without echoing it', async () => {
    const stdin = fakeTerminal();
    const stdout = new Capture();
    const secret = 'typed at a terminal 77';
    // Type each answer once its prompt shows, like a person would (with a corrected typo).
    const stderr = new Capture((text) => {
      if (text.includes('Password: ')) setImmediate(() => stdin.write(`${secret}x\u007f\r`));
      if (text.includes('Repeat password: ')) setImmediate(() => stdin.write(`${secret}\n`));
    });
    const email = uniqueEmail('tty');
    const code = await runCli(['create-admin', '--email', email], { stdin, stdout, stderr, env });
    expect(code, stderr.text).toBe(0);
    expect(stdout.text).toContain(`Created administrator ${email}`);
    expect(stdout.text + stderr.text).not.toContain(secret);
    expect(stdin.rawModes).toEqual([true, false, true, false]);
    const app = await service();
    try {
      await login(app, email, secret);
    } finally {
      await app.close();
    }
  });

  it('on a terminal stops when the repeated password differs', async () => {
    const stdin = fakeTerminal();
    const stderr = new Capture((text) => {
      if (text.includes('Password: ')) setImmediate(() => stdin.write('first passphrase 1\r'));
      if (text.includes('Repeat password: '))
        setImmediate(() => stdin.write('other passphrase 2\r'));
    });
    const code = await runCli(['create-admin', '--email', uniqueEmail()], {
      stdin,
      stdout: new Capture(),
      stderr,
      env,
    });
    expect(code).toBe(1);
    expect(stderr.text).toContain('the passwords do not match');
  });

  it('rotates and lists signing keys, and refuses a different KEY_ENCRYPTION_KEY', async () => {
    await query(database.url, 'delete from signing_keys');
    const empty = await cli(['keys', 'list'], env);
    expect(empty.stdout).toContain('No signing keys yet');

    const first = await cli(['keys', 'rotate'], env);
    expect(first.code, first.stderr).toBe(0);
    const firstKid = /New signing key (\S+) is published/.exec(first.stdout)![1];
    const second = await cli(['keys', 'rotate'], env);
    const secondKid = /New signing key (\S+) is published/.exec(second.stdout)![1];
    expect(secondKid).not.toBe(firstKid);

    const listed = await cli(['keys', 'list', '--json'], env);
    const all = JSON.parse(listed.stdout);
    // Every rotation makes one key per algorithm: EdDSA (access tokens) and RS256 (ID tokens).
    expect(all.map((k: any) => [k.alg, k.state]).sort()).toEqual([
      ['EdDSA', 'active'],
      ['EdDSA', 'pending'],
      ['RS256', 'active'],
      ['RS256', 'pending'],
    ]);
    const keys = all.filter((k: any) => k.alg === 'EdDSA');
    expect(keys.map((k: any) => [k.kid, k.state])).toEqual([
      [secondKid, 'pending'],
      [firstKid, 'active'], // the first key of an empty table signs at once, until the second does
    ]);
    // The first key retires exactly when the second starts signing.
    expect(keys[1].retired_at).toBe(keys[0].activates_at);
    expect(Date.parse(keys[1].verifies_until) - Date.parse(keys[1].retired_at)).toBe(960_000);
    const table = await cli(['keys', 'list'], env);
    expect(table.stdout).toMatch(
      new RegExp(`${secondKid}  EdDSA  pending    created .* signs from`),
    );
    expect(table.stdout).toMatch(new RegExp(`${firstKid}  EdDSA  active`));

    await query(
      database.url,
      `update signing_keys set retired_at = now() - interval '1 day' where kid = $1`,
      [firstKid],
    );
    expect((await cli(['keys', 'list'], env)).stdout).toMatch(
      new RegExp(`${firstKid}  EdDSA  expired`),
    );

    const otherKek = Buffer.alloc(32, 9).toString('base64');
    const refused = await cli(['keys', 'rotate'], { ...env, KEY_ENCRYPTION_KEY: otherKek });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`does not decrypt the current signing key ${secondKid}`);
    const [{ count }] = await query(
      database.url,
      'select count(*)::int as count from signing_keys',
    );
    expect(count).toBe(4);
  });

  it("exports a user's data as JSON without hashes or tokens", async () => {
    const app = await service();
    let userId: number;
    let refreshToken: string;
    try {
      const user = await registerUser(app);
      const session = await login(app, user.email, user.password);
      userId = user.id;
      refreshToken = session.refreshToken;
    } finally {
      await app.close();
    }
    const run = await cli(['users', 'export', String(userId)], env);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.user.id).toBe(userId);
    expect(doc.sessions).toHaveLength(1);
    expect(doc.audit_events.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['account.created', 'login.succeeded']),
    );
    expect(run.stdout).not.toMatch(/password_hash|token_hash|\$2[aby]\$/);
    expect(run.stdout).not.toContain(refreshToken);

    const missing = await cli(['users', 'export', '999999'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no user with id 999999');
  });

  it('cleans up now, and does nothing while another instance holds the lock', async () => {
    await query(
      database.url,
      `insert into audit_events (type, created_at) values ('login.failed', now() - interval '400 days')`,
    );
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [CLEANUP_LOCK_ID]);
      const skipped = await cli(['cleanup'], env);
      expect(skipped.code).toBe(0);
      expect(skipped.stdout).toContain('Another instance is cleaning up right now; nothing done.');
    } finally {
      await holder.end();
    }
    const run = await cli(['cleanup'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/audit_events\s+1\n/);
    expect(run.stdout).toMatch(/sessions\s+\d+\n/);
  });
});
