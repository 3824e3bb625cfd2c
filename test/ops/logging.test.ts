import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REFRESH_COOKIE } from '../../src/auth/routes.js';
import { LazyRequestLogger, loggerOptions } from '../../src/http/logging.js';
import { buildTestApp, login, registerUser, type TestApp } from '../helpers/app.js';
import { Capture } from './helpers.js';

// Distinctive secrets: if any of them shows up in the log, something logged a secret.
const SECRET = {
  password: 'Pw-secret-Alpha-7781',
  currentPassword: 'Pw-secret-Bravo-1192',
  newPassword: 'Pw-secret-Charlie-5523',
  token: 'tok-secret-Delta-4410',
  refreshToken: 'rt-secret-Echo-9034',
  bearer: 'bearer-secret-Foxtrot-2267',
  cookie: 'cookie-secret-Golf-6651',
  queryToken: 'query-secret-Hotel-3309',
};

describe('structured logs', () => {
  const captured = new Capture();
  let t: TestApp;
  const log = () => captured.text;
  beforeAll(async () => {
    // Everything, down to trace, goes to the captured stream with the service's own redaction.
    const logger = pino(loggerOptions('trace'), captured);
    t = await buildTestApp({}, { logger });
  });
  afterAll(() => t.close());

  it('never contain a password, token, cookie or Authorization header from any endpoint', async () => {
    const { app } = t;
    const issued: string[] = [];

    // A real account and real tokens, used the way clients use them.
    const user = await registerUser(app, { password: SECRET.password });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: SECRET.newPassword },
    });
    expect(wrong.statusCode).toBe(401);
    const session = await login(app, user.email, SECRET.password);
    issued.push(session.accessToken, session.refreshToken);
    const viaBody = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      payload: { refresh_token: session.refreshToken },
    });
    const next = viaBody.json().data;
    issued.push(next.access_token, next.refresh_token);
    const viaCookie = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh-token',
      headers: {
        cookie: `${REFRESH_COOKIE}=${next.refresh_token}`,
        origin: 'http://localhost:3000',
      },
      payload: { transport: 'cookie' },
    });
    const cookieHeader = String(viaCookie.headers['set-cookie'] ?? '');
    const cookieToken = /gh_refresh=([^;]+)/.exec(cookieHeader)?.[1];
    if (cookieToken) issued.push(cookieToken);
    for (const url of ['/api/users/profile', '/api/auth/sessions'])
      expect((await app.inject({ url, headers: session.auth })).statusCode).toBe(200);
    // Malformed JSON that carries a password, and a too-short one that fails validation.
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"x@example.com","password":"${SECRET.password}"`,
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'short@example.com', name: 'n', password: 'Pw-s' },
    });

    // Then every documented route, with secrets in every place a client might put them.
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    let routes = 0;
    for (const [path, methods] of Object.entries<Record<string, unknown>>(spec.paths)) {
      for (const method of Object.keys(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        routes += 1;
        const url = `${path.replace(/\{[^}]+\}/g, '1')}?token=${SECRET.queryToken}&refresh_token=${SECRET.queryToken}`;
        const hasBody = method !== 'get' && method !== 'delete';
        for (const authorization of [`Bearer ${SECRET.bearer}`, session.auth.authorization]) {
          await app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: {
              authorization,
              cookie: `${REFRESH_COOKIE}=${SECRET.cookie}; other=${SECRET.cookie}`,
              'x-refresh-token': SECRET.refreshToken,
            },
            ...(hasBody
              ? {
                  payload: {
                    email: user.email,
                    name: 'Someone',
                    password: SECRET.password,
                    current_password: SECRET.currentPassword,
                    new_password: SECRET.newPassword,
                    token: SECRET.token,
                    refresh_token: SECRET.refreshToken,
                  },
                }
              : {}),
          });
        }
      }
    }
    expect(routes).toBeGreaterThanOrEqual(10);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.auth,
      payload: { refresh_token: next.refresh_token },
    });
    expect(logout.statusCode).toBeLessThan(500);

    const text = log();
    expect(text.split('\n').length).toBeGreaterThan(routes * 2); // the requests were logged
    for (const [name, secret] of Object.entries(SECRET))
      expect(text.includes(secret), `${name} appears in the log`).toBe(false);
    for (const token of issued)
      expect(text.includes(token), 'an issued token appears in the log').toBe(false);
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/); // nor a bcrypt hash
    expect(text).toContain('[redacted]'); // the query tokens were seen and masked
  });

  it('accepts a well-formed X-Request-Id, echoes it and logs it with the request', async () => {
    const res = await t.app.inject({
      url: '/health/live',
      headers: { 'x-request-id': 'trace-abc.123:xyz' },
    });
    expect(res.headers['x-request-id']).toBe('trace-abc.123:xyz');
    const lines = log()
      .split('\n')
      .filter((l) => l.includes('"reqId":"trace-abc.123:xyz"'));
    // One access-log line per request, written once the response is done.
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30,
      msg: 'request completed',
      method: 'GET',
      url: '/health/live',
      statusCode: 200,
      responseTime: expect.any(Number),
    });
  });

  it('replaces a missing or malformed request id with a fresh one, per request', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const seen = new Set<string>();
    for (const given of [undefined, 'has spaces in it', 'x'.repeat(129), 'semi;colon', '']) {
      const res = await t.app.inject({
        url: '/api/users/profile',
        headers: given === undefined ? {} : { 'x-request-id': given },
      });
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(uuid);
      seen.add(id);
      expect(log()).toContain(`"reqId":"${id}"`);
    }
    expect(seen.size).toBe(5);
    expect(log()).not.toContain('has spaces in it');
  });

  it('binds the request id to what a request logs, creating the child logger only when used', () => {
    const lines = new Capture();
    const root = pino(loggerOptions('info'), lines);
    const childOf = vi.spyOn(root, 'child');
    const log = new LazyRequestLogger(root, { reqId: 'req-42' }, {});
    log.debug('below the level'); // creates it, but writes nothing
    expect(childOf).toHaveBeenCalledTimes(1);
    log.warn({ password: SECRET.password, detail: 'x' }, 'something happened');
    log.error('and again');
    expect(childOf).toHaveBeenCalledTimes(1);
    const written = lines.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ level: 40, reqId: 'req-42', msg: 'something happened' });
    expect(written[0].password).toBe('[redacted]'); // the service's redaction still applies
    expect(written[1]).toMatchObject({ level: 50, reqId: 'req-42', msg: 'and again' });
    expect(new LazyRequestLogger(root, {}, {}).level).toBe('info');
    expect(childOf).toHaveBeenCalledTimes(1); // reading the level created nothing
  });
});
