import type autocannon from 'autocannon';
import { accountEmail, PASSWORD, type Account, type Session } from './fixtures.js';
import { checkRetryAfter, runLoad, Samples, type LoadResult } from './load.js';
import {
  OIDC_FORM,
  oidcChains,
  refreshChain,
  type OidcChain,
  type OidcClient,
} from './oidc-fixtures.js';

export interface ScenarioContext {
  base: string;
  ceilingBase: string;
  seconds: number;
  accounts: Account[];
  sessions: Session[];
  /** The OpenID scenarios' application and grants (absent without admin credentials). */
  oidc?: OidcContext;
}

export interface OidcContext {
  client: OidcClient;
  /** One refresh chain per token-refresh connection, plus spares. */
  refreshChains: OidcChain[];
  /** Grants whose access tokens the introspect scenario asks about (refreshed before each run). */
  introspectChains: OidcChain[];
}

export const SCENARIOS = [
  'ceiling',
  'read',
  'refresh',
  'burst',
  'login',
  'register',
  'storm',
  'token-refresh',
  'client-credentials',
  'introspect',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** Scenarios of the OpenID provider: they need its fixtures (an application and grants). */
export const OIDC_SCENARIOS = new Set<ScenarioName>([
  'token-refresh',
  'client-credentials',
  'introspect',
]);

const JSON_HEADERS = { 'content-type': 'application/json' };

/** GET /api/users/profile; every connection presents the access token of another session. */
function read(ctx: ScenarioContext, connections: number) {
  const live = ctx.sessions.filter((s) => !s.broken);
  if (live.length === 0) throw new Error('no live session left for the read scenario');
  let next = 0;
  return runLoad({
    base: ctx.base,
    path: '/api/users/profile',
    connections,
    seconds: ctx.seconds,
    setupClient(client) {
      const session = live[next++ % live.length]!;
      client.setHeaders({ authorization: `Bearer ${session.accessToken}` });
    },
  });
}

/** Every connection rotates its own session's refresh token, presenting each successor in turn. */
async function refresh(ctx: ScenarioContext) {
  const live = ctx.sessions.filter((s) => !s.broken);
  const connections = Math.min(100, live.length);
  const spares = live.slice(connections);
  const unanswered = new Set<Session>();
  let next = 0;
  const result = await runLoad({
    base: ctx.base,
    connections,
    seconds: ctx.seconds,
    setupClient(client) {
      // A chain must never be shared: two connections presenting one token would be reuse.
      let chain = live[next++]!;
      const request: autocannon.Request = {
        method: 'POST',
        path: '/api/auth/refresh-token',
        headers: JSON_HEADERS,
        setupRequest: (req) => {
          unanswered.add(chain);
          return { ...req, body: JSON.stringify({ refresh_token: chain.refreshToken }) };
        },
        onResponse(status, body) {
          unanswered.delete(chain);
          if (status === 200) chain.refreshToken = JSON.parse(body).data.refresh_token;
          // A request re-sent after a timeout, past the grace window, counts as reuse and ends
          // the session (as it should): continue on a spare session, reads skip this one.
          if (status === 401) {
            chain.broken = true;
            chain = spares.pop() ?? chain;
          }
        },
      };
      client.setRequests([request]);
    },
  });
  await settle(ctx.base, [...unanswered]);
  return result;
}

/**
 * The run stopped with requests in flight whose answers were dropped: present those tokens again
 * within the grace window, which returns the same successor, so no chain is mistaken for theft.
 */
async function settle(base: string, chains: Session[]) {
  await Promise.all(
    chains.map(async (chain) => {
      const res = await fetch(`${base}/api/auth/refresh-token`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ refresh_token: chain.refreshToken }),
      });
      if (res.ok) chain.refreshToken = ((await res.json()) as RefreshAnswer).data.refresh_token;
      else chain.broken = true;
    }),
  );
}

interface RefreshAnswer {
  data: { refresh_token: string };
}

function oidcOf(ctx: ScenarioContext): OidcContext {
  if (!ctx.oidc)
    throw new Error('the OpenID scenarios need admin credentials (BENCH_ADMIN_EMAIL/PASSWORD)');
  return ctx.oidc;
}

/** The OpenID refresh grant: every connection rotates its own grant's refresh token. */
async function tokenRefresh(ctx: ScenarioContext) {
  const oidc = oidcOf(ctx);
  const { client } = oidc;
  // Grants ended in an earlier run are replaced by new sign-ins, outside the measured window.
  const broken = oidc.refreshChains.filter((c) => c.broken).length;
  const sessions = ctx.sessions.filter((s) => !s.broken).slice(0, broken);
  oidc.refreshChains = [
    ...oidc.refreshChains.filter((c) => !c.broken),
    ...(await oidcChains(ctx.base, client, sessions, 4)),
  ];
  const live = [...oidc.refreshChains];
  const connections = Math.min(100, live.length);
  const spares = live.slice(connections);
  const unanswered = new Set<OidcChain>();
  let next = 0;
  const result = await runLoad({
    base: ctx.base,
    connections,
    seconds: ctx.seconds,
    setupClient(conn) {
      let chain = live[next++]!;
      const request: autocannon.Request = {
        method: 'POST',
        path: '/oidc/token',
        headers: { ...OIDC_FORM, authorization: client.authorization },
        setupRequest: (req) => {
          unanswered.add(chain);
          const body = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: chain.refreshToken,
          });
          return { ...req, body: body.toString() };
        },
        onResponse(status, body) {
          unanswered.delete(chain);
          if (status === 200) {
            const answer = JSON.parse(body) as { refresh_token: string; access_token: string };
            chain.refreshToken = answer.refresh_token;
            chain.accessToken = answer.access_token;
          } else {
            // A used refresh token (a request re-sent after a timeout) ends the grant.
            chain.broken = true;
            chain = spares.pop() ?? chain;
          }
        },
      };
      conn.setRequests([request]);
    },
  });
  // A request cut off by the end of the run may have rotated its token or not: presenting the
  // old token again tells (a rotated one is refused, and that grant is replaced next run).
  await Promise.all([...unanswered].map((chain) => refreshChain(ctx.base, client, chain)));
  return result;
}

/** Service-to-service tokens: one row written per token, like a refresh. */
function clientCredentials(ctx: ScenarioContext) {
  const { client } = oidcOf(ctx);
  return runLoad({
    base: ctx.base,
    connections: 100,
    seconds: ctx.seconds,
    requests: [
      {
        method: 'POST',
        path: '/oidc/token',
        headers: { ...OIDC_FORM, authorization: client.authorization },
        body: 'grant_type=client_credentials',
      },
    ],
  });
}

/** RFC 7662 introspection by a resource server, 100 connections, round-robin over live tokens. */
async function introspect(ctx: ScenarioContext) {
  const { client, introspectChains } = oidcOf(ctx);
  // Fresh access tokens, so none expires during the run.
  await Promise.all(introspectChains.map((chain) => refreshChain(ctx.base, client, chain)));
  const tokens = introspectChains.filter((c) => !c.broken).map((c) => c.accessToken);
  if (tokens.length === 0) throw new Error('no live grant left for the introspect scenario');
  let next = 0;
  let inactive = 0;
  const result = await runLoad({
    base: ctx.base,
    connections: 100,
    seconds: ctx.seconds,
    requests: [
      {
        method: 'POST',
        path: '/oidc/token/introspection',
        headers: { ...OIDC_FORM, authorization: client.authorization },
        setupRequest: (req) => {
          const token = tokens[next++ % tokens.length]!;
          const body = new URLSearchParams({ token, token_type_hint: 'access_token' });
          return { ...req, body: body.toString() };
        },
        onResponse(status, body) {
          if (status === 200 && (JSON.parse(body) as { active?: boolean }).active !== true)
            inactive++;
        },
      },
    ],
  });
  return { ...result, inactiveAnswers: inactive };
}

/** Connections signing in or signing up with no think time: more than bcrypt can serve. */
export const HAMMER_CONNECTIONS = 32;
/** People arriving at the same moment, which the hashing queue must serve without a 503. */
export const BURST_SIZE = 20;

/** Password sign-ins round-robin over the accounts, far more than bcrypt can serve. */
function login(ctx: ScenarioContext, connections: number) {
  const tracker = { missingRetryAfter: 0 };
  let next = 0;
  const request: autocannon.Request = {
    method: 'POST',
    path: '/api/auth/login',
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      const account = ctx.accounts[next++ % ctx.accounts.length]!;
      return { ...req, body: JSON.stringify(account) };
    },
  };
  return runLoad(
    {
      base: ctx.base,
      connections,
      seconds: ctx.seconds,
      requests: [checkRetryAfter(request, () => tracker.missingRetryAfter++)],
    },
    tracker,
  );
}

let registered = 0;

/** New accounts, each with a unique email, far more than bcrypt can serve. */
function register(ctx: ScenarioContext) {
  const tracker = { missingRetryAfter: 0 };
  const request: autocannon.Request = {
    method: 'POST',
    path: '/api/auth/register',
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      const n = registered++;
      const body = { email: accountEmail('new', n), name: `New ${n}`, password: PASSWORD };
      return { ...req, body: JSON.stringify(body) };
    },
  };
  return runLoad(
    {
      base: ctx.base,
      connections: HAMMER_CONNECTIONS,
      seconds: ctx.seconds,
      requests: [checkRetryAfter(request, () => tracker.missingRetryAfter++)],
    },
    tracker,
  );
}

/**
 * Bursts of BURST_SIZE sign-ins sent at the same moment, one burst after the other has been
 * answered and the queue has drained, for the scenario's duration (at least one burst).
 */
async function burst(ctx: ScenarioContext): Promise<LoadResult> {
  const samples = new Samples();
  let missingRetryAfter = 0;
  let next = 0;
  const started = performance.now();
  do {
    await Promise.all(
      Array.from({ length: BURST_SIZE }, async () => {
        const account = ctx.accounts[next++ % ctx.accounts.length]!;
        const sent = performance.now();
        const res = await fetch(`${ctx.base}/api/auth/login`, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify(account),
        });
        await res.arrayBuffer();
        samples.add(res.status, performance.now() - sent);
        if ((res.status === 429 || res.status === 503) && !res.headers.get('retry-after'))
          missingRetryAfter++;
      }),
    );
    await new Promise((r) => setTimeout(r, 1000)); // the queue drains between bursts
  } while (performance.now() - started < ctx.seconds * 1000);
  const seconds = (performance.now() - started) / 1000;
  return samples.result(BURST_SIZE, seconds, { shedWithoutRetryAfter: missingRetryAfter });
}

/**
 * Runs one scenario. `storm` yields three rows: its reads alone first (the unloaded baseline, same
 * 50 connections), then the same reads and the login storm together; the sign-ins alone are the
 * `login` scenario's.
 */
export async function runScenario(
  name: ScenarioName,
  ctx: ScenarioContext,
): Promise<Record<string, LoadResult>> {
  switch (name) {
    case 'ceiling':
      return {
        ceiling: await runLoad({
          base: ctx.ceilingBase,
          connections: 100,
          seconds: ctx.seconds,
        }),
      };
    case 'read':
      return { read: await read(ctx, 100) };
    case 'refresh':
      return { refresh: await refresh(ctx) };
    case 'burst':
      return { burst: await burst(ctx) };
    case 'login':
      return { login: await login(ctx, HAMMER_CONNECTIONS) };
    case 'register':
      return { register: await register(ctx) };
    case 'token-refresh':
      return { 'token-refresh': await tokenRefresh(ctx) };
    case 'client-credentials':
      return { 'client-credentials': await clientCredentials(ctx) };
    case 'introspect':
      return { introspect: await introspect(ctx) };
    case 'storm': {
      const alone = await read(ctx, 50);
      const [reads, logins] = await Promise.all([read(ctx, 50), login(ctx, HAMMER_CONNECTIONS)]);
      return { 'storm-base': alone, 'storm-read': reads, 'storm-login': logins };
    }
  }
}
