/**
 * Checklist: "Error messages don't leak sensitive data".
 * Every route is driven into its error paths and each error body is scanned for stack traces,
 * SQL, file paths, bcrypt hashes, secret column names and tokens; forced internal and database
 * failures answer a generic envelope; the log never records passwords or tokens.
 */
import http from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, GOOD_PASSWORD, login, registerUser, uniqueEmail } from '../helpers/app.js';
import { loggerOptions } from '../../src/http/logging.js';
import { findLeaks } from './support/leaks.js';
import { newUser, securityFixture } from './support/fixture.js';
import { startServer } from '../helpers/server.js';
import { fillPath, sampleBody, stringFields } from './support/routes.js';

const f = await securityFixture();
afterAll(() => f.t.close());

describe('error bodies of every route', () => {
  it.each(f.routes.map((r) => [r.key, r] as const))('%s', async (_k, route) => {
    const user = await newUser(f.app);
    const url = fillPath(route.url, user.id);
    const body = route.body ? sampleBody(route.body, () => uniqueEmail('leak')) : undefined;
    const wrongTypes = Object.fromEntries(
      stringFields(route.body).map((name) => [name, { $gt: '' }]),
    );
    const attempts: { label: string; req: any }[] = [
      { label: 'no token', req: { url, payload: body } },
      {
        label: 'garbage token',
        req: { url, payload: body, headers: { authorization: 'Bearer a.b.c' } },
      },
      { label: 'wrong types', req: { url, payload: wrongTypes, headers: user.auth } },
      { label: 'array body', req: { url, payload: [1, 2], headers: user.auth } },
      {
        label: 'string body',
        req: {
          url,
          payload: '"text"',
          headers: { ...user.auth, 'content-type': 'application/json' },
        },
      },
      {
        label: 'malformed JSON',
        req: {
          url,
          payload: '{"a":',
          headers: { ...user.auth, 'content-type': 'application/json' },
        },
      },
      {
        label: 'bad id',
        req: {
          url: route.url.replace(/:\w+/g, '..%2F..%2Fetc%2Fpasswd'),
          payload: body,
          headers: user.auth,
        },
      },
      {
        label: 'huge id',
        req: {
          url: route.url.replace(/:\w+/g, '9'.repeat(300)),
          payload: body,
          headers: user.auth,
        },
      },
      {
        label: 'bad percent-encoding',
        req: { url: `${url}?q=%E0%A4%A`, payload: body, headers: user.auth },
      },
    ];
    for (const { label, req } of attempts) {
      const res = await f.app.inject({ method: route.method, ...req });
      expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode >= 400 && route.url.startsWith('/api/')) {
        expect(res.json().success, label).toBe(false);
        expect(findLeaks(res.body), `${label}: ${res.body}`).toEqual([]);
      }
    }
  });

  it('unknown routes and methods answer a clean 404 envelope', async () => {
    for (const [method, url] of [
      ['GET', '/api/does-not-exist'],
      ['GET', `/api/users/${'9'.repeat(300)}`],
      ['TRACE', '/api/auth/login'],
      ['PATCH', '/api/auth/sessions'],
      ['GET', '/api/auth/login'],
    ] as const) {
      const res = await f.app.inject({ method: method as 'GET', url });
      expect([404, 405], `${method} ${url}: ${res.body}`).toContain(res.statusCode);
      expect(findLeaks(res.body)).toEqual([]);
    }
  });
});

describe('success bodies', () => {
  it('no GET route returns a password hash, token hash, private key or the raw refresh token', async () => {
    const user = await newUser(f.app);
    const gets = f.routes.filter((r) => r.method === 'GET');
    for (const route of gets) {
      for (const caller of [user, f.admin]) {
        const res = await f.app.inject({
          method: 'GET',
          url: fillPath(route.url, user.id),
          headers: caller.auth,
        });
        const leaks = findLeaks(res.body).filter(
          (l) => l === 'bcrypt hash' || l === 'secret column',
        );
        expect(leaks, `${route.key}: ${res.body.slice(0, 200)}`).toEqual([]);
        expect(res.body, route.key).not.toContain(user.refreshToken);
        expect(res.body, route.key).not.toMatch(/"d"\s*:/);
      }
    }
  });

  it('the JWKS publishes only public key members', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    for (const key of res.json().keys) {
      // Ed25519 (access tokens) and RSA (OpenID ID tokens): public members only.
      const members = key.kty === 'RSA' ? ['e', 'kid', 'kty', 'n'] : ['crv', 'kid', 'kty', 'x'];
      expect(Object.keys(key).sort()).toEqual(expect.arrayContaining(members));
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
        expect(key[secret]).toBeUndefined();
    }
  });
});

describe('raw HTTP (no client-side URL normalisation)', () => {
  it('path traversal and malformed URLs answer a clean 4xx, never a file or a 500', async () => {
    const server = await startServer();
    try {
      for (const path of [
        '/api/%2e%2e/%2e%2e/etc/passwd',
        '/api/../../etc/passwd',
        '/assets/..%2f..%2fpackage.json',
        '/assets/%2e%2e/%2e%2e/package.json',
        '/..%2f..%2f..%2fetc%2fpasswd',
        '/api/users/%E0%A4%A',
        '/api/users/%00',
        `/api/users/${'9'.repeat(500)}`,
      ]) {
        const { status, body, headers } = await rawGet(server.url, path);
        expect(status, `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
        expect(body, path).not.toMatch(/root:x:0:0|"devDependencies"/);
        expect(headers['x-content-type-options'], path).toBe('nosniff');
        if (status >= 400) expect(findLeaks(body), `${path}: ${body}`).toEqual([]);
        if (path.startsWith('/api/')) expect(JSON.parse(body).success, path).toBe(false);
      }
    } finally {
      await server.close();
    }
  });
});

/** A GET whose path is sent byte for byte as given. */
function rawGet(base: string, path: string) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.request({ hostname, port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('forced failures', () => {
  it('an internal error (broken schema) answers a generic 500 with no SQL or stack', async () => {
    const lines: string[] = [];
    const logger = pino(
      loggerOptions('info'),
      new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
    );
    const broken = await buildTestApp({}, { logger });
    try {
      const user = await registerUser(broken.app);
      await sql`alter table audit_events rename to audit_events_gone`.execute(
        broken.app.ctx.database.db,
      );
      const res = await broken.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        success: false,
        code: 'INTERNAL_ERROR',
        message: expect.any(String),
      });
      expect(findLeaks(res.body)).toEqual([]);
      expect(res.body).not.toMatch(/audit_events/);
      // The operator still gets the cause in the log, without the password.
      const log = lines.join('');
      expect(log).toMatch(/audit_events/);
      expect(log).not.toContain(user.password);
    } finally {
      await broken.close();
    }
  });

  it('a database that went away answers 503 with Retry-After and nothing else', async () => {
    const down = await buildTestApp();
    const user = await registerUser(down.app);
    await down.app.ctx.database.pool.end();
    try {
      for (const req of [
        {
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: user.password },
        },
        {
          method: 'POST',
          url: '/api/auth/register',
          payload: { email: uniqueEmail(), name: 'N', password: GOOD_PASSWORD },
        },
      ]) {
        const res = await down.app.inject(req as never);
        expect(res.statusCode, res.body).toBe(503);
        expect(res.headers['retry-after']).toBeDefined();
        expect(findLeaks(res.body)).toEqual([]);
      }
    } finally {
      await down.close().catch(() => undefined);
    }
  });
});

describe('logs', () => {
  it('never contain passwords, refresh tokens, access tokens or Authorization headers', async () => {
    const lines: string[] = [];
    const logger = pino(
      loggerOptions('trace'),
      new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
    );
    const logged = await buildTestApp({}, { logger });
    try {
      const password = 'a very distinctive password 9317';
      const user = await registerUser(logged.app, { password });
      const me = await login(logged.app, user.email, password);
      await logged.app.inject({
        method: 'POST',
        url: '/api/auth/refresh-token',
        payload: { refresh_token: me.refreshToken },
      });
      await logged.app.inject({ method: 'GET', url: '/api/users/profile', headers: me.auth });
      await logged.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: `${password}!` },
      });
      await logged.app.inject({ method: 'GET', url: `/reset-password?token=${me.refreshToken}` });
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(password);
      expect(log).not.toContain(me.refreshToken);
      expect(log).not.toContain(me.accessToken);
      expect(log).not.toMatch(/\$2[aby]\$/);
    } finally {
      await logged.close();
    }
  });
});
