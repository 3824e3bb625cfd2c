import client from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per app instance (tests build several apps in one process). */
export interface MetricSources {
  pool?: () => { total: number; idle: number; waiting: number };
  /** null when no Redis is configured (the gauge then stays absent). */
  redisUp?: () => boolean | null;
  /** Mail waiting in the outbox (queued or retrying). */
  mailPending?: () => Promise<number>;
  /** Depth and oldest due job per job queue. */
  jobQueues?: () => Promise<Array<{ queue: string; depth: number; oldestSeconds: number }>>;
}

/** The registry and every metric of one app; `redis: false` leaves the Redis gauge out. */
export function createMetrics(options: { redis?: boolean } = {}) {
  const sources: MetricSources = {};
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const httpRequests = new client.Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const logins = new client.Counter({
    name: 'gatehouse_logins_total',
    help: 'Login attempts by outcome (success, wrong_credentials, unverified, limited, shed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const refreshes = new client.Counter({
    name: 'gatehouse_refresh_total',
    help: 'Refresh-token presentations by outcome (rotated, grace_replay, reuse_detected, invalid)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const sessionsRevoked = new client.Counter({
    name: 'gatehouse_sessions_revoked_total',
    help: 'Sessions ended by logout, revocation, password change/reset, reuse detection or deletion',
    registers: [registry],
  });
  const hashQueue = new client.Gauge({
    name: 'gatehouse_password_hash_queue_length',
    help: 'Password hashes waiting for a slot',
    registers: [registry],
  });
  const hashRunning = new client.Gauge({
    name: 'gatehouse_password_hash_running',
    help: 'Password hashes running now',
    registers: [registry],
  });
  const hashWait = new client.Histogram({
    name: 'gatehouse_password_hash_wait_seconds',
    help: 'Time a password hash waited for a slot',
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  const dbPool = new client.Gauge({
    name: 'gatehouse_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = sources.pool?.();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  const dbQueryDuration = new client.Histogram({
    name: 'gatehouse_db_query_duration_seconds',
    help: 'SQL statement latency',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const redisUp = new client.Gauge({
    name: 'gatehouse_redis_up',
    help: '1 while shared state (Redis) is reachable, 0 during an outage; absent without Redis',
    // Not registered without Redis: a label-less gauge would otherwise report 0, i.e. "down".
    registers: options.redis === false ? [] : [registry],
    collect() {
      const up = sources.redisUp?.();
      if (up !== null && up !== undefined) this.set(up ? 1 : 0);
    },
  });
  const sharedStateErrors = new client.Counter({
    name: 'gatehouse_shared_state_errors_total',
    help: 'Rate-limit operations that failed on shared state (Redis) and followed RATE_LIMIT_FAIL_OPEN',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const rateLimited = new client.Counter({
    name: 'gatehouse_rate_limited_total',
    help: 'Requests refused with 429, by limiter (global, login_account, login_address, register, refresh, email_address, email_recipient)',
    labelNames: ['limiter'] as const,
    registers: [registry],
  });

  const mailSent = new client.Counter({
    name: 'gatehouse_mail_sent_total',
    help: 'Mails handed to SMTP (or written as .eml files without SMTP_URL)',
    registers: [registry],
  });
  const mailSendErrors = new client.Counter({
    name: 'gatehouse_mail_send_errors_total',
    help: 'Failed send attempts (each is retried with backoff until MAIL_MAX_ATTEMPTS)',
    registers: [registry],
  });
  const mailFailed = new client.Counter({
    name: 'gatehouse_mail_failed_total',
    help: 'Mails given up after MAIL_MAX_ATTEMPTS failed attempts',
    registers: [registry],
  });
  const mailPending = new client.Gauge({
    name: 'gatehouse_mail_outbox_pending',
    help: 'Mails in the outbox not yet sent nor given up',
    registers: [registry],
    async collect() {
      const pending = await sources.mailPending?.().catch(() => null);
      if (pending !== null && pending !== undefined) this.set(pending);
    },
  });

  const jobQueueDepth = new client.Gauge({
    name: 'gatehouse_job_queue_depth',
    help: 'Jobs waiting in the job queue (created or waiting for a retry), by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const queues = await sources.jobQueues?.().catch(() => null);
      for (const { queue, depth } of queues ?? []) this.set({ queue }, depth);
    },
  });
  const jobQueueOldest = new client.Gauge({
    name: 'gatehouse_job_queue_oldest_age_seconds',
    help: 'Age of the oldest job that is due and not yet taken, by queue (0 when none)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const queues = await sources.jobQueues?.().catch(() => null);
      for (const { queue, oldestSeconds } of queues ?? []) this.set({ queue }, oldestSeconds);
    },
  });
  const jobFailures = new client.Counter({
    name: 'gatehouse_job_failures_total',
    help: 'Failed job attempts by task (each is retried with backoff until its retry limit)',
    labelNames: ['task'] as const,
    registers: [registry],
  });

  const cleanupRuns = new client.Counter({
    name: 'gatehouse_cleanup_runs_total',
    help: 'Scheduled cleanup runs by outcome (ok, skipped = another instance held the lock, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const cleanupDeleted = new client.Counter({
    name: 'gatehouse_cleanup_deleted_rows_total',
    help: 'Rows removed by scheduled cleanup, by table',
    labelNames: ['table'] as const,
    registers: [registry],
  });
  const cleanupLastSuccess = new client.Gauge({
    name: 'gatehouse_cleanup_last_success_timestamp_seconds',
    help: 'Unix time of the last cleanup run this instance completed',
    registers: [registry],
  });

  // Known outcomes start at 0 so that rate() and absent-series alerts work from the first scrape.
  for (const outcome of ['success', 'wrong_credentials', 'unverified']) logins.inc({ outcome }, 0);
  for (const outcome of ['rotated', 'grace_replay', 'reuse_detected', 'invalid'])
    refreshes.inc({ outcome }, 0);
  for (const outcome of ['ok', 'skipped', 'failed']) cleanupRuns.inc({ outcome }, 0);

  return {
    registry,
    sources,
    httpRequests,
    httpDuration,
    logins,
    refreshes,
    sessionsRevoked,
    hashQueue,
    hashRunning,
    hashWait,
    dbPool,
    dbQueryDuration,
    redisUp,
    sharedStateErrors,
    rateLimited,
    cleanupRuns,
    cleanupDeleted,
    cleanupLastSuccess,
    mailSent,
    mailSendErrors,
    mailFailed,
    mailPending,
    jobQueueDepth,
    jobQueueOldest,
    jobFailures,
  };
}
