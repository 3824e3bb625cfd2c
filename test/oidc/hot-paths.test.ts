import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { signUp, type SignedIn } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { eventually } from '../email/smtp-sink.js';
import { cli, cliEnv } from '../ops/helpers.js';
import { buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';
import {
  authorize,
  basicAuth,
  createClient,
  pkce,
  postForm,
  type RegisteredClient,
} from './support.js';

// Instances keep the clients they read (every token and introspection request reads one); a
// change made on one instance, or by the CLI, must reach every other instance's copy at once.
const redis = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `client-cache-${randomBytes(4).toString('hex')}:`,
};
let a: Awaited<ReturnType<typeof buildAppWithAdmin>>;
let b: App;
let admin: SignedIn;

beforeAll(async () => {
  a = await buildAppWithAdmin(redis);
  b = await buildApp(
    loadConfig({ ...TEST_ENV, ...redis, DATABASE_URL: a.databaseUrl, DATA_DIR: a.dataDir }),
  );
  await b.ready();
  admin = await loginAdmin(a);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function serviceClient(): Promise<RegisteredClient> {
  return createClient(a.app, admin, {
    name: 'Reports',
    redirect_uris: ['https://reports.example.com/cb'],
    grant_types: ['client_credentials'],
  });
}

const credentialsGrant = (app: App, client: RegisteredClient) =>
  postForm(
    app,
    '/oidc/token',
    { grant_type: 'client_credentials' },
    { authorization: basicAuth(client.client_id, client.client_secret!) },
  );

/**
 * The status the client gets at `app` once the invalidation has arrived there. Redis pub/sub
 * delivers to other processes within milliseconds, not synchronously with the change: bounded
 * at 2 s here, far below the 30 s an entry would otherwise live.
 */
async function reaches(app: App, client: RegisteredClient, status: number) {
  return eventually(
    async () => {
      const res = await credentialsGrant(app, client);
      return res.statusCode === status ? res : null;
    },
    2000,
    `status ${status}`,
  );
}

describe('the clients every instance keeps in memory', () => {
  it('are read once, then served without the database', async () => {
    const client = await serviceClient();
    expect((await credentialsGrant(b, client)).statusCode).toBe(200);
    // The row changes behind the cache's back (no invalidation): the copy is still used, which
    // is what makes the invalidation tests below able to fail.
    await query(a, `update oidc_clients set name = 'Renamed' where client_id = $1`, [
      client.client_id,
    ]);
    await query(a, `delete from oidc_clients where client_id = $1`, [client.client_id]);
    expect((await credentialsGrant(b, client)).statusCode).toBe(200);
  });

  it('forget a client deleted on another instance as soon as Redis delivers the change', async () => {
    const client = await serviceClient();
    expect((await credentialsGrant(b, client)).statusCode).toBe(200);
    const deleted = await a.app.inject({
      method: 'DELETE',
      url: `/api/admin/clients/${client.client_id}`,
      headers: admin.auth,
    });
    expect(deleted.statusCode).toBe(200);
    expect((await credentialsGrant(a.app, client)).statusCode).toBe(401);
    await reaches(b, client, 401);
  });

  it('see a change of grant types made on another instance as soon as Redis delivers it', async () => {
    const client = await serviceClient();
    expect((await credentialsGrant(b, client)).statusCode).toBe(200);
    const updated = await a.app.inject({
      method: 'PUT',
      url: `/api/admin/clients/${client.client_id}`,
      headers: admin.auth,
      payload: { grant_types: ['authorization_code'] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const refused = await reaches(b, client, 400);
    expect(refused.json().error_description).toMatch(/grant type is not allowed/);
  });

  it('forget a client the CLI deleted, through Redis', async () => {
    const client = await serviceClient();
    expect((await credentialsGrant(a.app, client)).statusCode).toBe(200);
    expect((await credentialsGrant(b, client)).statusCode).toBe(200);
    const run = await cli(
      ['clients', 'delete', client.client_id],
      cliEnv(a.databaseUrl, a.dataDir, redis),
    );
    expect(run.code, run.stderr).toBe(0);
    await reaches(a.app, client, 401);
    await reaches(b, client, 401);
  });
});

/** Statements the app has sent so far (its own query histogram). */
async function statementCount(app: App): Promise<number> {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  const line = res.body
    .split('\n')
    .find((l) => l.startsWith('gatehouse_db_query_duration_seconds_count'));
  return Number(line?.split(' ')[1]);
}

describe('introspection and revocation', () => {
  it('read a token as every token model, and its grant, in one statement', async () => {
    const client = await serviceClient();
    const issued = await credentialsGrant(b, client);
    const token = issued.json().access_token as string;
    const introspect = (hint?: string) =>
      postForm(
        b,
        '/oidc/token/introspection',
        { token, ...(hint ? { token_type_hint: hint } : {}) },
        { authorization: basicAuth(client.client_id, client.client_secret!) },
      );
    expect((await introspect()).json().active).toBe(true); // the client is now cached
    // A scrape may itself run statements (gauges read from the database): count them first.
    const s0 = await statementCount(b);
    const s1 = await statementCount(b);
    const scrape = s1 - s0;
    let last = s1;
    for (const hint of [undefined, 'access_token', 'refresh_token']) {
      const answer = await introspect(hint);
      expect(answer.json().active).toBe(true);
      const now = await statementCount(b);
      expect(now - last - scrape, `statements with hint ${hint}`).toBe(1);
      last = now;
    }
  });

  it('answer inactive for a token revoked by an earlier request', async () => {
    const client = await serviceClient();
    const auth = { authorization: basicAuth(client.client_id, client.client_secret!) };
    const token = (await credentialsGrant(b, client)).json().access_token as string;
    const revoked = await postForm(b, '/oidc/token/revocation', { token }, auth);
    expect(revoked.statusCode).toBe(200);
    const answer = await postForm(b, '/oidc/token/introspection', { token }, auth);
    expect(answer.json().active).toBe(false);
  });
});

describe('the client credentials grant', () => {
  it('stores the token and its audit event in one statement', async () => {
    const client = await serviceClient();
    expect((await credentialsGrant(b, client)).statusCode).toBe(200); // the client is now cached
    const s0 = await statementCount(b);
    const scrape = (await statementCount(b)) - s0;
    const before = await statementCount(b);
    const issued = await credentialsGrant(b, client);
    expect(issued.statusCode).toBe(200);
    expect((await statementCount(b)) - before - scrape).toBe(1);

    const events = await query(
      a,
      `select user_id, details from audit_events
        where type = 'oidc.tokens_issued' and details->>'client_id' = $1`,
      [client.client_id],
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      user_id: null,
      details: { client_id: client.client_id, grant_type: 'client_credentials' },
    });
  });
});

/**
 * The text of every statement the process sends while `run` runs and for a while after it (a
 * write left running after the answer would show up there too).
 */
async function statementsOf(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const text = args[0] as string | { text?: string };
    seen.push((typeof text === 'string' ? text : (text.text ?? '')).replace(/\s+/g, ' '));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof original;
  try {
    await run();
    await sleep(300);
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

describe('the authorization code and refresh grants', () => {
  it('store the access token and its audit event in one statement', async () => {
    const REDIRECT = 'https://notes.example.com/cb';
    const client = await createClient(a.app, admin, { name: 'Notes', redirect_uris: [REDIRECT] });
    const auth = { authorization: basicAuth(client.client_id, client.client_secret!) };
    const user = await signUp(a.app);
    const { verifier, challenge } = pkce();
    const location = await authorize(a.app, user, {
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid offline_access',
      prompt: 'consent',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    let refreshToken = '';
    const grants: Array<Record<string, string>> = [
      {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      },
      { grant_type: 'refresh_token' },
    ];
    for (const form of grants) {
      const statements = await statementsOf(async () => {
        const body =
          form.grant_type === 'refresh_token' ? { ...form, refresh_token: refreshToken } : form;
        const res = await postForm(a.app, '/oidc/token', body, auth);
        expect(res.statusCode, res.body).toBe(200);
        refreshToken = res.json().refresh_token;
      });
      const audits = statements.filter((s) => s.includes('insert into "audit_events"'));
      expect(audits, form.grant_type).toHaveLength(1);
      expect(audits[0], form.grant_type).toMatch(/insert into "oidc_payloads"/);
    }

    const events = await query(
      a,
      `select user_id, details from audit_events
        where type = 'oidc.tokens_issued' and details->>'client_id' = $1 order by id`,
      [client.client_id],
    );
    expect(events).toEqual([
      {
        user_id: user.id,
        details: { client_id: client.client_id, grant_type: 'authorization_code' },
      },
      { user_id: user.id, details: { client_id: client.client_id, grant_type: 'refresh_token' } },
    ]);
  });
});
