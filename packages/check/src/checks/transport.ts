import { header } from '../http.js';
import { fail, pass, warn, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-transport';
const HSTS_MIN_SECONDS = 180 * 24 * 3600;

const isHttps = (url: string) => new URL(url).protocol === 'https:';

/** Where plain HTTP of the deployment is: --http-url, else port 80 when HTTPS is on 443. */
function plainHttpUrl(base: string, explicit: string | undefined): string | null {
  if (explicit) return explicit.replace(/\/+$/, '');
  const url = new URL(base);
  if (url.port !== '') return null;
  url.protocol = 'http:';
  return url.href.replace(/\/+$/, '');
}

export const transportChecks: Check[] = [
  {
    group: 'transport',
    id: 'transport.https',
    title: 'HTTPS is used',
    advice:
      'Tokens, passwords and cookies cross this connection: terminate TLS in front of Gatehouse and set APP_URL to the https:// address.',
    docs: DOCS,
    async run(ctx) {
      if (!isHttps(ctx.base)) return fail(`${ctx.base} is plain HTTP`);
      const res = await ctx.fetch('/health/live');
      return res.status === 200
        ? pass('TLS handshake verified, /health/live answered 200')
        : fail(`/health/live answered ${res.status} over HTTPS`);
    },
  },
  {
    group: 'transport',
    id: 'transport.http-redirect',
    title: 'Plain HTTP redirects to HTTPS',
    advice:
      'A link or a typed address without https:// must not serve the app in clear: make the proxy answer plain HTTP with a 301/308 to https://.',
    docs: DOCS,
    async run(ctx) {
      if (!isHttps(ctx.base)) return fail('the deployment itself is served over plain HTTP');
      const target = plainHttpUrl(ctx.base, ctx.options.httpUrl);
      if (!target)
        return warn('HTTPS is on a non-default port: give --http-url to say where plain HTTP is');
      let res;
      try {
        res = await ctx.fetch('/api/openapi.json', {}, target);
      } catch (err) {
        // Nothing listening on plain HTTP serves nothing in clear: fine, but browsers get no redirect.
        return warn(
          `${target} does not answer (${(err as Error).message}); a redirect helps users who type the address`,
        );
      }
      const location = header(res, 'location');
      if ([301, 302, 303, 307, 308].includes(res.status) && location.startsWith('https://'))
        return pass(`${target} answers ${res.status} to ${location}`);
      return fail(
        `${target} answered ${res.status}${location ? ` to ${location}` : ''} instead of a redirect to https://`,
      );
    },
  },
  {
    group: 'transport',
    id: 'transport.hsts',
    title: 'HSTS is sent',
    advice:
      'Without Strict-Transport-Security a network attacker can downgrade the first visit to HTTP: make sure the proxy sends X-Forwarded-Proto and is listed in TRUST_PROXY (Gatehouse then sends HSTS), or add the header at the proxy.',
    docs: DOCS,
    async run(ctx) {
      if (!isHttps(ctx.base)) return fail('no HSTS over plain HTTP');
      const res = await ctx.fetch('/health/live');
      const hsts = header(res, 'strict-transport-security');
      if (!hsts) return fail('no Strict-Transport-Security header');
      const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
      if (maxAge < HSTS_MIN_SECONDS)
        return warn(`Strict-Transport-Security: ${hsts} (max-age under 180 days)`);
      return pass(`Strict-Transport-Security: ${hsts}`);
    },
  },
  {
    group: 'transport',
    id: 'transport.certificate',
    title: 'TLS certificate dates are valid',
    advice:
      'An expired certificate locks every user out and trains them to click through warnings: renew it automatically (ACME) well before it expires.',
    docs: DOCS,
    async run(ctx) {
      if (!isHttps(ctx.base)) return fail('no certificate: plain HTTP');
      const res = await ctx.fetch('/health/live');
      const cert = res.certificate;
      if (!cert) return fail('the server presented no certificate');
      const now = Date.now();
      if (cert.validFrom.getTime() > now)
        return fail(`not valid before ${cert.validFrom.toISOString()}`);
      if (cert.validTo.getTime() <= now) return fail(`expired ${cert.validTo.toISOString()}`);
      const days = Math.floor((cert.validTo.getTime() - now) / 86_400_000);
      if (days < 14) return warn(`expires in ${days} days (${cert.validTo.toISOString()})`);
      return pass(`valid until ${cert.validTo.toISOString()} (${days} days)`);
    },
  },
];
