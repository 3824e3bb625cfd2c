import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { login, registerUser, type SignedIn } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { api, spawnServer, type ServerProcess } from '../helpers/process.js';
import { ADMIN_PASSWORD } from '../users/helpers.js';
import { addEndpoint, eventually, Receiver, WEBHOOK_ENV } from './support.js';

/** Several instances on one database, and an instance killed between a change and its delivery. */
let database: TestDatabase;
const dataDirs: string[] = [];
const apps: App[] = [];
const adminEmail = `admin.${process.pid}.${Date.now()}@example.com`;

async function instance(env: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-hooks-'));
  dataDirs.push(dataDir);
  const app = await buildApp(
    loadConfig({
      ...TEST_ENV,
      ...WEBHOOK_ENV,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD,
      ...env,
    }),
  );
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('webhooks across instances', { timeout: 120_000 }, () => {
  it('delivers each event once when two instances work the queue', async () => {
    const first = await instance();
    const second = await instance();
    const admin: SignedIn = await login(first, adminEmail, ADMIN_PASSWORD);
    const receiver = await new Receiver().start();
    try {
      await addEndpoint(first, admin, receiver, ['user.created']);
      const users = await Promise.all(
        Array.from({ length: 16 }, (_, i) => registerUser(i % 2 === 0 ? first : second)),
      );
      await eventually(() => receiver.ofType('user.created').length >= users.length, 30_000);
      await new Promise((r) => setTimeout(r, 1500)); // time for a duplicate to show up
      const got = receiver.ofType('user.created');
      expect(got).toHaveLength(users.length);
      expect(new Set(got.map((e) => e.id)).size).toBe(users.length);
      expect(new Set(got.map((e) => e.data.id))).toEqual(new Set(users.map((u) => u.id)));
      expect(receiver.rejected).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  it('delivers after a restart what was committed before a kill -9', async () => {
    const receiver = await new Receiver().start();
    let server: ServerProcess | undefined;
    try {
      // Workers look for due jobs once at start, then only every minute: the change committed
      // after that first look waits in the queue when the process dies.
      server = await spawnServer({
        ...WEBHOOK_ENV,
        DATABASE_URL: database.url,
        JOBS_POLL_INTERVAL_MS: '60000',
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD,
      });
      // Instances of the other test still run: stop them, so only this process can deliver.
      for (const app of apps.splice(0)) await app.close();
      const signedIn = await api(server.url, 'POST', '/api/auth/login', {
        email: adminEmail,
        password: ADMIN_PASSWORD,
      });
      expect(signedIn.status).toBe(200);
      const auth = { authorization: `Bearer ${signedIn.json.data.access_token}` };
      const created = await api(
        server.url,
        'POST',
        '/api/admin/webhooks',
        { url: receiver.url, event_types: ['user.created'] },
        auth,
      );
      expect(created.status, created.text).toBe(201);
      receiver.secret = created.json.data.secret;
      await new Promise((r) => setTimeout(r, 1000)); // past the workers' first look
      const registered = await api(server.url, 'POST', '/api/auth/register', {
        email: `killed.${Date.now()}@example.com`,
        name: 'Killed Before Delivery',
        password: 'correct horse battery staple',
      });
      expect(registered.status).toBe(201);
      server.child.kill('SIGKILL');
      await server.exited;
      expect(receiver.hits).toBe(0); // the kill came between the change and its delivery

      const restarted = await instance();
      expect(restarted).toBeTruthy();
      const [got] = await eventually(() => {
        const mine = receiver.ofType('user.created');
        return mine.length > 0 && mine;
      }, 30_000);
      expect(got!.data.id).toBe(registered.json.data.id);
      await new Promise((r) => setTimeout(r, 1000));
      expect(receiver.ofType('user.created')).toHaveLength(1);
    } finally {
      server?.child.kill('SIGKILL');
      await receiver.stop();
    }
  });
});
