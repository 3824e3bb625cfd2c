import { randomBytes } from 'node:crypto';

export interface Account {
  email: string;
  password: string;
}

export interface Session {
  accessToken: string;
  /** The latest refresh token of the session's chain (advanced by the refresh scenario). */
  refreshToken: string;
  /** Ended by the server (reuse detection after a timed-out request): no longer used. */
  broken?: boolean;
}

/** A run-unique tag, so accounts never collide with an earlier run against the same server. */
export const RUN_ID = randomBytes(4).toString('hex');
export const PASSWORD = `Bench ${RUN_ID} quiet harbour lantern`;

export function accountEmail(kind: string, n: number): string {
  return `bench-${RUN_ID}-${kind}${n}@example.com`;
}

async function post(base: string, path: string, body: unknown) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/** POSTs until the answer is not a shed/limited one (honouring Retry-After). */
async function postPatiently(base: string, path: string, body: unknown, expected: number) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await post(base, path, body);
    if (res.status === expected) return res.body as { data: Record<string, unknown> };
    if (res.status !== 503 && res.status !== 429)
      throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, Number(res.retryAfter ?? 1) * 1000));
  }
  throw new Error(`${path} kept being shed`);
}

/** Runs `work(i)` for i < count with at most `limit` at once. */
async function pooled<T>(count: number, limit: number, work: (i: number) => Promise<T>) {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/** Registers `count` accounts through the API (one bcrypt hash each). */
export async function registerAccounts(base: string, count: number, concurrency: number) {
  return pooled(count, concurrency, async (i) => {
    const account = { email: accountEmail('user', i), password: PASSWORD };
    await postPatiently(base, '/api/auth/register', { ...account, name: `Bench user ${i}` }, 201);
    return account as Account;
  });
}

/** Signs in `count` times round-robin over the accounts: one session (and refresh chain) each. */
export async function signIn(
  base: string,
  accounts: Account[],
  count: number,
  concurrency: number,
) {
  return pooled(count, concurrency, async (i) => {
    const { data } = await postPatiently(
      base,
      '/api/auth/login',
      accounts[i % accounts.length],
      200,
    );
    return {
      accessToken: String(data.access_token),
      refreshToken: String(data.refresh_token),
    } as Session;
  });
}
