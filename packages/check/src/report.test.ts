import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './checks/cookies.js';
import { decodeJwt, unsignedCopy } from './jwt.js';
import { formatJunit, formatTable } from './report.js';
import type { CheckResult, Report } from './types.js';

const result = (status: CheckResult['status'], id: string, detail: string): CheckResult => ({
  group: id.split('.')[0] as CheckResult['group'],
  id,
  title: `title of ${id}`,
  status,
  detail,
  advice: `advice for ${id}.`,
  docs: 'docs/operations.md#check-surface',
  durationMs: 12,
});

const report: Report = {
  url: 'https://auth.example.com',
  instances: [],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1500,
  results: [
    result('pass', 'surface.openapi', 'OpenAPI 3.0.3'),
    result('warn', 'limits.instances', 'one instance given'),
    result('fail', 'surface.metrics', 'GET /metrics answered 200 <&>'),
  ],
  summary: { pass: 1, warn: 1, fail: 1 },
  cleanupErrors: [],
};

describe('report formats', () => {
  it('prints a table with advice for each warning and failure, coloured only when asked', () => {
    const plain = formatTable(report, false);
    expect(plain).not.toContain('\x1b[');
    expect(plain).toMatch(/surface\s+title of surface.metrics\s+FAIL\s+GET \/metrics/);
    expect(plain).toContain('FAIL surface.metrics: advice for surface.metrics. See docs/');
    expect(plain).toContain('WARN limits.instances');
    expect(plain).not.toContain('PASS surface.openapi:');
    expect(plain.trimEnd().split('\n').at(-1)).toBe(
      'https://auth.example.com: 1 passed, 1 warning, 1 failed (1.5 s) - FAILED',
    );
    expect(formatTable(report, true)).toContain('\x1b[31mFAIL');
  });

  it('writes JUnit XML: a suite per group, a failure per failed check, XML escaped', () => {
    const xml = formatJunit(report);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain('<testsuite name="surface" tests="2" failures="1"');
    expect(xml).toContain('<testsuite name="limits" tests="1" failures="0"');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('&#60;&#38;&#62;');
    expect(xml).not.toContain('<&>');
  });
});

describe('helpers', () => {
  it('parses Set-Cookie attributes case-insensitively', () => {
    const c = parseSetCookie(
      '__Host-gh_refresh=abc=; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    expect(c.name).toBe('__Host-gh_refresh');
    expect(c.value).toBe('abc=');
    expect(c.attributes.get('samesite')).toBe('Strict');
    expect(c.attributes.has('httponly')).toBe(true);
  });

  it('makes an unsigned copy of a token with the same claims', () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${enc({ alg: 'EdDSA', kid: 'k1' })}.${enc({ sub: '1' })}.c2ln`;
    const forged = decodeJwt(`${unsignedCopy(decodeJwt(token))}x`);
    expect(forged.header).toEqual({ alg: 'none', kid: 'k1' });
    expect(forged.payload).toEqual({ sub: '1' });
    expect(() => decodeJwt('a.b')).toThrow(/compact/);
  });
});
