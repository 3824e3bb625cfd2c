import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, MailOutboxRow } from '../db/types.js';
import type { Metrics } from '../ops/metrics.js';
import type { Mailer } from './mailer.js';
import * as outbox from './outbox-repository.js';
import { unseal } from './sealed.js';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  mailer: Mailer;
  /** Key that opens the sealed bodies. */
  key: Buffer;
  logger: Logger;
  metrics: Pick<Metrics, 'mailSent' | 'mailSendErrors' | 'mailFailed'>;
  pollIntervalMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  batchSize?: number;
  /** How long a claimed mail is kept from other workers; far above the SMTP timeouts. */
  leaseMs?: number;
}

const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;

/** Exponential backoff with jitter (half fixed, half random) so retries of many mails spread out. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return exponential / 2 + Math.random() * (exponential / 2);
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 500);
}

/** Sends queued mail from the mail_outbox table: polls, and runs at once when kicked. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly batchSize: number;
  private readonly leaseMs: number;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.batchSize = options.batchSize ?? 8;
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  /** Starts polling; mail left unsent by an earlier run is picked up by the first pass. */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Runs a pass now (or right after the current one), instead of waiting for the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.loop().finally(() => {
      this.running = null;
      this.schedule();
    });
  }

  /** Stops polling and waits for the pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.kick();
      return;
    }
    this.timer = setTimeout(() => this.kick(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      // Keep going while batches come back full: a backlog drains without waiting for polls.
      while (!this.stopped && (await this.runOnce()) === this.batchSize);
    } catch (err) {
      this.options.logger.warn({ err: { message: describe(err) } }, 'mail outbox pass failed');
    }
  }

  /** One pass: claims due mails and tries each once; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await outbox.claimDueMails(this.options.db, this.batchSize, this.leaseMs);
    const results = await Promise.allSettled(claimed.map((row) => this.deliver(row)));
    for (const result of results) {
      // Bookkeeping failed (database gone?): the lease runs out and the mail is tried again.
      if (result.status === 'rejected')
        this.options.logger.warn(
          { err: { message: describe(result.reason) } },
          'mail outbox bookkeeping failed',
        );
    }
    return claimed.length;
  }

  private async deliver(row: MailOutboxRow): Promise<void> {
    const { db, logger, metrics, maxAttempts } = this.options;
    // A worker that died during the last allowed attempt leaves the row over the limit.
    if (row.attempts > maxAttempts) {
      await this.giveUp(row, row.last_error ?? 'attempt interrupted');
      return;
    }
    try {
      await this.options.mailer.send({
        id: row.id,
        messageId: row.message_id,
        to: row.to,
        subject: row.subject,
        text: unseal(row.text, this.options.key),
        html: unseal(row.html, this.options.key),
        createdAt: row.created_at,
      });
    } catch (err) {
      const error = describe(err);
      metrics.mailSendErrors.inc();
      if (row.attempts >= maxAttempts) {
        await this.giveUp(row, error);
        return;
      }
      const delay = retryDelayMs(row.attempts, this.options.retryBaseMs);
      logger.warn(
        {
          mailId: row.id,
          attempts: row.attempts,
          retryInMs: Math.round(delay),
          err: { message: error },
        },
        'mail send failed; will retry',
      );
      await outbox.scheduleMailRetry(db, row.id, delay, error);
      return;
    }
    await outbox.markMailSent(db, row.id);
    metrics.mailSent.inc();
  }

  private async giveUp(row: MailOutboxRow, error: string): Promise<void> {
    await outbox.markMailFailed(this.options.db, row.id, error);
    this.options.metrics.mailFailed.inc();
    this.options.logger.error(
      { mailId: row.id, attempts: row.attempts, err: { message: error } },
      'mail given up after the last attempt',
    );
  }
}
