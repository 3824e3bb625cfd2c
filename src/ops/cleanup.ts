import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Logger } from 'pino';
import { keyVerifyWindowSeconds } from '../auth/key-store.js';
import type { Config } from '../config/index.js';
import type { Database } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Metrics } from './metrics.js';

/** What cleanup keeps, in the units of the configuration. */
export interface CleanupPolicy {
  auditRetentionDays: number;
  sessionRetentionDays: number;
  /** Sessions end at most this long after their sign-in (then count as ended for retention). */
  sessionMaxLifetimeDays: number;
  mailRetentionDays: number;
  /** Retired signing keys still verify for this long; after it they are deleted. */
  keyVerifyWindowSeconds: number;
}

/** Rows deleted per table (tables that do not exist in this database are left out). */
export type CleanupResult = Record<string, number>;

// Session-level advisory lock: one instance cleans at a time; PostgreSQL releases it if we die.
export const CLEANUP_LOCK_ID = 0x6768_636c; // "ghcl"
// Small batches keep each DELETE well under statement_timeout and its row locks short.
const BATCH_SIZE = 2000;

/** The cleanup policy of a configuration. */
export function cleanupPolicy(config: Config): CleanupPolicy {
  return {
    auditRetentionDays: config.AUDIT_RETENTION_DAYS,
    sessionRetentionDays: config.SESSION_RETENTION_DAYS,
    sessionMaxLifetimeDays: config.SESSION_MAX_LIFETIME_DAYS,
    mailRetentionDays: config.MAIL_RETENTION_DAYS,
    keyVerifyWindowSeconds: keyVerifyWindowSeconds(config.ACCESS_TOKEN_TTL_SECONDS),
  };
}

interface Target {
  table: string;
  key: string;
  where: RawBuilder<unknown>;
  /** Tables added by later features are only cleaned where their migration has run. */
  optional?: boolean;
}

function daysAgo(days: number): RawBuilder<Date> {
  return sql<Date>`now() - make_interval(days => ${days})`;
}

function targets(policy: CleanupPolicy): Target[] {
  const sessionCutoff = daysAgo(policy.sessionRetentionDays);
  const mailCutoff = daysAgo(policy.mailRetentionDays);
  return [
    // Ended sessions (revoked, expired, or past their absolute lifetime, which rows written
    // before a cut of SESSION_MAX_LIFETIME_DAYS may run ahead of); ON DELETE CASCADE removes their
    // refresh tokens with them.
    {
      table: 'sessions',
      key: 'id',
      where: sql`(revoked_at < ${sessionCutoff} or expires_at < ${sessionCutoff}
        or created_at < ${daysAgo(policy.sessionMaxLifetimeDays + policy.sessionRetentionDays)})`,
    },
    // Expired refresh tokens of sessions that are still alive (one per rotation adds up).
    { table: 'refresh_tokens', key: 'id', where: sql`expires_at < ${sessionCutoff}` },
    {
      table: 'audit_events',
      key: 'id',
      where: sql`created_at < ${daysAgo(policy.auditRetentionDays)}`,
    },
    // Never the active key (retired_at is null); a retired one only once it can verify nothing.
    {
      table: 'signing_keys',
      key: 'kid',
      where: sql`retired_at < now() - make_interval(secs => ${policy.keyVerifyWindowSeconds})`,
    },
    { table: 'email_tokens', key: 'id', where: sql`expires_at < ${mailCutoff}`, optional: true },
    { table: 'email_sign_ins', key: 'id', where: sql`expires_at < ${mailCutoff}`, optional: true },
    // Organization invitations never accepted (pending, revoked) whose link expired: they can
    // no longer be used. Accepted ones stay with the membership they led to.
    {
      table: 'invitations',
      key: 'id',
      where: sql`accepted_at is null and expires_at < ${mailCutoff}`,
      optional: true,
    },
    // Pending mail (neither sent nor given up) is never removed.
    {
      table: 'mail_outbox',
      key: 'id',
      // Spelled like the partial index mail_outbox_done_idx so the planner can use it.
      where: sql`(sent_at is not null or failed_at is not null) and coalesce(sent_at, failed_at) < ${mailCutoff}`,
      optional: true,
    },
    // OpenID provider codes, sessions and tokens past their expiry (they already answer as unknown).
    { table: 'oidc_payloads', key: 'id', where: sql`expires_at < now()`, optional: true },
  ];
}

async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{
    found: boolean;
  }>`select to_regclass(${table}) is not null as found`.execute(db);
  return rows[0]?.found === true;
}

async function deleteInBatches(
  db: Kysely<Database>,
  target: Target,
  signal?: AbortSignal,
): Promise<number> {
  const table = sql.table(target.table);
  const key = sql.ref(target.key);
  let total = 0;
  while (!signal?.aborted) {
    const result = await sql`delete from ${table} where ${key} in (
      select ${key} from ${table} where ${target.where} limit ${BATCH_SIZE})`.execute(db);
    const deleted = Number(result.numAffectedRows ?? 0n);
    total += deleted;
    if (deleted < BATCH_SIZE) break;
  }
  return total;
}

/**
 * Deletes what the policy no longer keeps. Returns null without touching anything when another
 * instance (or the CLI) is cleaning right now.
 */
export async function runCleanup(
  db: Kysely<Database>,
  policy: CleanupPolicy,
  signal?: AbortSignal,
): Promise<CleanupResult | null> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${CLEANUP_LOCK_ID}) as locked`.execute(conn);
    if (rows[0]?.locked !== true) return null;
    try {
      const result: CleanupResult = {};
      for (const target of targets(policy)) {
        if (signal?.aborted) break;
        if (target.optional && !(await tableExists(conn, target.table))) continue;
        result[target.table] = await deleteInBatches(conn, target, signal);
      }
      return result;
    } finally {
      await sql`select pg_advisory_unlock(${CLEANUP_LOCK_ID})`.execute(conn);
    }
  });
}

export interface CleanupSchedulerDeps {
  db: Kysely<Database>;
  config: Config;
  metrics: Metrics;
  logger: Logger;
  queue: JobQueue;
}

/** The cleanup job on the job queue. */
export const CLEANUP_JOB = 'cleanup';

/**
 * Scheduled cleanup on the job queue, once per cluster per CLEANUP_INTERVAL_SECONDS (0 disables).
 * Every instance offers a `cleanup` job each interval (±10 % jitter) as a throttled job, one per
 * interval slot (pg-boss `singletonKey` + `singletonSeconds`), so the cluster runs it once per
 * interval on whichever instance takes it; the advisory lock still keeps it apart from a
 * `gatehouse cleanup` run by hand. (A pg-boss cron schedule has minute granularity, and the
 * interval is configured in seconds.) Defines its job when built: call before the queue starts.
 */
export function createCleanupScheduler(deps: CleanupSchedulerDeps): {
  start(): void;
  stop(): Promise<void>;
} {
  const intervalSeconds = deps.config.CLEANUP_INTERVAL_SECONDS;
  if (intervalSeconds === 0) return { start() {}, stop: async () => undefined };
  const { metrics, logger, queue } = deps;
  const policy = cleanupPolicy(deps.config);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      const result = await runCleanup(deps.db, policy, controller.signal);
      if (result === null) {
        metrics.cleanupRuns.inc({ outcome: 'skipped' });
        logger.debug('cleanup skipped: another holder has the lock');
        return;
      }
      for (const [table, count] of Object.entries(result))
        metrics.cleanupDeleted.inc({ table }, count);
      metrics.cleanupRuns.inc({ outcome: 'ok' });
      metrics.cleanupLastSuccess.setToCurrentTime();
      logger.info({ deleted: result }, 'cleanup finished');
    } catch (err) {
      if (controller.signal.aborted) return;
      metrics.cleanupRuns.inc({ outcome: 'failed' });
      logger.warn({ err: { message: (err as Error).message } }, 'cleanup failed');
    }
  }

  queue.define<Record<string, never>>({
    name: CLEANUP_JOB,
    // Not retried: the next interval's run does the same work.
    queue: { retryLimit: 0, expireInSeconds: 3600, deleteAfterSeconds: 86400 },
    handler: runOnce,
  });

  function schedule(): void {
    if (controller.signal.aborted) return;
    // ±10 % jitter so that instances started together do not all offer the job at the same moment.
    const delayMs = Math.round(intervalSeconds * 1000 * (0.9 + Math.random() * 0.2));
    timer = setTimeout(() => {
      queue
        .send(
          deps.db,
          CLEANUP_JOB,
          {},
          {
            singletonKey: CLEANUP_JOB,
            singletonSeconds: intervalSeconds,
          },
        )
        .catch((err: Error) =>
          logger.warn({ err: { message: err.message } }, 'could not schedule cleanup'),
        )
        .finally(schedule);
    }, delayMs);
    timer.unref();
  }

  return {
    start: schedule,
    async stop() {
      // A run in progress stops between batches; the queue then waits for its job to end.
      controller.abort();
      clearTimeout(timer);
    },
  };
}
