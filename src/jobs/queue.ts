import {
  PgBoss,
  fromKysely,
  type JobResult,
  type JobWithMetadata,
  type Queue,
  type SendOptions,
} from 'pg-boss';
import type { Logger } from 'pino';
import type { Executor } from '../db/types.js';

/** pg-boss keeps its tables in a schema of its own, created (and upgraded) on start. */
export const JOB_SCHEMA = 'pgboss';

/** One kind of background work: its queue's retry policy and the handler of one job. */
export interface JobDefinition<T extends object> {
  name: string;
  /** Retry limit, backoff (with jitter), expiry, retention of this queue's jobs. */
  queue: Omit<Queue, 'name'>;
  /** Workers of this queue in one instance, each running one batch at a time. */
  concurrency?: number;
  /**
   * Jobs a worker takes at once and runs side by side (default 1). Above 1, a worker whose batch
   * came back full fetches the next one at once instead of waiting for its next poll, so a
   * backlog drains without waiting for polls.
   */
  batchSize?: number;
  /** Throws to fail the attempt: pg-boss retries it after the queue's backoff. */
  handler(job: JobWithMetadata<T>): Promise<void>;
}

/** Depth and age of one queue, for /metrics. */
export interface QueueGauge {
  queue: string;
  /** Jobs waiting (created or waiting for a retry), deferred ones included. */
  depth: number;
  /** Seconds since the oldest job that is due now was created; 0 when none is due. */
  oldestSeconds: number;
}

export interface JobQueueOptions {
  databaseUrl: string;
  logger: Logger;
  pollIntervalSeconds: number;
  /** Each failed attempt, by queue name (the task). */
  onFailure?: (task: string) => void;
}

/**
 * The one durable job queue of an app instance (pg-boss on our PostgreSQL). Every instance works
 * every queue; a job is claimed by one of them (SKIP LOCKED), retried with exponential backoff and
 * jitter when its handler throws, and survives a crash of the instance that held it (it expires
 * and runs again: handlers are at-least-once).
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #definitions = new Map<string, JobDefinition<object>>();
  /** This instance's worker of each queue, by queue name (for wake()). */
  readonly #workers = new Map<string, string>();
  readonly #options: JobQueueOptions;
  #started = false;

  constructor(options: JobQueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'gatehouse-jobs',
      max: 4,
      // Job rows are what /metrics reads; pg-boss's own stats tables and instance registry are not used.
      registerInstance: false,
      persistWarnings: false,
      openTelemetry: { enabled: false },
    });
    // Without a listener an 'error' event would crash the process: a lost connection is retried.
    this.#boss.on('error', (err: Error) =>
      options.logger.warn({ err: { message: err.message } }, 'job queue error'),
    );
  }

  /** Registers a kind of job; call before start(). */
  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.#started) throw new Error(`job ${definition.name} defined after start`);
    this.#definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  /**
   * Enqueues a job through `executor`: given a transaction, the job exists only if that transaction
   * commits (it is a row written with the change it follows).
   */
  async send(
    executor: Executor,
    name: string,
    data: object,
    options: Omit<SendOptions, 'db'> = {},
  ): Promise<string | null> {
    if (!this.#definitions.has(name)) throw new Error(`unknown job ${name}`);
    return this.#boss.send(name, data, { ...options, db: fromKysely(executor) });
  }

  /** Installs or upgrades the schema, creates the queues and starts the workers. */
  async start(): Promise<void> {
    await this.#boss.start({ attempts: 3 });
    this.#started = true;
    for (const definition of this.#definitions.values()) {
      const existing = await this.#boss.getQueue(definition.name);
      if (existing) {
        // Policy and partitioning are fixed when a queue is created; the rest follows the code.
        const { policy: _policy, partition: _partition, ...changeable } = definition.queue;
        await this.#boss.updateQueue(definition.name, changeable);
      } else await this.#boss.createQueue(definition.name, definition.queue);
      const batchSize = definition.batchSize ?? 1;
      const workerId = await this.#boss.work<object>(
        definition.name,
        {
          includeMetadata: true as const,
          perJobResults: true as const,
          batchSize,
          burstWhenBatchFull: batchSize > 1,
          localConcurrency: definition.concurrency ?? 1,
          pollingIntervalSeconds: this.#options.pollIntervalSeconds,
        },
        // Each job of the batch succeeds or fails (and is retried) on its own.
        async (jobs): Promise<JobResult[]> => {
          const outcomes = await Promise.allSettled(
            jobs.map((job) => definition.handler(job as JobWithMetadata<object>)),
          );
          return jobs.map((job, i) => {
            const outcome = outcomes[i]!;
            if (outcome.status === 'fulfilled') return { id: job.id, status: 'completed' };
            this.#options.onFailure?.(definition.name);
            const reason = outcome.reason as Error;
            return { id: job.id, status: 'failed', output: { message: String(reason?.message) } };
          });
        },
      );
      this.#workers.set(definition.name, workerId);
    }
  }

  /**
   * Makes this instance's worker of `name` look for due jobs now instead of at its next poll
   * (call after the transaction that enqueued a job committed). Other instances find it on
   * their next poll.
   */
  wake(name: string): void {
    const workerId = this.#workers.get(name);
    if (this.#started && workerId) this.#boss.notifyWorker(workerId);
  }

  /** Stops taking jobs and waits (bounded) for those under way; unfinished ones run again later. */
  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    this.#workers.clear();
    await this.#boss.stop({ graceful: true, timeout: 15_000, close: true });
  }

  /** Depth and oldest due job of every defined queue. */
  async gauges(): Promise<QueueGauge[]> {
    const names = [...this.#definitions.keys()];
    if (!this.#started || names.length === 0) return [];
    const { rows } = await this.#boss.getDb().executeSql(
      `select name,
              count(*)::int as depth,
              coalesce(extract(epoch from now() - min(created_on) filter (where start_after <= now())), 0)::float8 as oldest
         from ${JOB_SCHEMA}.job
        where name = any($1) and state in ('created', 'retry')
        group by name`,
      [names],
    );
    const byName = new Map(rows.map((row) => [row.name as string, row]));
    return names.map((queue) => ({
      queue,
      depth: Number(byName.get(queue)?.depth ?? 0),
      oldestSeconds: Number(byName.get(queue)?.oldest ?? 0),
    }));
  }
}

/**
 * Installs (or upgrades) the job schema without starting workers: test set-up runs it on the
 * template database, so each test database starts with the schema in place.
 */
export async function installJobSchema(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
    registerInstance: false,
    openTelemetry: { enabled: false },
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false, close: true });
}
