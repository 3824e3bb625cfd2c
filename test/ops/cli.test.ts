import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { COMMANDS } from '../../src/cli/run.js';
import { cli, cliEnv, createEmptyDatabase, query, tempDir } from './helpers.js';

const MIGRATION_NAMES = Object.keys(migrations);

describe('gatehouse CLI: usage and failures', () => {
  const data = tempDir();
  afterAll(() => data.remove());
  const env = () => cliEnv('postgres://postgres@127.0.0.1:1/none', data.dir);

  it('exits 2 with the usage for a missing or unknown command, subcommand, option or argument', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: gatehouse <command>/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['migrate'], /expected one of: up, down, status/],
      [['migrate', 'sideways'], /unknown subcommand "sideways"/],
      [['migrate', 'up', 'extra'], /unexpected argument "extra"/],
      [['keys', 'rotate', '--force'], /Unknown option '--force'/],
      [['keys'], /expected one of: rotate, list/],
      [['users'], /expected one of: export/],
      [['users', 'export'], /expected a user id/],
      [['users', 'export', 'abc'], /positive integer, got "abc"/],
      [['users', 'export', '0'], /positive integer/],
      [['users', 'export', '1', '2'], /unexpected argument "2"/],
      [['cleanup', 'now'], /unexpected argument "now"/],
      [['create-admin'], /--email is required when standard input is not a terminal/],
      [['create-admin', '--email'], /argument missing/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv, env());
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });

  it('prints help with exit 0 for the program and for every command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await cli(argv, env());
      expect(run.code).toBe(0);
      for (const command of COMMANDS) expect(run.stdout).toContain(command.name);
    }
    for (const command of COMMANDS) {
      const run = await cli([command.name, '--help'], env());
      expect(run.code, command.name).toBe(0);
      expect(run.stdout).toContain(`Usage: gatehouse ${command.name}`);
      expect(run.stdout).toMatch(/Exit codes: 0/);
    }
    const version = await cli(['--version'], env());
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const run = await cli(['migrate', 'status'], { ...env(), BCRYPT_COST: 'twelve' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/configuration error: BCRYPT_COST must be an integer/);
  });

  it('exits 1 when the database is unreachable, without printing its password', async () => {
    const url = 'postgres://postgres:hunter2-not-printed@127.0.0.1:1/gatehouse';
    const run = await cli(['keys', 'list'], { ...env(), DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot connect to the database at 127\.0\.0\.1:1\/gatehouse/);
    expect(run.stderr).not.toContain('hunter2');
  });
});

describe('gatehouse migrate', () => {
  const data = tempDir();
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => {
    await database.drop();
    data.remove();
  });

  it('reports, applies, reverts and re-applies migrations on an empty database', async () => {
    const env = cliEnv(database.url, data.dir);
    const before = await cli(['migrate', 'status'], env);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`0 applied, ${MIGRATION_NAMES.length} pending`);
    expect(before.stdout).toContain(`[ ] ${MIGRATION_NAMES[0]}  pending`);

    const up = await cli(['migrate', 'up'], env);
    expect(up.code, up.stderr).toBe(0);
    for (const name of MIGRATION_NAMES) expect(up.stdout).toContain(`Applied ${name}`);
    const tables = await query(database.url, `select to_regclass('users') is not null as ok`);
    expect(tables[0].ok).toBe(true);

    const again = await cli(['migrate', 'up'], env);
    expect(again.stdout).toContain('Database is up to date');
    const after = await cli(['migrate', 'status'], env);
    expect(after.stdout).toContain(`${MIGRATION_NAMES.length} applied, 0 pending`);

    const down = await cli(['migrate', 'down'], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Reverted ${MIGRATION_NAMES.at(-1)}`);
    const pending = await cli(['migrate', 'status'], env);
    expect(pending.stdout).toContain(`[ ] ${MIGRATION_NAMES.at(-1)}  pending`);
    expect((await cli(['migrate', 'up'], env)).stdout).toContain(
      `Applied ${MIGRATION_NAMES.at(-1)}`,
    );
  });

  it('refuses migrate down in production without --yes (exit 2) and reverts with it', async () => {
    const env = cliEnv(database.url, data.dir, {
      NODE_ENV: 'production',
      BCRYPT_COST: '12',
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    const refused = await cli(['migrate', 'down'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes to confirm');
    const status = await cli(['migrate', 'status'], env);
    expect(status.stdout).toContain(`${MIGRATION_NAMES.length} applied, 0 pending`);
    const confirmed = await cli(['migrate', 'down', '--yes'], env);
    expect(confirmed.code).toBe(0);
    expect((await cli(['migrate', 'up'], env)).code).toBe(0);
  });
});
