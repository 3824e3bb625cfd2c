import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { cliEnv, createEmptyDatabase, query, spawnCli, tempDir } from './helpers.js';

// Each command as an operator runs it: a separate process, real exit codes, real stdin.
describe('gatehouse CLI as a process', () => {
  const data = tempDir();
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    env = cliEnv(database.url, data.dir);
  });
  afterAll(async () => {
    await database.drop();
    data.remove();
  });

  it('runs every command with its exit code', { timeout: 240_000 }, async () => {
    const up = await spawnCli(['migrate', 'up'], env);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout.match(/^Applied /gm)).toHaveLength(Object.keys(migrations).length);

    const admin = await spawnCli(['create-admin', '--email', 'ops@example.com'], env, {
      stdin: 'spawned admin passphrase\n',
    });
    expect(admin.code, admin.stderr).toBe(0);
    const [{ id }] = await query(database.url, `select id from users where email = $1`, [
      'ops@example.com',
    ]);

    const [rotate, exported, cleanup, badId, unknown, help] = await Promise.all([
      spawnCli(['keys', 'rotate'], env),
      spawnCli(['users', 'export', String(id)], env),
      spawnCli(['cleanup'], env),
      spawnCli(['users', 'export', 'abc'], env),
      spawnCli(['launch'], env),
      spawnCli(['--help'], env, { viaBin: true }),
    ]);
    expect(rotate.code, rotate.stderr).toBe(0);
    expect(rotate.stdout).toMatch(/New signing key \S+ is published and signs from/);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout).user).toMatchObject({ id, role: 'admin' });
    expect(cleanup.code, cleanup.stderr).toBe(0);
    expect(cleanup.stdout).toContain('Deleted:');
    expect(badId.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "launch"');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: gatehouse <command>');
  });
});
