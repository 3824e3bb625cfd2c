import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import pg from 'pg';
import { inject } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { TEST_ENV } from '../helpers/env.js';

export const PROJECT_DIR = path.resolve(import.meta.dirname, '../..');

/** A Writable that keeps everything written to it. */
export class Capture extends Writable {
  text = '';
  constructor(private readonly onText?: (text: string) => void) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    this.onText?.(chunk.toString());
    done();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment of a CLI run against this database (secrets and fast bcrypt from TEST_ENV). */
export function cliEnv(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}) {
  return { ...TEST_ENV, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...extra };
}

/** runCli in this process with captured output; `stdin` is piped text (no terminal). */
export async function cli(
  argv: string[],
  env: Record<string, string>,
  options: { stdin?: string | Readable } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin =
    typeof options.stdin === 'string'
      ? Readable.from([options.stdin])
      : (options.stdin ?? Readable.from([]));
  const io: CliIo = { stdin, stdout, stderr, env };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A stdin that claims to be a terminal (raw mode is recorded, not applied). */
export function fakeTerminal(): PassThrough & {
  isTTY: boolean;
  setRawMode(mode: boolean): void;
  rawModes: boolean[];
} {
  const stream = new PassThrough() as PassThrough & {
    isTTY: boolean;
    setRawMode(mode: boolean): void;
    rawModes: boolean[];
  };
  stream.isTTY = true;
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => void stream.rawModes.push(mode);
  return stream;
}

/** The real command in a child process: `node --import tsx src/cli/main.ts …` or `node bin/gatehouse.js …`. */
export function spawnCli(
  argv: string[],
  env: Record<string, string>,
  options: { stdin?: string; viaBin?: boolean } = {},
): Promise<CliRun> {
  const entry = options.viaBin ? ['bin/gatehouse.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
  const child = spawn(process.execPath, [...entry, ...argv], {
    cwd: PROJECT_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A brand-new, unmigrated database (named so the run's teardown drops leftovers); `options` are
 * CREATE DATABASE's (template, locale).
 */
export async function createEmptyDatabase(
  options = '',
): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('testServerUrl');
  const name = `gh_t_${process.ppid}_e${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} ${options}`).finally(() => admin.end());
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client
        .query(`drop database if exists ${name} with (force)`)
        .finally(() => client.end());
    },
  };
}

/** A temporary DATA_DIR; remove() deletes it. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-ops-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs SQL on the database at url with a short-lived client. */
export async function query<R extends pg.QueryResultRow = any>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Parses Prometheus text into `name{labels}` → value (labels as written by prom-client). */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}
