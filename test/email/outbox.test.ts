import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { registerUser, uniqueEmail } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { FAST_MAIL_ENV } from './env.js';
import { eventually, linkIn, SmtpSink, sleep } from './smtp-sink.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A database that outlives the app instances started on it (restarts, several instances). */
async function sharedDatabase() {
  const database = await createTestDatabase();
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  cleanups.push(async () => {
    await sql.end();
    await database.drop();
  });
  return { url: database.url, sql };
}

/** One app instance on an existing database; closed after the test unless closed before. */
async function instance(databaseUrl: string, env: Record<string, string>, logs?: string[]) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-mail-'));
  const logger = logs
    ? pino(
        { level: 'info' },
        new Writable({
          write(chunk, _enc, done) {
            logs.push(String(chunk));
            done();
          },
        }),
      )
    : undefined;
  const config = loadConfig({
    ...TEST_ENV,
    ...FAST_MAIL_ENV,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ...env,
  });
  const app: App = await buildApp(config, { logger });
  await app.ready();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.unshift(close);
  return { app, close };
}

async function outboxRows(sql: pg.Client) {
  const result = await sql.query(
    `select id, "to", text, attempts, sent_at, failed_at, last_error, message_id
       from mail_outbox order by id`,
  );
  return result.rows;
}

async function metric(app: App, name: string): Promise<number> {
  const res = await app.inject({ url: '/metrics' });
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(res.body);
  return match ? Number(match[1]) : NaN;
}

function expectExactlyOnce(smtp: SmtpSink, emails: string[], messageIds: string[]) {
  for (const email of emails) expect(smtp.mailsTo(email), email).toHaveLength(1);
  expect(smtp.mails).toHaveLength(emails.length);
  const received = smtp.mails.map((m) => m.messageId).sort();
  expect(received).toEqual(messageIds.map((id) => `<${id}>`).sort());
}

describe('mail outbox: nothing lost, nothing sent twice', () => {
  it('keeps mail queued through an SMTP outage and delivers each one exactly once', async () => {
    const smtp = await SmtpSink.start();
    await smtp.stop(); // nothing listens: every connection is refused
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    const logs: string[] = [];
    const { app } = await instance(url, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '100' }, logs);

    const emails: string[] = [];
    for (let i = 0; i < 6; i++) emails.push((await registerUser(app)).email);
    const failing = await eventually(async () => {
      const rows = await outboxRows(sql);
      // attempts counts an attempt before its send: also wait until 12 sends have failed.
      const failedSends = await metric(app, 'gatehouse_mail_send_errors_total');
      return rows.length === 6 &&
        rows.every((r) => r.attempts >= 2 && r.last_error) &&
        failedSends >= 12
        ? rows
        : null;
    }, 15_000);
    // While queued, the bodies (and their links) are sealed.
    for (const row of failing) {
      expect(row.text).toMatch(/^v1\./);
      expect(row.text).not.toContain('token=');
      expect(row.sent_at).toBeNull();
    }
    expect(await metric(app, 'gatehouse_mail_outbox_pending')).toBe(6);
    expect(await metric(app, 'gatehouse_mail_send_errors_total')).toBeGreaterThanOrEqual(12);

    // Back, but refusing at the end of DATA (451): the whole message went over the wire, then failed.
    smtp.mode = 'reject';
    await smtp.listen();
    await eventually(() => smtp.rejected >= 6, 15_000, 'rejections');
    expect(smtp.mails).toHaveLength(0);

    smtp.mode = 'accept';
    await eventually(() => smtp.mails.length >= 6, 20_000, 'delivery');
    await sleep(500);
    const rows = await outboxRows(sql);
    expect(rows.every((r) => r.sent_at && r.text === '' && r.failed_at === null)).toBe(true);
    expectExactlyOnce(
      smtp,
      emails,
      rows.map((r) => r.message_id),
    );
    expect(await metric(app, 'gatehouse_mail_sent_total')).toBe(6);
    expect(await metric(app, 'gatehouse_mail_outbox_pending')).toBe(0);
    // With SMTP configured, links never reach the log.
    expect(logs.join('')).not.toMatch(/token=/);
  });

  it('lets several instances drain one outbox without sending any mail twice', async () => {
    const smtp = await SmtpSink.start();
    await smtp.stop();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    // Queue a backlog: one failed attempt each, then a long backoff.
    const producer = await instance(url, { SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '600000' });
    const emails: string[] = [];
    for (let i = 0; i < 30; i++) emails.push((await registerUser(producer.app)).email);
    await eventually(async () => {
      const rows = await outboxRows(sql);
      return rows.length === 30 && rows.every((r) => r.attempts >= 1);
    }, 15_000);
    await producer.close();
    // Their send jobs wait for a retry ten minutes ahead: make them due now.
    await sql.query(`update pgboss.job set start_after = now() where name = 'mail-send'`);

    // Three instances start at once and race for the whole backlog.
    await smtp.listen();
    const env = { SMTP_URL: smtp.url };
    await Promise.all([instance(url, env), instance(url, env), instance(url, env)]);
    await eventually(() => smtp.mails.length >= 30, 20_000, 'delivery');
    await sleep(500);
    const rows = await outboxRows(sql);
    expect(rows.every((r) => r.sent_at && r.attempts === 2)).toBe(true);
    expectExactlyOnce(
      smtp,
      emails,
      rows.map((r) => r.message_id),
    );
  });

  it('resumes unsent mail after a restart', async () => {
    const smtp = await SmtpSink.start();
    await smtp.stop();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    const first = await instance(url, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '100' });
    const emails = [(await registerUser(first.app)).email, (await registerUser(first.app)).email];
    await eventually(async () => (await outboxRows(sql)).every((r) => r.attempts >= 1));
    await first.close();

    await smtp.listen();
    await instance(url, { SMTP_URL: smtp.url });
    await eventually(() => smtp.mails.length >= 2, 15_000, 'delivery after restart');
    await sleep(300);
    const rows = await outboxRows(sql);
    expectExactlyOnce(
      smtp,
      emails,
      rows.map((r) => r.message_id),
    );
    // The mail still works after the restart: its link verifies the address.
    const { token } = linkIn(smtp.mails[0]!.raw, 'verify-email');
    const second = await instance(url, {});
    const res = await second.app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token },
    });
    expect(res.statusCode).toBe(200);
  });

  it('gives a mail up after MAIL_MAX_ATTEMPTS, logs it and counts it', async () => {
    const smtp = await SmtpSink.start();
    await smtp.stop();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    const logs: string[] = [];
    const { app } = await instance(url, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '3' }, logs);
    const email = uniqueEmail('doomed');
    await registerUser(app, { email });
    const [row] = await eventually(async () => {
      const rows = await outboxRows(sql);
      return rows[0]?.failed_at ? rows : null;
    }, 15_000);
    expect(row).toMatchObject({ attempts: 3, sent_at: null, text: '' });
    expect(row.last_error).toBeTruthy();
    expect(await metric(app, 'gatehouse_mail_failed_total')).toBe(1);
    expect(await metric(app, 'gatehouse_mail_outbox_pending')).toBe(0);
    expect(logs.join('')).toMatch(/mail given up/);

    await smtp.listen();
    await sleep(500);
    expect(smtp.mails).toHaveLength(0);
  });
});
