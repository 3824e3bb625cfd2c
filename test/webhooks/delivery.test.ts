import { createHash, randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/transaction.js';
import type { Database } from '../../src/db/types.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { createWebhookFeature } from '../../src/webhooks/feature.js';
import { pino } from 'pino';
import {
  GOOD_PASSWORD,
  registerUser,
  signUp,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { freePort } from '../helpers/process.js';
import { buildAppWithAdmin, loginAdmin, query, storeResetToken } from '../users/helpers.js';
import { TEST_ENV } from '../helpers/env.js';
import { parseMetrics } from '../ops/helpers.js';
import { addEndpoint, deliveries, eventually, Receiver, WEBHOOK_ENV } from './support.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
const receivers: Receiver[] = [];

beforeAll(async () => {
  t = await buildAppWithAdmin(WEBHOOK_ENV);
  admin = await loginAdmin(t);
});
afterAll(() => t?.close());
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.stop();
  await query(t, 'delete from webhook_endpoints');
});

async function receiver(port = 0): Promise<Receiver> {
  const r = await new Receiver().start(port);
  receivers.push(r);
  return r;
}

describe('webhook delivery', () => {
  it('delivers user.created signed (Standard Webhooks), and logs it', async () => {
    const r = await receiver();
    const { id } = await addEndpoint(t.app, admin, r, ['user.created']);
    const user = await registerUser(t.app);
    const [got] = await eventually(() => {
      const mine = r.ofType('user.created').filter((e) => e.data.id === user.id);
      return mine.length > 0 && mine;
    });
    expect(r.rejected).toEqual([]);
    expect(got!.id).toMatch(/^msg_/);
    expect(got!.data).toMatchObject({ id: user.id, email: user.email, name: user.name });
    expect(got!.body).not.toContain('password');
    expect(JSON.parse(got!.body)).toMatchObject({
      type: 'user.created',
      timestamp: expect.any(String),
    });
    const log = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'delivered' && rows;
    });
    expect(log[0]).toMatchObject({
      event_id: got!.id,
      event_type: 'user.created',
      attempts: 1,
      last_response_code: 200,
      last_error: null,
    });
  });

  it('emits the core events from their transactions', async () => {
    const r = await receiver();
    await addEndpoint(t.app, admin, r, [
      'user.created',
      'user.updated',
      'user.deleted',
      'session.created',
      'session.revoked',
      'password.changed',
    ]);
    const user = await signUp(t.app);
    const rename = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { name: 'Renamed Person' },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    const password = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { password: 'another long passphrase here', current_password: GOOD_PASSWORD },
    });
    expect(password.statusCode, password.body).toBe(200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: admin.auth,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const mine = (type: string) =>
      r
        .ofType(type)
        .filter((e) => (e.data.id ?? e.data.user_id) === user.id || e.data.user_id === user.id);
    await eventually(() => mine('user.deleted').length === 1);
    await eventually(() => mine('session.revoked').length >= 1);
    expect(mine('user.created')).toHaveLength(1);
    expect(mine('session.created')).toHaveLength(1);
    expect(mine('user.updated')).toHaveLength(1);
    expect(mine('user.updated')[0]!.data).toMatchObject({
      name: 'Renamed Person',
      changed: ['name'],
    });
    expect(mine('password.changed')).toHaveLength(1);
    expect(mine('user.deleted')[0]!.data).toEqual({ id: user.id, by: 'admin' });
    expect(r.rejected).toEqual([]);
  });

  it('emits user.email_verified and password.changed (reset) from the email flows', async () => {
    const r = await receiver();
    await addEndpoint(t.app, admin, r, ['user.email_verified', 'password.changed']);
    const user = await registerUser(t.app);
    const token = randomBytes(32).toString('base64url');
    await query(
      t,
      `insert into email_tokens (user_id, purpose, token_hash, email, expires_at)
       values ($1, 'verify_email', $2, $3, now() + interval '1 hour')`,
      [user.id, createHash('sha256').update(token).digest(), user.email],
    );
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const reset = await storeResetToken(t, user);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: reset, password: 'a brand new passphrase 7' },
    });
    expect(done.statusCode, done.body).toBe(200);
    await eventually(() => r.ofType('password.changed').some((e) => e.data.user_id === user.id));
    await eventually(() => r.ofType('user.email_verified').some((e) => e.data.id === user.id));
    expect(r.ofType('user.email_verified')[0]!.data).toMatchObject({
      id: user.id,
      email_verified: true,
    });
    expect(r.ofType('password.changed')[0]!.data).toMatchObject({ user_id: user.id, by: 'reset' });
  });

  it('retries while the receiver is down and delivers once, late, when it is back', async () => {
    const port = await freePort(); // nothing listens there yet
    const down = new Receiver();
    down.port = port;
    const { id } = await addEndpoint(t.app, admin, down, ['user.created']);
    const user = await registerUser(t.app);
    const failed = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0] && rows[0].attempts >= 2 && rows[0];
    });
    expect(failed).toMatchObject({ status: 'pending', last_response_code: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/);
    expect(failed.next_attempt_at).not.toBeNull();
    const [endpoint] = await query<{ failing_since: Date | null; enabled: boolean }>(
      t,
      'select failing_since, enabled from webhook_endpoints where id = $1',
      [id],
    );
    expect(endpoint!.failing_since).not.toBeNull();
    expect(endpoint!.enabled).toBe(true);

    const back = await receiver(port);
    back.secret = down.secret;
    const done = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'delivered' && rows[0];
    }, 30_000);
    expect(done.attempts).toBeGreaterThanOrEqual(3);
    // Give a stray duplicate a chance to show up: it must not.
    await new Promise((r) => setTimeout(r, 1500));
    expect(back.ofType('user.created').filter((e) => e.data.id === user.id)).toHaveLength(1);
    const [after] = await query<{ failing_since: Date | null }>(
      t,
      'select failing_since from webhook_endpoints where id = $1',
      [id],
    );
    expect(after!.failing_since).toBeNull();
  });

  it('shows queue depth, oldest job age and failures by task on /metrics', async () => {
    const scrape = async () =>
      parseMetrics((await t.app.inject({ method: 'GET', url: '/metrics' })).body);
    const before = await scrape();
    expect(before.get('gatehouse_job_queue_depth{queue="webhook-deliver"}')).toBe(0);
    expect(before.get('gatehouse_job_queue_oldest_age_seconds{queue="webhook-deliver"}')).toBe(0);
    const failuresBefore = before.get('gatehouse_job_failures_total{task="webhook-deliver"}') ?? 0;

    const down = new Receiver();
    down.port = await freePort();
    const { id } = await addEndpoint(t.app, admin, down, ['user.created']);
    await registerUser(t.app);
    // Two failed attempts, and the job waiting for its next retry counts in the depth.
    await eventually(async () => {
      const after = await scrape();
      return (
        (after.get('gatehouse_job_failures_total{task="webhook-deliver"}') ?? 0) >=
          failuresBefore + 2 &&
        (after.get('gatehouse_job_queue_depth{queue="webhook-deliver"}') ?? 0) >= 1
      );
    });
    expect((await deliveries(t.app, admin, id))[0]!.attempts).toBeGreaterThanOrEqual(2);
  });

  it('counts non-2xx answers as failures with their status code', async () => {
    const r = await receiver();
    let answers = 0;
    r.status = () => (++answers <= 1 ? 500 : 204);
    const { id } = await addEndpoint(t.app, admin, r, ['user.created']);
    await registerUser(t.app);
    const done = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'delivered' && rows[0];
    });
    expect(done).toMatchObject({ attempts: 2, last_response_code: 204 });
    expect(r.received).toHaveLength(1);
  });

  it('disables an endpoint whose deliveries have failed for 3 days', async () => {
    const r = await receiver();
    r.status = () => 500;
    const { id } = await addEndpoint(t.app, admin, r, ['user.created']);
    // Failing for a while, but less than the window: still enabled after a failed attempt.
    await query(
      t,
      `update webhook_endpoints set failing_since = now() - interval '71 hours' where id = $1`,
      [id],
    );
    await registerUser(t.app);
    await eventually(async () => (await deliveries(t.app, admin, id))[0]?.attempts >= 1);
    let [row] = await query<{ enabled: boolean }>(
      t,
      'select enabled from webhook_endpoints where id = $1',
      [id],
    );
    expect(row!.enabled).toBe(true);

    // Past 72 hours: the next failed attempt disables it, and the delivery is given up.
    await query(
      t,
      `update webhook_endpoints set failing_since = now() - interval '73 hours' where id = $1`,
      [id],
    );
    const given = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'failed' && rows[0];
    });
    expect(given.last_error).toMatch(/disabled/);
    [row] = await query<{ enabled: boolean; disabled_at: Date | null }>(
      t,
      'select enabled, disabled_at from webhook_endpoints where id = $1',
      [id],
    );
    expect(row).toMatchObject({ enabled: false, disabled_at: expect.any(Date) });
    // A disabled endpoint receives no new events.
    const hits = r.hits;
    await registerUser(t.app);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(r.hits).toBe(hits);
    expect(await deliveries(t.app, admin, id)).toHaveLength(1);
  });

  it('redelivers with the same webhook-id', async () => {
    const r = await receiver();
    const { id } = await addEndpoint(t.app, admin, r, ['user.created']);
    await registerUser(t.app);
    const first = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'delivered' && rows[0];
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/webhooks/${id}/deliveries/${first.id}/redeliver`,
      headers: admin.auth,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().data).toMatchObject({ id: first.id, status: 'pending' });
    await eventually(() => r.received.length === 2);
    expect(r.received[1]!.id).toBe(r.received[0]!.id);
    const again = await eventually(async () => {
      const rows = await deliveries(t.app, admin, id);
      return rows[0]?.status === 'delivered' && rows[0].attempts === 2 && rows[0];
    });
    expect(again.id).toBe(first.id);
    // Another endpoint's delivery id is not found through this one.
    const other = await addEndpoint(t.app, admin, await receiver(), ['user.deleted']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/admin/webhooks/${other.id}/deliveries/${first.id}/redeliver`,
      headers: admin.auth,
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const r = await receiver();
    const { id } = await addEndpoint(t.app, admin, r, ['user.updated']);
    // A second emitter on the same database: the app's workers deliver whatever it enqueues.
    const queue = new JobQueue({
      databaseUrl: t.databaseUrl,
      logger: pino({ level: 'silent' }),
      pollIntervalSeconds: 0.5,
    });
    const { Pool } = (await import('pg')).default;
    const { PostgresDialect } = await import('kysely');
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: t.databaseUrl, max: 2 }) }),
    });
    const webhooks = createWebhookFeature({
      db,
      queue,
      logger: pino({ level: 'silent' }),
      keyEncryptionKey: Buffer.from(TEST_ENV.KEY_ENCRYPTION_KEY!, 'base64'),
      allowPrivate: true,
      timeoutSeconds: 3,
      retryDelaySeconds: 1,
      disableAfterHours: 72,
      authenticate: async () => {},
      requireAdmin: async () => {},
    });
    await queue.start();
    const started = new Date();
    try {
      await expect(
        inTransaction(db, async (trx) => {
          await webhooks.emitEvent(trx, 'user.updated', { id: -1, marker: 'rolled back' });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await inTransaction(db, (trx) =>
        webhooks.emitEvent(trx, 'user.updated', { id: -2, marker: 'committed' }),
      );
      await eventually(() => r.received.some((e) => e.data.marker === 'committed'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(r.received.map((e) => e.data.marker)).toEqual(['committed']);
      expect(await deliveries(t.app, admin, id)).toHaveLength(1);
      // No job outlived the rollback either: every job enqueued since points at a delivery row.
      const [orphans] = await query<{ n: number }>(
        t,
        `select count(*)::int as n from pgboss.job j
          where j.name = 'webhook-deliver' and j.created_on >= $1
            and not exists (select 1 from webhook_deliveries d
                             where d.id = (j.data->>'delivery_id')::bigint)`,
        [started],
      );
      expect(orphans!.n).toBe(0);
    } finally {
      await queue.stop();
      await db.destroy();
    }
  });
});
