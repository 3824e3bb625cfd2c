/**
 * Checklist: "XSS vulnerability scanning completed".
 * Stored payloads (names, user agents, emails) come back verbatim inside JSON, served as
 * application/json with nosniff and a `default-src 'none'` CSP, never as HTML; nothing the
 * client sends is reflected into an HTML page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, login, uniqueEmail } from '../helpers/app.js';
import { securityFixture } from './support/fixture.js';

export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">',
  '{{constructor.constructor("alert(1)")()}}',
  '</script><script>alert(1)</script>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '&lt;b&gt;escaped&lt;/b&gt; & "quotes" \u2018curly\u2019',
];

const f = await securityFixture();
afterAll(() => f.t.close());
const routeExists = (key: string) => f.routes.some((r) => r.key === key);

type Res = { statusCode: number; body: string; headers: Record<string, unknown> };
function expectJsonNotHtml(res: Res, label: string) {
  expect(String(res.headers['content-type']), label).toMatch(/^application\/json/);
  expect(res.headers['x-content-type-options'], label).toBe('nosniff');
  expect(String(res.headers['content-security-policy']), label).toMatch(/default-src 'none'/);
  expect(() => JSON.parse(res.body), label).not.toThrow();
}

describe('stored XSS payloads come back verbatim as JSON', () => {
  it.each(XSS_PAYLOADS.map((p) => [p]))('%s', async (payload) => {
    const email = uniqueEmail('xss');
    const reg = await f.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, name: payload, password: GOOD_PASSWORD },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expectJsonNotHtml(reg, 'register');
    expect(reg.json().data.name).toBe(payload);

    // The user agent is stored with the session and shown in session lists, exports and audits.
    const me = await login(f.app, email, GOOD_PASSWORD, { 'user-agent': payload });
    const reads: [string, string, Record<string, string>][] = [
      ['profile', '/api/users/profile', me.auth],
      ['sessions', '/api/auth/sessions', me.auth],
    ];
    if (routeExists('GET /api/users/:id')) reads.push(['user', `/api/users/${me.id}`, me.auth]);
    if (routeExists('GET /api/users/:id/export'))
      reads.push(['export', `/api/users/${me.id}/export`, me.auth]);
    if (routeExists('GET /api/users/:id/audit'))
      reads.push(['audit', `/api/users/${me.id}/audit`, me.auth]);
    if (routeExists('GET /api/users'))
      reads.push(['admin list', `/api/users?search=${encodeURIComponent(email)}`, f.admin.auth]);

    for (const [label, url, headers] of reads) {
      // A browser navigating to the URL asks for HTML: it still gets JSON.
      const res = await f.app.inject({
        method: 'GET',
        url,
        headers: { ...headers, accept: 'text/html,application/xhtml+xml' },
      });
      expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
      expectJsonNotHtml(res, label);
      const text = JSON.stringify(res.json());
      expect(text, label).toContain(JSON.stringify(payload).slice(1, -1));
    }
    const sessions = await f.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: me.auth,
    });
    expect(sessions.json().data.some((s: { user_agent: string }) => s.user_agent === payload)).toBe(
      true,
    );
  });
});

describe('nothing is reflected into HTML', () => {
  it.each([
    '/api/%3Cscript%3Ealert(1)%3C/script%3E',
    '/api/users/%3Cimg%20src=x%20onerror=alert(1)%3E',
    '/%3Cscript%3Ealert(1)%3C/script%3E',
    '/login?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
    '/reset-password?token=%3Cscript%3Ealert(1)%3C/script%3E',
  ])('%s', async (url) => {
    const res = await f.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('onerror=alert');
    if (url.startsWith('/api/')) expectJsonNotHtml(res, url);
    else if (String(res.headers['content-type']).startsWith('text/html'))
      expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });

  it('validation errors do not echo the submitted value', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: '<script>alert(1)</script>', name: 'x', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>');
  });
});
