import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { cli, cliEnv, query, tempDir } from '../ops/helpers.js';
import { basicAuth, postForm } from './support.js';

describe('gatehouse clients', () => {
  const data = tempDir();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = cliEnv(database.url, data.dir);
    app = await buildApp(
      loadConfig({ ...TEST_ENV, DATABASE_URL: database.url, DATA_DIR: data.dir }),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    data.remove();
  });

  it('creates a confidential client whose secret works at the token endpoint, lists and deletes it', async () => {
    const created = await cli(
      [
        'clients',
        'create',
        '--name',
        'Billing',
        '--redirect-uri',
        'https://billing.example.com/cb',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const { client_id: id, client_secret: secret } = JSON.parse(created.stdout);
    expect(typeof secret).toBe('string');
    const [row] = await query(
      database.url,
      'select secret_hash from oidc_clients where client_id = $1',
      [id],
    );
    expect(row.secret_hash).not.toBe(secret);

    const token = await postForm(
      app,
      '/oidc/token',
      { grant_type: 'client_credentials' },
      { authorization: basicAuth(id, secret) },
    );
    expect(token.statusCode, token.body).toBe(200);

    const list = await cli(['clients', 'list'], env);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('Billing');

    const deleted = await cli(['clients', 'delete', id], env);
    expect(deleted.code, deleted.stderr).toBe(0);
    const again = await postForm(
      app,
      '/oidc/token',
      { grant_type: 'client_credentials' },
      { authorization: basicAuth(id, secret) },
    );
    expect(again.statusCode).toBe(401);
  });

  it('creates a public client without a secret', async () => {
    const created = await cli(
      [
        'clients',
        'create',
        '--name',
        'SPA',
        '--redirect-uri',
        'https://spa.example.com/cb',
        '--public',
        '--first-party',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const output = JSON.parse(created.stdout);
    expect(Object.keys(output)).toEqual(['client_id']);
  });

  it('answers wrong usage with exit code 2', async () => {
    const run = await cli(['clients', 'create', '--name', 'X'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--redirect-uri');
  });
});
