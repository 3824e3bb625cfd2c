import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks, type Report } from '@gatehouse/check';
import { runCli } from '../../src/cli/run.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import {
  PROXY_ADDRESS,
  removeDir,
  selfSignedCertificate,
  startTerminator,
  type Terminator,
} from './terminator.js';

// The conformance pack against real Gatehouse processes behind a local TLS terminator: safe
// settings pass everything; each unsafe setting is caught by its own check and by no other.

const ADMIN = { email: 'check-admin@example.com', password: 'Check-admin-password-1' };
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: TestDatabase;
/** The safe deployment of the first test, reused by the plain-HTTP one. */
let safe: Awaited<ReturnType<typeof deployment>> | undefined;
let tls: ReturnType<typeof selfSignedCertificate>;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  tls = selfSignedCertificate();
});

afterAll(async () => {
  for (const step of cleanups.reverse()) await step().catch(() => undefined);
  await database?.drop();
  if (tls) removeDir(tls.dir);
});

/** The deployment's safe settings, with one instance's public address. */
function safeEnv(publicUrl: string, redisPrefix: string): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    APP_URL: publicUrl,
    TRUST_PROXY: PROXY_ADDRESS,
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // The documented default limit; no slowdown, so the run stays quick.
    RATE_LIMIT_LOGIN_ACCOUNT_MAX: '10',
    RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: '1000',
  };
}

/**
 * Gatehouse instances, each behind its own terminator, started with `env(publicUrl, plainUrl)`: the first
 * terminator is the public address (every instance has it as APP_URL, as behind a load balancer).
 */
async function deployment(
  count: number,
  env: (publicUrl: string, plainUrl: string) => Record<string, string>,
): Promise<{ terminators: Terminator[]; servers: ServerProcess[] }> {
  const terminators = await Promise.all(Array.from({ length: count }, () => startTerminator(tls)));
  const servers = await Promise.all(
    terminators.map(() => spawnServer(env(terminators[0]!.url, terminators[0]!.httpUrl))),
  );
  servers.forEach((s, i) => (terminators[i]!.target = s.port));
  const stop = async () => {
    await Promise.all(terminators.map((t) => t.close()));
    for (const s of servers) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
  };
  cleanups.push(stop);
  return { terminators, servers };
}

function check(terminators: Terminator[], extra: { instances?: boolean } = {}) {
  const [main, ...others] = terminators;
  return runChecks({
    url: main!.url,
    instances: extra.instances ? others.map((t) => t.url) : [],
    ca: tls.cert,
    httpUrl: main!.httpUrl,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    timeoutMs: 15_000,
  });
}

const failed = (report: Report) =>
  report.results.filter((r) => r.status === 'fail').map((r) => r.id);
const describeResults = (report: Report) =>
  report.results.map((r) => `${r.status} ${r.id}: ${r.detail}`).join('\n');

/** The status of a sign-in through a terminator. */
function signIn(url: string, who: { email: string; password: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${url}/api/auth/login`,
      { method: 'POST', ca: tls.cert, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(who));
  });
}

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('gatehouse check against a deployment', () => {
  it('passes every check with safe settings (two instances, shared Redis, TLS, metrics token)', async () => {
    const prefix = `ghcheck:${randomBytes(4).toString('hex')}:`;
    safe = await deployment(2, (url) => safeEnv(url, prefix));
    const { terminators } = safe;
    const junit = path.join(tls.dir, 'report.xml');
    const out = sink();
    const err = sink();
    const code = await runCli(
      [
        'check',
        terminators[0]!.url,
        '--instances',
        terminators[1]!.url,
        '--ca',
        tls.certFile,
        '--http-url',
        terminators[0]!.httpUrl,
        '--admin-email',
        ADMIN.email,
        '--admin-password',
        ADMIN.password,
        '--json',
        '--junit',
        junit,
      ],
      { stdin: process.stdin, stdout: out.stream, stderr: err.stream, env: {} },
    );
    const report = JSON.parse(out.text()) as Report;
    expect(
      report.results.filter((r) => r.status !== 'pass'),
      describeResults(report),
    ).toEqual([]);
    expect(report.results.map((r) => r.group)).toEqual(
      expect.arrayContaining([
        'transport',
        'headers',
        'cookies',
        'tokens',
        'limits',
        'surface',
        'oidc',
      ]),
    );
    expect(report.cleanupErrors).toEqual([]);
    expect(code).toBe(0);
    // It cleaned up: no throwaway account or client is left, and the admin still signs in.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const users = await db.query(`select 1 from users where email like 'gatehouse-check+%'`);
      const clients = await db.query(
        `select 1 from oidc_clients where name like 'gatehouse check%'`,
      );
      expect([users.rowCount, clients.rowCount]).toEqual([0, 0]);
    } finally {
      await db.end();
    }
    expect(await signIn(terminators[0]!.url, ADMIN)).toBe(200);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites [^>]*tests="\d+" failures="0"/);
    expect(xml).not.toContain('<failure');
  }, 120_000);

  it('catches TRUST_PROXY=true (a client picks its own address) with the forwarded-for check only', async () => {
    const prefix = `ghcheck:${randomBytes(4).toString('hex')}:`;
    const { terminators } = await deployment(1, (url) => ({
      ...safeEnv(url, prefix),
      TRUST_PROXY: 'true',
    }));
    const report = await check(terminators);
    expect(failed(report), describeResults(report)).toEqual(['limits.forwarded-for']);
  }, 120_000);

  it('catches public metrics without METRICS_TOKEN with the metrics check only', async () => {
    const prefix = `ghcheck:${randomBytes(4).toString('hex')}:`;
    const { terminators } = await deployment(1, (url) => {
      const { METRICS_TOKEN: _none, ...env } = safeEnv(url, prefix);
      return env;
    });
    const report = await check(terminators);
    expect(failed(report), describeResults(report)).toEqual(['surface.metrics']);
  }, 120_000);

  it('catches two instances without REDIS_URL with the instances check only', async () => {
    const { terminators } = await deployment(2, (url) => {
      const { REDIS_URL: _none, REDIS_KEY_PREFIX: _prefix, ...env } = safeEnv(url, '');
      return env;
    });
    const report = await check(terminators, { instances: true });
    expect(failed(report), describeResults(report)).toEqual(['limits.instances']);
    expect(report.results.find((r) => r.id === 'limits.instances')!.detail).toMatch(
      /each instance counts alone/,
    );
  }, 120_000);

  it('catches an http:// APP_URL with the cookie check only', async () => {
    const prefix = `ghcheck:${randomBytes(4).toString('hex')}:`;
    // The operator wrote http:// for the public address (where the proxy redirects to https://).
    const { terminators } = await deployment(1, (url, plainUrl) => ({
      ...safeEnv(url, prefix),
      APP_URL: plainUrl,
    }));
    const report = await check(terminators);
    expect(failed(report), describeResults(report)).toEqual(['cookies.refresh']);
  }, 120_000);

  it('fails the transport group for a plain http:// URL, and exits 1', async () => {
    const { servers } = safe ?? (await deployment(1, (url) => safeEnv(url, 'ghcheck:plain:')));
    const out = sink();
    const code = await runCli(['check', servers[0]!.url, '--only', 'transport'], {
      stdin: process.stdin,
      stdout: out.stream,
      stderr: sink().stream,
      env: { NO_COLOR: '1' },
    });
    expect(code).toBe(1);
    expect(out.text()).toMatch(/transport\s+HTTPS is used\s+FAIL/);
    expect(out.text()).toContain('docs/operations.md#check-transport');
    expect(out.text()).not.toContain('\x1b[');
    expect(out.text()).toMatch(/0 passed, 0 warnings, 4 failed .* - FAILED\n$/);
  }, 120_000);
});
