import { fail, pass, warn, type Check } from '../types.js';

interface ParsedCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

export function parseSetCookie(line: string): ParsedCookie {
  const [pair = '', ...rest] = line.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const i = part.indexOf('=');
    const key = (i < 0 ? part : part.slice(0, i)).trim().toLowerCase();
    if (key) attributes.set(key, i < 0 ? '' : part.slice(i + 1).trim());
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

export const cookieChecks: Check[] = [
  {
    group: 'cookies',
    id: 'cookies.refresh',
    title: 'Refresh cookie is HttpOnly, Secure, SameSite=Strict, __Host-',
    advice:
      'The refresh cookie is a long-lived session: set APP_URL to the https:// address (Gatehouse then names it __Host- and marks it Secure) so it is never sent in clear or planted by a sibling subdomain.',
    docs: 'docs/operations.md#check-cookies',
    async run(ctx) {
      const account = await ctx.account();
      if (typeof account === 'string') return warn(`not checked: ${account}`);
      const lines = account.login.setCookies;
      // The refresh cookie is the one carrying the refresh token the sign-in returned.
      const cookie = lines
        .map(parseSetCookie)
        .find((c) => account.refreshToken !== '' && c.value === account.refreshToken);
      if (!cookie)
        return fail(
          `the sign-in set no cookie carrying the refresh token (${lines.length} Set-Cookie)`,
        );
      const missing: string[] = [];
      if (!cookie.attributes.has('httponly')) missing.push('HttpOnly');
      if (!cookie.attributes.has('secure')) missing.push('Secure');
      if ((cookie.attributes.get('samesite') ?? '').toLowerCase() !== 'strict')
        missing.push('SameSite=Strict');
      if (!cookie.name.startsWith('__Host-')) missing.push('the __Host- prefix');
      if (missing.length > 0) return fail(`${cookie.name} lacks ${missing.join(', ')}`);
      return pass(
        `${cookie.name}: HttpOnly; Secure; SameSite=Strict; Path=${cookie.attributes.get('path')}`,
      );
    },
  },
];
