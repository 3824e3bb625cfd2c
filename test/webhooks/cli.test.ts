import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { registerUser } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { cli, cliEnv, query, tempDir } from '../ops/helpers.js';
import { eventually, Receiver, WEBHOOK_ENV } from './support.js';

describe('gatehouse webhooks', () => {
  const data = tempDir();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let app: App;
  let receiver: Receiver;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = cliEnv(database.url, data.dir);
    app = await buildApp(
      loadConfig({ ...TEST_ENV, ...WEBHOOK_ENV, DATABASE_URL: database.url, DATA_DIR: data.dir }),
    );
    await app.ready();
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver.stop();
    await app.close();
    await database.drop();
    data.remove();
  });

  it('refuses a private URL, unknown events and missing options', async () => {
    const refused = await cli(
      ['webhooks', 'add', '--url', receiver.url, '--event', 'user.created'],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/loopback, private/);
    const unknown = await cli(
      ['webhooks', 'add', '--url', 'https://93.184.216.34/', '--event', 'user.exploded'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown event "user.exploded"/);
    expect((await cli(['webhooks', 'add', '--event', 'user.created'], env)).code).toBe(2);
    expect((await cli(['webhooks', 'remove'], env)).code).toBe(2);
    expect((await cli(['webhooks', 'frobnicate'], env)).code).toBe(2);
  });

  it('adds an endpoint whose secret verifies deliveries, lists and removes it', async () => {
    const added = await cli(
      ['webhooks', 'add', '--url', receiver.url, '--event', 'user.created,user.deleted', '--json'],
      { ...env, WEBHOOKS_ALLOW_PRIVATE: 'true' },
    );
    expect(added.code, added.stderr).toBe(0);
    const { id, secret } = JSON.parse(added.stdout);
    expect(secret).toMatch(/^whsec_/);
    const [row] = await query(
      database.url,
      'select secret_sealed from webhook_endpoints where id = $1',
      [id],
    );
    expect(row.secret_sealed).not.toContain(secret.slice(6));

    receiver.secret = secret;
    const user = await registerUser(app);
    await eventually(() => receiver.ofType('user.created').some((e) => e.data.id === user.id));
    expect(receiver.rejected).toEqual([]);

    const list = await cli(['webhooks', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${id}  enabled   ${receiver.url}  user.created,user.deleted`);

    const removed = await cli(['webhooks', 'remove', String(id)], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await cli(['webhooks', 'remove', String(id)], env)).code).toBe(1);
    expect((await cli(['webhooks', 'list'], env)).stdout).toContain('No webhook endpoints.');
  });
});
