import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { login, registerUser, type SignedIn } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { ADMIN_PASSWORD } from '../users/helpers.js';
import { addEndpoint, eventually, Receiver, WEBHOOK_ENV } from './support.js';

/**
 * Each instance keeps the set of event types some enabled endpoint subscribes to (with Redis),
 * so a session start nobody listens to costs no query; an endpoint change on one instance
 * reaches every other instance's copy.
 */
const redis = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `hook-types-${randomBytes(4).toString('hex')}:`,
};
const adminEmail = `admin.types.${process.pid}.${Date.now()}@example.com`;
let database: TestDatabase;
let sql: pg.Client;
const dataDirs: string[] = [];
const apps: App[] = [];

async function instance(): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-hooktypes-'));
  dataDirs.push(dataDir);
  const app = await buildApp(
    loadConfig({
      ...TEST_ENV,
      ...WEBHOOK_ENV,
      ...redis,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD,
    }),
  );
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await sql?.end();
  await database?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function sessionDeliveries(): Promise<number> {
  const { rows } = await sql.query(
    `select count(*)::int as n from webhook_deliveries where event_type = 'session.created'`,
  );
  return rows[0].n as number;
}

describe('subscribed event types, cached per instance', { timeout: 60_000 }, () => {
  it('skips the endpoint query while nobody subscribes, and sees an endpoint added on another instance', async () => {
    const a = await instance();
    const b = await instance();
    const admin: SignedIn = await login(a, adminEmail, ADMIN_PASSWORD);
    const user = await registerUser(b);
    // A session start on B: no endpoint, and B now keeps "no subscribed types".
    await login(b, user.email, user.password);

    // An endpoint written behind the service's back (no invalidation): B does not look, so its
    // session starts create no delivery. (This is what "no query" means to the caller.)
    const { rows } = await sql.query(
      `insert into webhook_endpoints (url, description, event_types, enabled, secret_sealed)
       values ('https://hooks.example.com/x', 'unannounced', '{session.created}', true, 'v1.x.x.x')
       returning id`,
    );
    await login(b, user.email, user.password);
    expect(await sessionDeliveries()).toBe(0);
    await sql.query(`delete from webhook_endpoints where id = $1`, [rows[0].id]);

    // Added through the admin API on A: every instance re-reads, and B's next session start emits.
    const receiver = await new Receiver().start();
    try {
      await addEndpoint(a, admin, receiver, ['session.created']);
      await eventually(async () => {
        await login(b, user.email, user.password);
        return (await sessionDeliveries()) > 0;
      }, 5000);
      await eventually(
        () => receiver.ofType('session.created').some((e) => e.data.user_id === user.id),
        20_000,
      );
      expect(receiver.rejected).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });
});
