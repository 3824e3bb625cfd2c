import { randomBytes } from 'node:crypto';
import { envelope } from '../context.js';
import type { HttpResponse } from '../http.js';
import { fail, pass, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-surface';

/** What must never appear in an error body: stack frames, SQL, file paths. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\bat (file:\/\/|\/|node:)[^\s]*:\d+/],
  [
    'a source path',
    /(\/(home|root|usr|app|srv|opt|var|src|dist)\/[\w./-]+|[A-Z]:\\[\w\\]+)\.(m?js|ts)\b/,
  ],
  ['node_modules', /node_modules/],
  [
    'SQL',
    /\b(select\s[\s\S]{0,80}\sfrom|insert\s+into|update\s+\w+\s+set|syntax error at or near|violates (unique|foreign key|not-null) constraint|relation "\w+")/i,
  ],
  ['a PostgreSQL error code', /\bSQLSTATE\b|"routine"\s*:/],
];

function leakIn(res: HttpResponse): string | null {
  for (const [what, pattern] of LEAKS) if (pattern.test(res.text)) return what;
  return null;
}

export const surfaceChecks: Check[] = [
  {
    group: 'surface',
    id: 'surface.metrics',
    title: '/metrics refuses anonymous scrapes',
    advice:
      'Metrics reveal traffic, user counts and internals to anyone: set METRICS_TOKEN (Prometheus sends it as a Bearer token) or keep /metrics off the public proxy.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch('/metrics', { headers: { accept: 'text/plain' } });
      if (res.status === 200) return fail('GET /metrics without a token answered 200 with metrics');
      return pass(`GET /metrics without a token answered ${res.status}`);
    },
  },
  {
    group: 'surface',
    id: 'surface.openapi',
    title: 'OpenAPI is reachable',
    advice:
      'Client generators and the API reference read /api/openapi.json: let it through the proxy.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch('/api/openapi.json');
      const doc = res.json as { openapi?: unknown; paths?: unknown } | undefined;
      if (res.status !== 200 || typeof doc?.openapi !== 'string')
        return fail(`GET /api/openapi.json answered ${res.status} without an OpenAPI document`);
      return pass(`OpenAPI ${doc.openapi}, ${Object.keys(doc.paths ?? {}).length} paths`);
    },
  },
  {
    group: 'surface',
    id: 'surface.error-leaks',
    title: 'Error bodies leak nothing (stack, SQL, paths)',
    advice:
      'Stack traces, SQL and file paths in errors map the server for an attacker: run with NODE_ENV=production and do not let a proxy replace error pages with its own debug pages.',
    docs: DOCS,
    async run(ctx) {
      const probes: Array<[string, () => Promise<HttpResponse>]> = [
        [
          'malformed JSON',
          () =>
            ctx.fetch('/api/auth/login', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"email": "x',
            }),
        ],
        [
          'wrong types',
          () =>
            ctx.fetch('/api/auth/login', {
              method: 'POST',
              json: { email: ['a'], password: { $gt: '' } },
            }),
        ],
        [
          'a non-numeric id',
          () =>
            ctx.fetch("/api/users/1'%20or%201=1--", { headers: { authorization: 'Bearer a.b.c' } }),
        ],
        [
          'a forged token',
          () =>
            ctx.fetch('/api/users/profile', {
              headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
            }),
        ],
        [
          'not JSON',
          () =>
            ctx.fetch('/api/auth/register', {
              method: 'POST',
              headers: { 'content-type': 'text/xml' },
              body: '<a/>',
            }),
        ],
        ['an unknown route', () => ctx.fetch(`/api/${'x'.repeat(300)}`)],
      ];
      for (const [name, probe] of probes) {
        const res = await probe();
        if (res.status >= 500 && res.status !== 503)
          return fail(`${name} answered ${res.status}: a client's mistake must be a 4xx`);
        const leak = leakIn(res);
        if (leak) return fail(`the answer to ${name} (${res.status}) contains ${leak}`);
      }
      return pass(`${probes.length} malformed requests: 4xx, no stack, SQL or path`);
    },
  },
  {
    group: 'surface',
    id: 'surface.not-found',
    title: 'The unknown-route 404 uses the envelope',
    advice:
      'Clients parse one error shape; a proxy or framework default page breaks them and may leak its version: route all of /api to Gatehouse.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch(`/api/gatehouse-check-${randomBytes(4).toString('hex')}`);
      const body = envelope(res);
      if (res.status !== 404) return fail(`an unknown /api route answered ${res.status}`);
      if (
        body.success !== false ||
        typeof body.code !== 'string' ||
        typeof body.message !== 'string'
      )
        return fail(`the 404 body is not the error envelope: ${res.text.slice(0, 80)}`);
      return pass(`404 ${body.code}`);
    },
  },
];
