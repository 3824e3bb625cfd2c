import { randomBytes, randomInt } from 'node:crypto';
import { envelope, type Context } from '../context.js';
import { header } from '../http.js';
import { fail, pass, warn, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-limits';

const wrongPassword = () => `wrong-${randomBytes(9).toString('base64url')}`;
/** Documentation addresses (RFC 5737): a forged hop that can never be a real client. */
const forgedAddress = (net: '192.0.2' | '198.51.100') => `${net}.${randomInt(1, 255)}`;

/** Signs the throwaway account in once more (a separate session), with extra headers. */
async function freshSession(
  ctx: Context,
  headers: Record<string, string> = {},
): Promise<{ token: string } | { error: string }> {
  const account = await ctx.account();
  if (typeof account === 'string') return { error: account };
  const res = await ctx.login(account.email, account.password, headers);
  const token = (envelope(res).data as { access_token?: string } | undefined)?.access_token;
  if (res.status !== 200 || !token)
    return { error: `the throwaway sign-in answered ${res.status}` };
  return { token };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const limitChecks: Check[] = [
  {
    group: 'limits',
    id: 'limits.login',
    title: 'The login limit triggers (429 + Retry-After)',
    advice:
      'Without a per-account limit, passwords can be guessed online without end: keep RATE_LIMIT_LOGIN_ACCOUNT_MAX (default 10) and make sure no proxy retries or hides 429 answers.',
    docs: DOCS,
    async run(ctx) {
      // One email nobody owns: unknown accounts are limited exactly like real ones, and no real
      // user's counter is touched.
      const limit = ctx.loginMax;
      for (let attempt = 1; attempt <= limit + 1; attempt++) {
        const res = await ctx.login(ctx.limitEmail, wrongPassword());
        if (res.status === 429) {
          ctx.limitReached = { attempts: attempt, response: res };
          const retryAfter = Number(header(res, 'retry-after'));
          if (!(retryAfter > 0))
            return fail(`429 after ${attempt - 1} failures, without Retry-After`);
          return pass(`429 after ${attempt - 1} failures, Retry-After ${retryAfter} s`);
        }
        if (res.status !== 401)
          return fail(
            `attempt ${attempt} answered ${res.status} ${envelope(res).code ?? ''} instead of 401 or 429`,
          );
      }
      ctx.limitReached = null;
      return fail(
        `still 401 after ${limit + 1} failed sign-ins for one email (documented limit: ${limit}; --login-max if you changed it)`,
      );
    },
  },
  {
    group: 'limits',
    id: 'limits.forwarded-for',
    title: 'A forged X-Forwarded-For does not reset it',
    advice:
      'If the server believes any X-Forwarded-For, every client picks its own address and escapes the per-address limits (and forges audit logs): set TRUST_PROXY to your proxies\u2019 addresses only (never true), and have the edge proxy overwrite or append the header.',
    docs: DOCS,
    async run(ctx) {
      const details: string[] = [];
      if (ctx.limitReached) {
        const res = await ctx.login(ctx.limitEmail, wrongPassword(), {
          'x-forwarded-for': forgedAddress('192.0.2'),
        });
        if (res.status !== 429)
          return fail(
            `with a forged X-Forwarded-For the limited email answered ${res.status}, not 429`,
          );
        details.push('still 429 with a forged hop');
      }
      // The address the server records for a sign-in: the session list shows it.
      const forged = forgedAddress('198.51.100');
      const session = await freshSession(ctx, { 'x-forwarded-for': forged });
      if ('error' in session) return warn(`address not checked: ${session.error}`);
      const { token } = session;
      try {
        const res = await ctx.fetch('/api/auth/sessions', { headers: bearer(token) });
        const sessions = envelope(res).data as
          Array<{ ip?: string; current?: boolean }> | undefined;
        const current = Array.isArray(sessions) ? sessions.find((s) => s.current) : undefined;
        if (!current) return warn(`address not checked: the session list answered ${res.status}`);
        if (current.ip === forged)
          return fail(
            `a sign-in with X-Forwarded-For: ${forged} was recorded from ${forged}: the client chooses its own address`,
          );
        details.push(`a forged hop was ignored (recorded ${current.ip ?? 'no address'})`);
      } finally {
        await ctx.fetch('/api/auth/logout', { method: 'POST', headers: bearer(token), json: {} });
      }
      return pass(details.join('; '));
    },
  },
  {
    group: 'limits',
    id: 'limits.instances',
    title: 'The limit and a logout are shared across instances',
    advice:
      'Instances that count alone multiply every limit by their number, and a logout on one leaves the token working on the others: set REDIS_URL to one Redis shared by every instance.',
    docs: DOCS,
    async run(ctx) {
      if (ctx.instances.length === 0)
        return warn(
          'one instance given: pass --instances URL2 (an instance reached directly) when you run several',
        );
      const details: string[] = [];
      for (const other of ctx.instances) {
        if (ctx.limitReached) {
          const res = await ctx.login(ctx.limitEmail, wrongPassword(), {}, other);
          if (res.status !== 429)
            return fail(
              `${other} answered ${res.status} for an email the first instance limits: each instance counts alone`,
            );
        }
        const session = await freshSession(ctx);
        if ('error' in session) return warn(`logout not checked: ${session.error}`);
        const { token } = session;
        const before = await ctx.fetch('/api/users/profile', { headers: bearer(token) }, other);
        if (before.status !== 200) {
          await ctx.fetch('/api/auth/logout', { method: 'POST', headers: bearer(token), json: {} });
          return fail(
            `${other} refused a token the first instance issued (${before.status}): different keys or database`,
          );
        }
        const logout = await ctx.fetch('/api/auth/logout', {
          method: 'POST',
          headers: bearer(token),
          json: {},
        });
        if (logout.status !== 200) return warn(`logout answered ${logout.status}`);
        let after = await ctx.fetch('/api/users/profile', { headers: bearer(token) }, other);
        // The invalidation travels through Redis: allow it a moment (without it, the other
        // instance keeps its cached session for 30 s).
        if (after.status === 200) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          after = await ctx.fetch('/api/users/profile', { headers: bearer(token) }, other);
        }
        if (after.status !== 401)
          return fail(
            `after a logout on the first instance, ${other} still accepts its token (${after.status})`,
          );
        details.push(`${other}: limit and logout shared`);
      }
      return pass(details.join('; '));
    },
  },
];
