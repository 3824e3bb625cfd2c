import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { CLEANUP_LOCK_ID, cleanupPolicy, runCleanup } from '../../src/ops/cleanup.js';
import { buildTestApp, login, registerUser, type TestApp } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { parseMetrics, query, tempDir } from './helpers.js';

const publicJwk = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
const ids = (rows: Array<{ id: number | string }>) =>
  rows.map((r) => Number(r.id)).sort((x, y) => x - y);

describe('cleanup', () => {
  let t: TestApp;
  let sql: (text: string, values?: unknown[]) => Promise<any[]>;
  beforeAll(async () => {
    // Retention as configured by default, spelled out: sessions 7 days, mail 14, audit 365.
    t = await buildTestApp({
      SESSION_RETENTION_DAYS: '7',
      MAIL_RETENTION_DAYS: '14',
      AUDIT_RETENTION_DAYS: '365',
    });
    sql = (text, values) => query(t.databaseUrl, text, values);
  });
  afterAll(() => t.close());

  async function newSession(): Promise<{ userId: number; sessionId: number }> {
    const user = await registerUser(t.app);
    await login(t.app, user.email, user.password);
    const [row] = await sql('select id from sessions where user_id = $1', [user.id]);
    return { userId: user.id, sessionId: Number(row.id) };
  }

  it('removes exactly what the retention policy no longer keeps', async () => {
    const live = await newSession();
    const revokedLongAgo = await newSession();
    const revokedRecently = await newSession();
    const expiredLongAgo = await newSession();
    await sql(`update sessions set revoked_at = now() - interval '8 days' where id = $1`, [
      revokedLongAgo.sessionId,
    ]);
    await sql(`update sessions set revoked_at = now() - interval '1 day' where id = $1`, [
      revokedRecently.sessionId,
    ]);
    await sql(`update sessions set expires_at = now() - interval '8 days' where id = $1`, [
      expiredLongAgo.sessionId,
    ]);
    // A live session's refresh token that expired long ago (rotations leave one row each).
    const [oldToken] = await sql(
      `insert into refresh_tokens (session_id, token_hash, expires_at, used_at)
       values ($1, '\\x01', now() - interval '8 days', now() - interval '39 days') returning id`,
      [live.sessionId],
    );

    const [oldEvent] = await sql(
      `insert into audit_events (type, created_at) values ('login.failed', now() - interval '366 days') returning id`,
    );
    const [keptEvent] = await sql(
      `insert into audit_events (type, created_at) values ('login.failed', now() - interval '364 days') returning id`,
    );

    // The active keys: EdDSA (access tokens) and RS256 (OpenID ID tokens).
    const active = await sql('select kid from signing_keys where retired_at is null');
    const key = (kid: string, retiredSecondsAgo: number) =>
      sql(
        `insert into signing_keys (kid, alg, public_jwk, private_key_enc, retired_at)
         values ($1, 'EdDSA', $2, 'x', now() - make_interval(secs => $3))`,
        [kid, JSON.stringify({ ...publicJwk(), kid }), retiredSecondsAgo],
      );
    await key('past-window', 961); // ACCESS_TOKEN_TTL_SECONDS (900) + 60 s + 1
    await key('in-window', 900);

    const token = (hash: string, expiredDaysAgo: number) =>
      sql(
        `insert into email_tokens (user_id, purpose, token_hash, email, expires_at)
         values ($1, 'verify_email', $2, 'a@example.com', now() - make_interval(days => $3)) returning id`,
        [live.userId, Buffer.from(hash), expiredDaysAgo],
      );
    const [oldEmailToken] = await token('old', 15);
    const [keptEmailToken] = await token('kept', 13);
    // Email sign-in requests: the same retention as email tokens.
    const signIn = (key: string, expiredDaysAgo: number) =>
      sql(
        `insert into email_sign_ins (email_normalized, email, token_hash, code_hash, expires_at)
         values ($1, $1, $2, '\\x00', now() - make_interval(days => $3)) returning id`,
        [key, Buffer.from(key), expiredDaysAgo],
      );
    await signIn('old-sign-in@example.com', 15);
    const [keptSignIn] = await signIn('kept-sign-in@example.com', 13);

    // Organization invitations: never accepted and expired past MAIL_RETENTION_DAYS go.
    const [org] = await sql(`insert into organizations (name) values ('Cleanup Org') returning id`);
    const invitation = (email: string, expiredDaysAgo: number, accepted: boolean) =>
      sql(
        `insert into invitations (organization_id, email, email_normalized, role, token_hash,
                                  created_at, expires_at, accepted_at)
         values ($1, $2, $2, 'member', $3, now() - make_interval(days => $4 + 7),
                 now() - make_interval(days => $4), ${accepted ? `now() - interval '30 days'` : 'null'})
         returning id`,
        [org.id, email, Buffer.from(email), expiredDaysAgo],
      );
    await invitation('expired-long-ago@example.com', 15, false);
    const [expiredRecently] = await invitation('expired-recently@example.com', 13, false);
    const [acceptedLongAgo] = await invitation('accepted@example.com', 15, true);
    const [pendingInvitation] = await invitation('pending@example.com', -6, false);

    const mail = (id: string, columns: string) =>
      sql(
        `insert into mail_outbox ("to", subject, text, html, message_id, created_at, sent_at, failed_at)
         values ('a@example.com', 's', '', '', $1, now() - interval '30 days', ${columns}) returning id`,
        [id],
      );
    const [sentLongAgo] = await mail('m1', `now() - interval '15 days', null`);
    const [failedLongAgo] = await mail('m2', `null, now() - interval '15 days'`);
    const [sentRecently] = await mail('m3', `now() - interval '13 days', null`);
    const [pendingOld] = await mail('m4', 'null, null'); // never removed while still to be sent

    const oidcRow = (id: string, expiresIn: string) =>
      sql(
        `insert into oidc_payloads (type, id, payload, expires_at)
         values ('AccessToken', $1, '{}', now() + interval '${expiresIn}')`,
        [id],
      );
    await oidcRow('expired', '-1 second');
    await oidcRow('live', '1 hour');

    const liveTokensBefore = await sql('select id from refresh_tokens where session_id = $1', [
      live.sessionId,
    ]);
    const result = await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config));
    expect(result).toEqual({
      sessions: 2,
      refresh_tokens: 1,
      audit_events: 1,
      signing_keys: 1,
      email_tokens: 1,
      email_sign_ins: 1,
      invitations: 1,
      mail_outbox: 2,
      oidc_payloads: 1,
    });
    expect(await sql(`select id from oidc_payloads`)).toEqual([{ id: 'live' }]);
    expect(await sql(`select id from email_sign_ins`)).toEqual([keptSignIn]);
    expect(
      ids(await sql(`select id from invitations where organization_id = $1`, [org.id])),
    ).toEqual(ids([expiredRecently, acceptedLongAgo, pendingInvitation]));

    const sessions = await sql('select id from sessions where id = any($1)', [
      [live, revokedLongAgo, revokedRecently, expiredLongAgo].map((s) => s.sessionId),
    ]);
    expect(ids(sessions)).toEqual(
      [live.sessionId, revokedRecently.sessionId].sort((x, y) => x - y),
    );
    // The deleted sessions' refresh tokens went with them (ON DELETE CASCADE).
    const orphans = await sql('select id from refresh_tokens where session_id = any($1)', [
      [revokedLongAgo.sessionId, expiredLongAgo.sessionId],
    ]);
    expect(orphans).toEqual([]);
    const liveTokens = await sql('select id from refresh_tokens where session_id = $1', [
      live.sessionId,
    ]);
    expect(ids(liveTokens)).toEqual(
      ids(liveTokensBefore).filter((id) => id !== Number(oldToken.id)),
    );

    const events = await sql('select id from audit_events where id = any($1)', [
      [oldEvent.id, keptEvent.id],
    ]);
    expect(ids(events)).toEqual([Number(keptEvent.id)]);
    const keys = await sql('select kid from signing_keys order by kid');
    expect(keys.map((k) => k.kid).sort()).toEqual(
      [...active.map((k) => k.kid), 'in-window'].sort(),
    );
    const emailTokens = await sql('select id from email_tokens where id = any($1)', [
      [oldEmailToken.id, keptEmailToken.id],
    ]);
    expect(ids(emailTokens)).toEqual([Number(keptEmailToken.id)]);
    const mails = await sql('select id from mail_outbox where id = any($1)', [
      [sentLongAgo.id, failedLongAgo.id, sentRecently.id, pendingOld.id],
    ]);
    expect(ids(mails)).toEqual(ids([sentRecently, pendingOld]));

    // The signed-in user is untouched and a second run finds nothing left to do.
    expect((await t.app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    const again = await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config));
    expect(Object.values(again!).every((n) => n === 0)).toBe(true);
  });

  it('deletes in batches until nothing is left', async () => {
    await sql(
      `insert into audit_events (type, created_at)
       select 'login.failed', now() - interval '400 days' from generate_series(1, 4500)`,
    );
    const result = await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config));
    expect(result?.audit_events).toBe(4500);
  });

  it('does nothing while another holder has the lock, and stops between batches when aborted', async () => {
    await sql(
      `insert into audit_events (type, created_at) values ('login.failed', now() - interval '400 days')`,
    );
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [CLEANUP_LOCK_ID]);
      expect(await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config))).toBeNull();
      const [{ count }] = await sql(
        `select count(*)::int as count from audit_events where created_at < now() - interval '365 days'`,
      );
      expect(count).toBe(1);
    } finally {
      await holder.end();
    }
    const aborted = new AbortController();
    aborted.abort();
    expect(
      await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config), aborted.signal),
    ).toEqual({});
    const result = await runCleanup(t.app.ctx.database.db, cleanupPolicy(t.app.ctx.config));
    expect(result?.audit_events).toBe(1);
  });
});

describe('scheduled cleanup', () => {
  const data = tempDir();
  let t: TestApp;
  let second: App;
  beforeAll(async () => {
    t = await buildTestApp({ CLEANUP_INTERVAL_SECONDS: '1' });
    second = await buildApp(
      loadConfig({
        ...TEST_ENV,
        DATABASE_URL: t.databaseUrl,
        DATA_DIR: data.dir,
        CLEANUP_INTERVAL_SECONDS: '1',
      }),
    );
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    data.remove();
  });

  const scrape = async (app: App) => parseMetrics((await app.inject({ url: '/metrics' })).body);

  it('runs inside every instance, one at a time, and reports itself in /metrics', async () => {
    await query(
      t.databaseUrl,
      `insert into audit_events (type, created_at)
       select 'login.failed', now() - interval '400 days' from generate_series(1, 3)`,
    );
    const deadline = Date.now() + 15_000;
    let left = 3;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const rows = await query(
        t.databaseUrl,
        `select count(*)::int as left from audit_events where created_at < now() - interval '365 days'`,
      );
      left = rows[0].left;
    }
    expect(left).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    const [m1, m2] = await Promise.all([scrape(t.app), scrape(second)]);
    const runs = (m: Map<string, number>, outcome: string) =>
      m.get(`gatehouse_cleanup_runs_total{outcome="${outcome}"}`) ?? 0;
    expect(runs(m1, 'ok') + runs(m2, 'ok')).toBeGreaterThanOrEqual(2);
    expect(runs(m1, 'failed') + runs(m2, 'failed')).toBe(0);
    const deleted =
      (m1.get('gatehouse_cleanup_deleted_rows_total{table="audit_events"}') ?? 0) +
      (m2.get('gatehouse_cleanup_deleted_rows_total{table="audit_events"}') ?? 0);
    expect(deleted).toBe(3); // each row removed once, by whichever instance held the lock
    expect(
      Math.max(
        m1.get('gatehouse_cleanup_last_success_timestamp_seconds') ?? 0,
        m2.get('gatehouse_cleanup_last_success_timestamp_seconds') ?? 0,
      ),
    ).toBeGreaterThan(Date.now() / 1000 - 10);
  });

  it('is one job per interval for the whole cluster, on the job queue', async () => {
    await new Promise((r) => setTimeout(r, 3000));
    // Both instances offer a job every second; the queue keeps one per one-second slot.
    const slots = await query(
      t.databaseUrl,
      `select singleton_on, count(*)::int as n from pgboss.job
        where name = 'cleanup' group by singleton_on order by singleton_on`,
    );
    expect(slots.length).toBeGreaterThanOrEqual(2);
    for (const slot of slots) expect(slot.n, JSON.stringify(slot)).toBe(1);
  });

  it('is off with CLEANUP_INTERVAL_SECONDS=0 (the test default)', async () => {
    const off = await buildTestApp();
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const m = await scrape(off.app);
      expect(m.get('gatehouse_cleanup_runs_total{outcome="ok"}')).toBe(0);
    } finally {
      await off.close();
    }
  });

  it('stops with the app promptly once it has been scheduled', async () => {
    const app = await buildApp(
      loadConfig({
        ...TEST_ENV,
        DATABASE_URL: t.databaseUrl,
        DATA_DIR: data.dir,
        CLEANUP_INTERVAL_SECONDS: '1',
      }),
    );
    await app.ready();
    await new Promise((r) => setTimeout(r, 1000));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
