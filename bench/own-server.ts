import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, spawnNode, waitUntilReady } from './processes.js';

export interface OwnServerOptions {
  adminUrl: string;
  redisUrl: string;
  workDir: string;
  /** Write a V8 CPU profile of the server into this folder on exit. */
  profileDir?: string;
  /** Run the compiled build (dist/) instead of the sources through tsx. */
  useDist: boolean;
  logLevel: string;
  /** The checkout whose src/ (or dist/) runs. */
  root: string;
  /** Settings that override the defaults below. */
  extraEnv?: Record<string, string>;
}

export interface OwnServer {
  base: string;
  database: string;
  metricsToken: string;
  logFile: string;
  databaseUrl: string;
  /** The admin the server created at start (registers the OpenID scenarios' application). */
  admin: { email: string; password: string };
  pid: number;
  stop(): Promise<void>;
}

const UNLIMITED = '1000000000';

/** Production-like settings; rate limits raised so they are paid for but never trigger. */
function serverEnv(port: number, databaseUrl: string, options: OwnServerOptions, prefix: string) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: path.join(options.workDir, 'data'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: prefix,
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64url'),
    METRICS_TOKEN: randomBytes(24).toString('base64url'),
    ADMIN_EMAIL: 'bench-admin@example.com',
    ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    BCRYPT_COST: '12',
    LOG_LEVEL: options.logLevel,
    SLOW_QUERY_MS: '100',
    RATE_LIMIT_GLOBAL_PER_MINUTE: UNLIMITED,
    RATE_LIMIT_REFRESH_PER_MINUTE: UNLIMITED,
    RATE_LIMIT_REGISTER_PER_HOUR: UNLIMITED,
    RATE_LIMIT_LOGIN_ACCOUNT_MAX: UNLIMITED,
    RATE_LIMIT_LOGIN_IP_MAX: UNLIMITED,
    RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: UNLIMITED,
    ...options.extraEnv,
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Gatehouse on a fresh database and Redis prefix; stop() ends it and removes both. */
export async function startOwnServer(options: OwnServerOptions): Promise<OwnServer> {
  const stamp = `${Date.now()}_${randomBytes(3).toString('hex')}`;
  const database = `gh_bench_${stamp}`;
  const prefix = `gh-bench-${stamp}:`;
  const url = new URL(options.adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await adminQuery(options.adminUrl, `create database "${database}"`);
  // Server-side durations of slow statements go to PostgreSQL's log (client timings include waits).
  await adminQuery(
    options.adminUrl,
    `alter database "${database}" set log_min_duration_statement = 100`,
  ).catch(() => undefined);

  const port = await freePort();
  const env = serverEnv(port, databaseUrl, options, prefix);
  const entry = path.join(options.root, 'dist', 'src', 'main.js');
  if (options.useDist && !existsSync(entry)) throw new Error('dist/ missing: run npm run build');
  const args = [
    ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
    ...(options.useDist ? [entry] : ['--import', 'tsx', path.join(options.root, 'src', 'main.ts')]),
  ];
  const logFile = path.join(options.workDir, 'server.log');
  const proc = spawnNode(args, env, logFile, options.root);
  const cleanup = async () => {
    await proc.stop();
    await adminQuery(options.adminUrl, `drop database if exists "${database}" with (force)`);
    await deleteRedisKeys(options.redisUrl, prefix).catch((err) =>
      console.warn(`could not remove Redis keys ${prefix}*: ${err.message}`),
    );
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${base}/health/ready`, proc);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    base,
    database,
    metricsToken: env.METRICS_TOKEN,
    logFile,
    databaseUrl,
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    pid: proc.child.pid!,
    stop: cleanup,
  };
}
