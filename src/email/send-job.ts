import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Executor, MailOutboxRow } from '../db/types.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import type { Metrics } from '../ops/metrics.js';
import type { Mailer } from './mailer.js';
import * as outbox from './outbox-repository.js';
import { unseal } from './sealed.js';

/** The job that makes one send attempt of one outbox mail. */
export const MAIL_SEND_JOB = 'mail-send';

/** Only the row id: the (sealed) bodies stay in mail_outbox, never in the job's data. */
export interface MailSendJobData {
  mail_id: number;
}

export interface MailRetryPolicy {
  /** MAIL_RETRY_BASE_MS: the first retry delay; doubles per attempt, with jitter. */
  retryBaseMs: number;
  /** MAIL_RETRY_MAX_MS: the longest delay between two attempts. */
  retryMaxMs: number;
  /** MAIL_MAX_ATTEMPTS: attempts before a mail is given up. */
  maxAttempts: number;
}

export interface MailSendJobDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  /** Key that opens the sealed bodies. */
  key: Buffer;
  logger: Logger;
  metrics: Pick<Metrics, 'mailSent' | 'mailSendErrors' | 'mailFailed'>;
  retry: MailRetryPolicy;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 500);
}

/** pg-boss counts delays in whole seconds: at least 1 s. */
function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Enqueues the send job of a mail through `executor` (the transaction that inserted the row, so
 * the job exists exactly when the mail does). One live job per mail (the queue's `exclusive`
 * policy keyed by the mail id): enqueueing a mail that already has one does nothing.
 */
export async function enqueueMailSend(
  queue: JobQueue,
  executor: Executor,
  mailId: number,
): Promise<void> {
  await queue.send(executor, MAIL_SEND_JOB, { mail_id: mailId } satisfies MailSendJobData, {
    singletonKey: String(mailId),
  });
}

/**
 * Gives every pending mail a send job unless it has one: mail queued before the outbox moved onto
 * the job queue (an upgraded deployment), or whose job was lost. Idempotent and safe on several
 * instances at once (one live job per mail). Returns how many mails were looked at.
 */
export async function enqueuePendingMails(db: Kysely<Database>, queue: JobQueue): Promise<number> {
  let afterId = 0;
  let seen = 0;
  for (;;) {
    const ids = await outbox.pendingMailIds(db, afterId, 500);
    for (const id of ids) await enqueueMailSend(queue, db, id);
    seen += ids.length;
    if (ids.length < 500) return seen;
    afterId = ids[ids.length - 1]!;
  }
}

/**
 * The send job: one attempt per run. A failed attempt throws, and pg-boss retries the job with
 * exponential backoff and jitter; the mail keeps its Message-ID (stored on the row) on every
 * attempt. The row's `attempts` decides when the mail is given up, so the job has one retry
 * more than MAIL_MAX_ATTEMPTS needs: an attempt cut short by a crash (the job expires and runs
 * again) still ends in a give-up, never in a mail left pending without a job.
 */
export function mailSendJob(deps: MailSendJobDeps): JobDefinition<MailSendJobData> {
  const { db, logger, metrics, retry } = deps;

  async function giveUp(row: MailOutboxRow, error: string): Promise<void> {
    await outbox.markMailFailed(db, row.id, error);
    metrics.mailFailed.inc();
    logger.error(
      { mailId: row.id, attempts: row.attempts, err: { message: error } },
      'mail given up after the last attempt',
    );
  }

  async function attempt(mailId: number): Promise<void> {
    const row = await outbox.startMailAttempt(db, mailId);
    if (!row) return; // sent, given up, or deleted
    // An instance that died during the last allowed attempt leaves the row over the limit.
    if (row.attempts > retry.maxAttempts) {
      await giveUp(row, row.last_error ?? 'attempt interrupted');
      return;
    }
    try {
      await deps.mailer.send({
        id: row.id,
        messageId: row.message_id,
        to: row.to,
        subject: row.subject,
        text: unseal(row.text, deps.key),
        html: unseal(row.html, deps.key),
        createdAt: row.created_at,
      });
    } catch (err) {
      const error = describe(err);
      metrics.mailSendErrors.inc();
      if (row.attempts >= retry.maxAttempts) {
        await giveUp(row, error);
        return;
      }
      await outbox.recordMailError(db, row.id, error);
      logger.warn(
        { mailId: row.id, attempts: row.attempts, err: { message: error } },
        'mail send failed; will retry',
      );
      throw new Error(`mail ${row.id} not sent: ${error}`);
    }
    // Should this fail (database gone), the job is retried and the mail sent again, same Message-ID.
    await outbox.markMailSent(db, row.id);
    metrics.mailSent.inc();
  }

  return {
    name: MAIL_SEND_JOB,
    queue: {
      // One queued-or-active job per mail (singletonKey = the mail id): the sweep cannot double it.
      policy: 'exclusive',
      retryLimit: retry.maxAttempts,
      retryDelay: wholeSeconds(retry.retryBaseMs),
      retryBackoff: true,
      retryDelayMax: wholeSeconds(retry.retryMaxMs),
      // Far above the SMTP timeouts (at most 50 s an attempt): a job expires only when its
      // instance died mid-send, and then runs again.
      expireInSeconds: 120,
      // A long SMTP outage may keep mail waiting for days; the sweep on start re-enqueues any
      // mail whose job was dropped anyway.
      retentionSeconds: 14 * 86400,
      deleteAfterSeconds: 7 * 86400,
    },
    // Eight mails side by side per instance; a full batch fetches the next at once.
    batchSize: 8,
    handler: (job) => attempt(job.data.mail_id),
  };
}
