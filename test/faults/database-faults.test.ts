import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { api, freePort, spawnServer, type ServerProcess } from '../helpers/process.js';

/**
 * Faults on a PostgreSQL of the test's own (an embedded cluster on a free port), with Gatehouse
 * as a real separate process: outage, recovery, a full pool, kill -9 and SIGTERM.
 */
let pgDir: string;
let pgPort: number;
let database: EmbeddedDatabase;
let server: ServerProcess;
const logger = pino({ level: 'warn' });
const password = 'correct horse battery staple';
let counter = 0;
const email = () => `fault.${Date.now()}.${++counter}@example.com`;

async function startPostgres() {
  database = await startEmbeddedPostgres(pgDir, pgPort, logger);
}

beforeAll(async () => {
  pgDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-faults-'));
  pgPort = await freePort();
  await startPostgres();
  server = await spawnServer({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '4',
    DATABASE_POOL_WAIT_MS: '500',
    DATABASE_STATEMENT_TIMEOUT_MS: '1500',
    SHUTDOWN_TIMEOUT_SECONDS: '3',
  });
}, 120_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await database?.stop();
  rmSync(pgDir, { recursive: true, force: true });
});

describe('database outage', { timeout: 120_000 }, () => {
  it('answers 503 within seconds while the database is down, never crashes, and recovers by itself', async () => {
    const signedUp = await api(server.url, 'POST', '/api/auth/register', {
      email: email(),
      name: 'A',
      password,
    });
    expect(signedUp.status).toBe(201);

    // Load during the outage: a stream of registrations and logins.
    await database.stop();
    const during = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? api(server.url, 'POST', '/api/auth/register', { email: email(), name: 'B', password })
          : api(server.url, 'POST', '/api/auth/login', { email: 'x@example.com', password }),
      ),
    );
    for (const res of during) {
      expect(res.status, res.text).toBe(503);
      expect(res.json.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .+:\d+/);
    }
    expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(5000);
    const ready = await api(server.url, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.json.checks.database).toBe('down');
    expect((await api(server.url, 'GET', '/health/live')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();

    await startPostgres();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      const res = await api(server.url, 'POST', '/api/auth/register', {
        email: email(),
        name: 'C',
        password,
      });
      recovered = res.status === 201;
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    expect((await api(server.url, 'GET', '/health/ready')).status).toBe(200);
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  });

  it('answers 503 fast when the pool is exhausted, not a hang or a 500', async () => {
    // Hold an exclusive lock so every write waits inside the database, pinning all pooled connections.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table users in access exclusive mode');
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          api(server.url, 'POST', '/api/auth/register', { email: email(), name: 'P', password }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(
        statuses.every((s) => s === 503),
        JSON.stringify(statuses),
      ).toBe(true);
      expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(4000);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    expect(
      (await api(server.url, 'POST', '/api/auth/register', { email: email(), name: 'P', password }))
        .status,
    ).toBe(201);
  });
});

describe('process faults', { timeout: 120_000 }, () => {
  it('loses no acknowledged registration on kill -9', async () => {
    const emails = Array.from({ length: 30 }, () => email());
    const pending = emails.map((e, i) =>
      new Promise((r) => setTimeout(r, i * 5)).then(() =>
        api(server.url, 'POST', '/api/auth/register', { email: e, name: 'K', password }).catch(
          () => ({ status: 0 }),
        ),
      ),
    );
    // Killed mid-stream: as soon as the first registration is acknowledged, with more in flight.
    await new Promise<void>((resolve, reject) => {
      for (const p of pending) void p.then((r) => r.status === 201 && resolve());
      setTimeout(() => reject(new Error('no registration was acknowledged')), 10_000);
    });
    server.child.kill('SIGKILL');
    const results = await Promise.all(pending);
    await server.exited;
    const acknowledged = emails.filter((_, i) => results[i]!.status === 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(emails.length); // the kill really cut the stream

    server = await spawnServer({ DATABASE_URL: database.url, SHUTDOWN_TIMEOUT_SECONDS: '3' });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const stored = await client.query<{ email: string }>(
      'select email from users where email = any($1)',
      [acknowledged],
    );
    await client.end();
    expect(stored.rowCount).toBe(acknowledged.length);
  });

  it('finishes in-flight requests on SIGTERM and exits within SHUTDOWN_TIMEOUT_SECONDS despite idle keep-alive clients', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    // An idle keep-alive connection that would hold a naive server open.
    await new Promise<void>((resolve, reject) => {
      request(`${server.url}/health/live`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    // Keep one request provably in flight: its INSERT waits on a lock we hold.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table users in access exclusive mode');
    const inFlight = api(server.url, 'POST', '/api/auth/register', {
      email: email(),
      name: 'S',
      password,
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // Draining: readiness fails while the in-flight request is still running.
    await blocker.query('rollback');
    await blocker.end();
    const res = await inFlight;
    expect(res.status, res.text).toBe(201);
    const code = await server.exited;
    expect(Date.now() - started).toBeLessThan(3000 + 1500);
    expect(code).toBe(0);
    agent.destroy();
    server = await spawnServer({ DATABASE_URL: database.url, REQUEST_TIMEOUT_MS: '1000' });
  });

  it('closes a slow client that never finishes its request body', async () => {
    const net = await import('node:net');
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em',
        );
      });
      socket.on('data', () => undefined);
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('slow client never closed')), 10_000);
    });
    expect(closedAfter).toBeLessThan(5000);
  });
});
