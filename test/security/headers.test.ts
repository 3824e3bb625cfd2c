/**
 * Security headers on every response, HSTS only over HTTPS, and CORS only for CORS_ORIGINS.
 * (ASVS V14.4 HTTP security headers, V14.5 CORS; checklist "XSS" defence in depth.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { WEB_ROOT } from '../../src/http/web.js';
import { newUser, requestFor, securityFixture } from './support/fixture.js';

const f = await securityFixture();
afterAll(() => f.t.close());

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type Res = { statusCode: number; headers: Record<string, unknown> };

function expectBaseHeaders(res: Res, label: string) {
  const h = res.headers;
  expect(h['x-content-type-options'], label).toBe('nosniff');
  expect(h['referrer-policy'], label).toMatch(
    /^(no-referrer|strict-origin-when-cross-origin|same-origin)$/,
  );
  expect(h['x-frame-options'], label).toBe('DENY');
  expect(String(h['content-security-policy']), label).toContain("frame-ancestors 'none'");
  expect(h['x-powered-by'], label).toBeUndefined();
  expect(h['server'], label).toBeUndefined();
  expect(h['strict-transport-security'], `${label}: no HSTS over plain HTTP`).toBeUndefined();
}

/** A CSP that would stop injected script: no inline or eval script, no plugins, no base hijack. */
function expectStrictHtmlCsp(res: Res, label: string) {
  const csp = String(res.headers['content-security-policy']);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  const script = directives['script-src'] ?? directives['default-src'] ?? '';
  expect(script, label).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|http:|https:/);
  expect(directives['object-src'], label).toBe("'none'");
  expect(directives['base-uri'], label).toMatch(/'none'|'self'/);
  expect(directives['frame-ancestors'], label).toBe("'none'");
  expect(directives['default-src'], label).toBeDefined();
}

describe('headers on every response', () => {
  it.each(f.routes.map((r) => [r.key, r] as const))(
    '%s (anonymous and signed in)',
    async (_k, route) => {
      const user = await newUser(f.app);
      for (const headers of [{}, user.auth, f.admin.auth]) {
        const res = await f.app.inject(requestFor(route, user.id, headers));
        expectBaseHeaders(res, `${route.key} → ${res.statusCode}`);
        if (route.url.startsWith('/api/')) expect(res.headers['cache-control']).toMatch(/no-store/);
      }
    },
  );

  it.each([
    ['unknown API route (404)', { method: 'GET', url: '/api/nope' }],
    [
      'malformed JSON (400)',
      {
        method: 'POST',
        url: '/api/auth/login',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'non-JSON body (415)',
      {
        method: 'POST',
        url: '/api/auth/login',
        payload: 'a=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    ],
    [
      'body too large (413)',
      {
        method: 'POST',
        url: '/api/auth/login',
        payload: `{"email":"${'a'.repeat(1_100_000)}"}`,
        headers: { 'content-type': 'application/json' },
      },
    ],
    ['unsupported method (404)', { method: 'PATCH', url: '/api/auth/login' }],
    ['HEAD request', { method: 'HEAD', url: '/health/live' }],
    ['malformed URL encoding (router, 400)', { method: 'GET', url: '/api/users/%E0%A4%A' }],
    [
      'over-long path parameter (router, 404)',
      { method: 'GET', url: `/api/users/${'9'.repeat(300)}` },
    ],
  ])('%s', async (label, request) => {
    const res = await f.app.inject(request as never);
    expectBaseHeaders(res, label);
  });

  it('API docs page: HTML with a strict CSP', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
    expectBaseHeaders(res, 'docs');
    expectStrictHtmlCsp(res, 'docs');
  });

  const hasWeb = existsSync(path.join(WEB_ROOT, 'index.html'));
  it.runIf(hasWeb)('web app pages and assets: strict CSP on HTML, headers on assets', async () => {
    for (const url of ['/', '/login', '/admin/users/1', '/index.html']) {
      const res = await f.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['content-type']), url).toMatch(/text\/html/);
      expectBaseHeaders(res, url);
      expectStrictHtmlCsp(res, url);
    }
    const asset = f.routes.length && (await f.app.inject({ method: 'GET', url: '/favicon.svg' }));
    if (asset && asset.statusCode === 200) expectBaseHeaders(asset, 'favicon');
  });
});

describe('HSTS', () => {
  it('is absent over HTTP, and when X-Forwarded-Proto comes from an untrusted peer', async () => {
    const res = await f.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it.runIf(hasOpenssl())('is sent when the app itself is served over TLS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gh-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    // The real app's router behind a TLS socket: request.protocol is 'https' without any proxy.
    const server = https.createServer(
      {
        key: readFileSync(path.join(dir, 'key.pem')),
        cert: readFileSync(path.join(dir, 'cert.pem')),
      },
      (req, res) => f.app.routing(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
        https
          .get(
            { host: '127.0.0.1', port, path: '/health/live', rejectUnauthorized: false },
            (res) => {
              res.resume();
              resolve(res.headers);
            },
          )
          .on('error', reject);
      });
      expect(String(headers['strict-transport-security'])).toMatch(/max-age=\d{7,}/);
      expect(headers['x-content-type-options']).toBe('nosniff');
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is sent behind a trusted proxy that says HTTPS (TRUST_PROXY)', async () => {
    const proxied = await buildTestApp({ TRUST_PROXY: 'true' });
    try {
      for (const url of ['/health/live', '/api/nope', '/api/users/profile']) {
        const res = await proxied.app.inject({
          method: 'GET',
          url,
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(String(res.headers['strict-transport-security']), url).toMatch(/max-age=\d{7,}/);
      }
      const plain = await proxied.app.inject({ method: 'GET', url: '/health/live' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });
});

describe('CORS', () => {
  const allowed = 'https://app.example.com';
  let cors: TestApp;
  const preflight = (
    app: TestApp['app'],
    origin: string,
    method: string,
    url = '/api/auth/login',
  ) =>
    app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('without CORS_ORIGINS, no origin gets CORS headers', async () => {
    for (const origin of [allowed, 'https://evil.example']) {
      const res = await f.app.inject({
        method: 'GET',
        url: '/api/users/profile',
        headers: { origin },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(f.app, origin, 'POST');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('allows a listed origin with credentials, for every method the API uses', async () => {
    cors = await buildTestApp({ CORS_ORIGINS: `${allowed}, https://admin.example.com` });
    for (const [method, url] of [
      ['POST', '/api/auth/login'],
      ['GET', '/api/users/profile'],
      ['PUT', '/api/users/1'],
      ['DELETE', '/api/auth/sessions/1'],
    ] as const) {
      const res = await preflight(cors.app, allowed, method, url);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe(allowed);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(String(res.headers['access-control-allow-methods']), method).toContain(method);
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain(
        'authorization',
      );
      expect(String(res.headers['vary'])).toMatch(/origin/i);
    }
    const actual = await cors.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: allowed },
    });
    expect(actual.headers['access-control-allow-origin']).toBe(allowed);
    expect(actual.headers['access-control-allow-credentials']).toBe('true');
  });

  it.each([
    'https://evil.example',
    'null',
    'http://app.example.com',
    'https://app.example.com.evil.example',
    'https://evilapp.example.com',
    'https://APP.EXAMPLE.COM.evil.example',
  ])('refuses origin %s: no Access-Control-Allow-Origin, never a wildcard', async (origin) => {
    cors ??= await buildTestApp({ CORS_ORIGINS: allowed });
    const pre = await preflight(cors.app, origin, 'POST');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await cors.app.inject({ method: 'GET', url: '/health/live', headers: { origin } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  afterAll(async () => {
    await cors?.close();
  });
});
