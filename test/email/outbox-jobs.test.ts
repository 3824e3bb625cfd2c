import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { inTransaction } from '../../src/db/transaction.js';
import type { Database } from '../../src/db/types.js';
import { createMailQueue } from '../../src/email/mail-queue.js';
import { createMailer } from '../../src/email/mailer.js';
import { deriveMailKey, seal } from '../../src/email/sealed.js';
import { MAIL_SEND_JOB, mailSendJob } from '../../src/email/send-job.js';
import type { App } from '../../src/http/types.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { registerUser } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { api, spawnServer, type ServerProcess } from '../helpers/process.js';
import { FAST_MAIL_ENV } from './env.js';
import { eventually, SmtpSink, sleep } from './smtp-sink.js';

/** The mail outbox on the job queue: one mail-send job per mail, what it survives, what it never does. */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const mailKey = deriveMailKey(Buffer.from(TEST_ENV.KEY_ENCRYPTION_KEY!, 'base64'));

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

async function instance(databaseUrl: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-mailjobs-'));
  const app: App = await buildApp(
    loadConfig({
      ...TEST_ENV,
      ...FAST_MAIL_ENV,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ...env,
    }),
  );
  await app.ready();
  cleanups.unshift(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

/** A stopped sink (connections refused) that the test starts when SMTP should come back. */
async function downSmtp(): Promise<SmtpSink> {
  const smtp = await SmtpSink.start();
  await smtp.stop();
  cleanups.push(() => smtp.stop());
  return smtp;
}

async function outboxRows(sql: pg.Client) {
  const result = await sql.query(
    `select id, "to", subject, text, attempts, sent_at, failed_at, last_error, message_id
       from mail_outbox order by id`,
  );
  return result.rows;
}

async function mailJobs(sql: pg.Client) {
  const result = await sql.query(
    `select data, state, singleton_key, retry_count from pgboss.job where name = $1 order by created_on`,
    [MAIL_SEND_JOB],
  );
  return result.rows;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function metric(app: App, name: string): Promise<number> {
  const res = await app.inject({ url: '/metrics' });
  const match = new RegExp(`^${escape(name)} (\\S+)$`, 'm').exec(res.body);
  return match ? Number(match[1]) : NaN;
}

/** Each address got exactly one mail, carrying the Message-ID stored on its outbox row. */
async function expectEachSentOnce(smtp: SmtpSink, sql: pg.Client, emails: string[]) {
  const rows = await outboxRows(sql);
  expect(smtp.mails).toHaveLength(emails.length);
  for (const email of emails) {
    const mails = smtp.mailsTo(email);
    expect(mails, email).toHaveLength(1);
    const row = rows.find((r) => r.to === email);
    expect(row?.sent_at, email).toBeTruthy();
    expect(mails[0]!.messageId).toBe(`<${row!.message_id}>`);
  }
}

describe('mail outbox on the job queue', { timeout: 120_000 }, () => {
  it('keeps only the mail id in the job, and sends once with the same Message-ID after an SMTP outage', async () => {
    const smtp = await downSmtp();
    const { url, sql } = await sharedDatabase();
    const app = await instance(url, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '100' });
    const { email } = await registerUser(app);

    // Two failed attempts: the job waits for its retry, counted in the queue's depth and failures.
    await eventually(
      async () =>
        (await metric(app, 'gatehouse_job_failures_total{task="mail-send"}')) >= 2 &&
        (await metric(app, 'gatehouse_job_queue_depth{queue="mail-send"}')) === 1,
      20_000,
      'two failed attempts',
    );
    const [row] = await outboxRows(sql);
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.last_error).toBeTruthy();
    const jobs = await mailJobs(sql);
    expect(jobs).toHaveLength(1);
    // The job carries the row id and nothing of the mail: the body stays sealed in the outbox.
    expect(jobs[0].data).toEqual({ mail_id: Number(row.id) });
    expect(jobs[0].singleton_key).toBe(String(row.id));
    expect(jobs[0].state).toBe('retry');
    expect(JSON.stringify(jobs[0].data)).not.toContain(email);
    expect(row.text).toMatch(/^v1\./);

    await smtp.listen();
    await eventually(() => smtp.mails.length >= 1, 20_000, 'delivery');
    await sleep(1500); // time for a duplicate to show up
    await expectEachSentOnce(smtp, sql, [email]);
    const [sent] = await outboxRows(sql);
    expect(sent.text).toBe('');
    expect(await metric(app, 'gatehouse_job_queue_depth{queue="mail-send"}')).toBe(0);
    expect((await mailJobs(sql)).map((j) => j.state)).toEqual(['completed']);
  });

  it('sends nothing for a transaction that rolled back, and the committed mail once', async () => {
    const smtp = await SmtpSink.start();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    await instance(url, { SMTP_URL: smtp.url });

    // A second producer (and worker) on the same database, queueing inside its own transactions.
    const logger = pino({ level: 'silent' });
    const jobs = new JobQueue({ databaseUrl: url, logger, pollIntervalSeconds: 0.5 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    });
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: FAST_MAIL_ENV.MAIL_FROM!,
      outboxDir: os.tmpdir(),
      logger,
      logLinks: false,
    });
    const counter = { inc: () => undefined } as never;
    jobs.define(
      mailSendJob({
        db,
        mailer,
        key: mailKey,
        logger,
        metrics: { mailSent: counter, mailSendErrors: counter, mailFailed: counter },
        retry: { retryBaseMs: 1000, retryMaxMs: 2000, maxAttempts: 5 },
      }),
    );
    await jobs.start();
    cleanups.push(async () => {
      await jobs.stop();
      await db.destroy();
    });
    const mail = createMailQueue({
      appUrl: TEST_ENV.APP_URL!,
      from: FAST_MAIL_ENV.MAIL_FROM!,
      key: mailKey,
      jobs,
    });
    const invite = (email: string) => ({
      email,
      token: 'not-a-real-token',
      organization: 'Rollback Inc',
      inviter: 'Tester',
      locale: 'en' as const,
    });

    await expect(
      inTransaction(db, async (trx) => {
        await mail.queueInvitation(trx, invite('rolled.back@example.com'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await inTransaction(db, (trx) => mail.queueInvitation(trx, invite('committed@example.com')));

    await eventually(() => smtp.mails.length >= 1, 20_000, 'delivery');
    await sleep(1500);
    expect(smtp.mails.map((m) => m.to)).toEqual([['committed@example.com']]);
    await expectEachSentOnce(smtp, sql, ['committed@example.com']);
    // Neither the row nor its job outlived the rollback.
    expect((await outboxRows(sql)).map((r) => r.to)).toEqual(['committed@example.com']);
    const { rows: orphans } = await sql.query(
      `select j.id from pgboss.job j where j.name = $1
          and not exists (select 1 from mail_outbox m where m.id = (j.data->>'mail_id')::bigint)`,
      [MAIL_SEND_JOB],
    );
    expect(orphans).toEqual([]);
  });

  it('sends each mail once when two instances queue and send at the same time', async () => {
    const smtp = await SmtpSink.start();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    const first = await instance(url, { SMTP_URL: smtp.url });
    const second = await instance(url, { SMTP_URL: smtp.url });
    const users = await Promise.all(
      Array.from({ length: 16 }, (_, i) => registerUser(i % 2 === 0 ? first : second)),
    );
    await eventually(() => smtp.mails.length >= users.length, 30_000, 'delivery');
    await sleep(1500);
    await expectEachSentOnce(
      smtp,
      sql,
      users.map((u) => u.email),
    );
    expect((await outboxRows(sql)).every((r) => r.attempts === 1)).toBe(true);
  });

  it('gives mail queued before the job queue (no job) a job on start, once across instances', async () => {
    const smtp = await SmtpSink.start();
    cleanups.push(() => smtp.stop());
    const { url, sql } = await sharedDatabase();
    // Rows as the earlier polling worker left them: pending, one failed attempt, no job.
    const emails = ['legacy.one@example.com', 'legacy.two@example.com', 'legacy.three@example.com'];
    for (const [i, email] of emails.entries())
      await sql.query(
        `insert into mail_outbox ("to", subject, text, html, attempts, last_error, message_id)
         values ($1, 'Queued before the upgrade', $2, $3, 1, 'connection refused', $4)`,
        [
          email,
          seal(`Hello ${email}`, mailKey),
          seal(`<p>Hello ${email}</p>`, mailKey),
          `legacy-${i}@gatehouse.test`,
        ],
      );
    // Already sent or given up: left alone.
    await sql.query(
      `insert into mail_outbox ("to", subject, text, html, sent_at, message_id)
       values ('done@example.com', 'Sent long ago', '', '', now(), 'legacy-sent@gatehouse.test'),
              ('failed@example.com', 'Given up', '', '', null, 'legacy-failed@gatehouse.test')`,
    );
    await sql.query(`update mail_outbox set failed_at = now() where "to" = 'failed@example.com'`);
    expect(await mailJobs(sql)).toEqual([]);

    await Promise.all([
      instance(url, { SMTP_URL: smtp.url }),
      instance(url, { SMTP_URL: smtp.url }),
    ]);
    await eventually(() => smtp.mails.length >= emails.length, 20_000, 'delivery');
    await sleep(1500);
    await expectEachSentOnce(smtp, sql, emails);
    expect(smtp.mailsTo('legacy.one@example.com')[0]!.raw).toContain(
      'Hello legacy.one@example.com',
    );
    const jobs = await mailJobs(sql);
    expect(jobs).toHaveLength(emails.length);
    expect(jobs.every((j) => j.state === 'completed')).toBe(true);
    const rows = await outboxRows(sql);
    expect(rows.filter((r) => emails.includes(r.to)).every((r) => r.attempts === 2)).toBe(true);
  });

  it('sends after a restart the mail committed before a kill -9', async () => {
    const smtp = await downSmtp();
    const { url, sql } = await sharedDatabase();
    let server: ServerProcess | undefined;
    try {
      // SMTP is down while the process runs: the mail is committed but cannot have gone out.
      server = await spawnServer({ ...FAST_MAIL_ENV, DATABASE_URL: url, SMTP_URL: smtp.url });
      const email = `killed.${Date.now()}@example.com`;
      const registered = await api(server.url, 'POST', '/api/auth/register', {
        email,
        name: 'Killed Before Sending',
        password: 'correct horse battery staple',
      });
      expect(registered.status).toBe(201);
      // Killed while its job waits for a retry (not mid-attempt, which would only add the job's
      // expiry to the wait): the first attempt failed, the next one is still ahead.
      await eventually(
        async () => {
          const { rows } = await sql.query(
            `select 1 from pgboss.job where name = $1 and state = 'retry'
              and start_after > now() + interval '300 milliseconds'`,
            [MAIL_SEND_JOB],
          );
          return rows.length === 1;
        },
        20_000,
        'a failed first attempt',
      );
      server.child.kill('SIGKILL');
      await server.exited;
      const [queued] = await outboxRows(sql);
      expect(queued).toMatchObject({ to: email, sent_at: null, failed_at: null });
      expect(smtp.mails).toHaveLength(0);

      await smtp.listen();
      await instance(url, { SMTP_URL: smtp.url });
      await eventually(() => smtp.mails.length >= 1, 30_000, 'delivery after restart');
      await sleep(1500);
      await expectEachSentOnce(smtp, sql, [email]);
    } finally {
      server?.child.kill('SIGKILL');
    }
  });
});
