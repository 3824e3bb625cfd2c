import { header } from '../http.js';
import { fail, pass, warn, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-headers';
/** An origin nobody owns (RFC 2606), so an allowed answer can only come from a wildcard or reflection. */
export const FOREIGN_ORIGIN = 'https://gatehouse-check.invalid';

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

export const headerChecks: Check[] = [
  {
    group: 'headers',
    id: 'headers.csp',
    title: 'CSP on the app',
    advice:
      'A strict Content-Security-Policy stops injected script from stealing tokens: do not let the proxy drop or replace the one Gatehouse sends.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch('/', { headers: { accept: 'text/html' } });
      const csp = header(res, 'content-security-policy');
      if (!csp) return fail(`GET / (${res.status}) has no Content-Security-Policy`);
      const d = directives(csp);
      const script = d.get('script-src') ?? d.get('default-src');
      if (script === undefined) return fail(`no script-src or default-src in: ${csp}`);
      if (/'unsafe-inline'|'unsafe-eval'|\*/.test(script))
        return fail(`script-src allows inline, eval or any host: ${script}`);
      if (!d.has('frame-ancestors')) return warn('no frame-ancestors directive');
      return pass(`script-src ${script}; frame-ancestors ${d.get('frame-ancestors')}`);
    },
  },
  {
    group: 'headers',
    id: 'headers.nosniff',
    title: 'X-Content-Type-Options: nosniff',
    advice:
      'Without nosniff a browser may run an uploaded or JSON body as script: do not let the proxy strip it.',
    docs: DOCS,
    async run(ctx) {
      const paths = ['/', '/api/openapi.json', '/health/live'];
      for (const path of paths) {
        const res = await ctx.fetch(path);
        if (header(res, 'x-content-type-options').toLowerCase() !== 'nosniff')
          return fail(`${path} has no X-Content-Type-Options: nosniff`);
      }
      return pass(`nosniff on ${paths.join(', ')}`);
    },
  },
  {
    group: 'headers',
    id: 'headers.frame-options',
    title: 'Frame options',
    advice:
      'Pages that can be framed by another site invite clickjacking of the sign-in and consent screens: keep X-Frame-Options DENY and frame-ancestors from Gatehouse.',
    docs: DOCS,
    async run(ctx) {
      const res = await ctx.fetch('/', { headers: { accept: 'text/html' } });
      const xfo = header(res, 'x-frame-options').toUpperCase();
      const ancestors = directives(header(res, 'content-security-policy')).get('frame-ancestors');
      const xfoOk = xfo === 'DENY' || xfo === 'SAMEORIGIN';
      const ancestorsOk = ancestors === "'none'" || ancestors === "'self'";
      if (xfoOk && ancestorsOk) return pass(`X-Frame-Options ${xfo}, frame-ancestors ${ancestors}`);
      if (xfoOk || ancestorsOk)
        return warn(
          `only one of X-Frame-Options (${xfo || 'absent'}) and frame-ancestors (${ancestors ?? 'absent'})`,
        );
      return fail('neither X-Frame-Options nor CSP frame-ancestors');
    },
  },
  {
    group: 'headers',
    id: 'headers.server',
    title: 'No Server or version leak',
    advice:
      'Version banners tell attackers which exploits to try: turn them off at the proxy (nginx: server_tokens off) and do not add X-Powered-By.',
    docs: DOCS,
    async run(ctx) {
      const leaks: string[] = [];
      for (const path of ['/', '/api/openapi.json', '/api/gatehouse-check-unknown']) {
        const res = await ctx.fetch(path);
        const server = header(res, 'server');
        if (/\d/.test(server)) leaks.push(`Server: ${server} (${path})`);
        for (const name of ['x-powered-by', 'x-aspnet-version', 'x-runtime-version']) {
          const value = header(res, name);
          if (value) leaks.push(`${name}: ${value} (${path})`);
        }
      }
      if (leaks.length > 0) return fail([...new Set(leaks)].join('; '));
      return pass('no version in Server, no X-Powered-By');
    },
  },
  {
    group: 'headers',
    id: 'headers.cors',
    title: 'CORS refuses a foreign origin',
    advice:
      'An API that answers any origin with credentials lets every website act as the signed-in user: list only your own front ends in CORS_ORIGINS, never *.',
    docs: DOCS,
    async run(ctx) {
      const preflight = await ctx.fetch('/api/users/profile', {
        method: 'OPTIONS',
        headers: {
          origin: FOREIGN_ORIGIN,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      const simple = await ctx.fetch('/api/users/profile', { headers: { origin: FOREIGN_ORIGIN } });
      for (const [what, res] of [
        ['preflight', preflight],
        ['GET', simple],
      ] as const) {
        const allowed = header(res, 'access-control-allow-origin');
        if (allowed === FOREIGN_ORIGIN || allowed === '*')
          return fail(`${what} from ${FOREIGN_ORIGIN} got Access-Control-Allow-Origin: ${allowed}`);
      }
      return pass(`no Access-Control-Allow-Origin for ${FOREIGN_ORIGIN}`);
    },
  },
];
