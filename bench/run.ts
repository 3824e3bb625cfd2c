import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { registerAccounts, signIn, type Session } from './fixtures.js';
import { oidcChains, registerOidcClient } from './oidc-fixtures.js';
import { bcryptHashMs, bcryptParallelRate, load1, machine } from './machine.js';
import {
  gauge,
  histogramDelta,
  postgresLogFile,
  scrape,
  serverSlowStatements,
  slowStatements,
  statementStats,
} from './metrics.js';
import { startOwnServer, type OwnServer } from './own-server.js';
import { ROOT, startCeiling } from './processes.js';
import { summarise } from './profile-summary.js';
import { startSmtpSink } from './smtp-sink.js';
import { render, table, writeReport } from './report.js';
import {
  OIDC_SCENARIOS,
  runScenario,
  SCENARIOS,
  type OidcContext,
  type ScenarioName,
} from './scenarios.js';
import type { Pass, Row } from './targets.js';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    'metrics-token': { type: 'string', default: process.env.BENCH_METRICS_TOKEN },
    seconds: { type: 'string', default: '10' },
    passes: { type: 'string', default: '3' },
    /** Seconds per scenario of an unrecorded warm-up pass (JIT, caches, pools); 0 skips it. */
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    accounts: { type: 'string', default: '32' },
    sessions: { type: 'string', default: '110' },
    'access-token-ttl': { type: 'string', default: '900' },
    profile: { type: 'boolean', default: false },
    dist: { type: 'boolean', default: false },
    /** Another checkout to run the server from (A/B comparisons of a change). */
    'server-root': { type: 'string' },
    /** Extra server settings, e.g. --set PASSWORD_HASH_MAX_WAIT_MS=250 (recorded in the report). */
    set: { type: 'string', multiple: true, default: [] },
    'log-level': { type: 'string', default: 'info' },
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    out: { type: 'string', default: path.join(ROOT, 'docs', 'benchmarks.md') },
    'no-write': { type: 'boolean', default: false },
  },
});

const seconds = Number(args.seconds);
const HASHING = new Set<ScenarioName>(['burst', 'login', 'register', 'storm']);
const passes = Number(args.passes);
const only = args.only ? (args.only.split(',') as ScenarioName[]) : [...SCENARIOS];
const workDir = mkdtempSync(path.join(tmpdir(), 'gh-bench-'));
const profileDir = args.profile ? path.join(workDir, 'profile') : undefined;
const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const stoppers: Array<() => Promise<void>> = [];

async function stopAll() {
  while (stoppers.length > 0) await stoppers.pop()!().catch((err) => console.error(err));
}
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

/**
 * The OpenID scenarios' application (registered by the server's admin: the own server's, or
 * BENCH_ADMIN_EMAIL/BENCH_ADMIN_PASSWORD with --base) and one grant per session, through the
 * authorization-code flow; ten more grants hold the tokens the introspect scenario asks about.
 */
async function oidcFixtures(
  base: string,
  own: OwnServer | null,
  sessions: Session[],
  concurrency: number,
): Promise<OidcContext> {
  const admin = own?.admin ?? {
    email: process.env.BENCH_ADMIN_EMAIL ?? '',
    password: process.env.BENCH_ADMIN_PASSWORD ?? '',
  };
  const started = Date.now();
  const client = await registerOidcClient(base, admin);
  const granted = await oidcChains(base, client, sessions, concurrency);
  log(
    `OpenID fixtures: ${granted.length} grants in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { client, introspectChains: granted.slice(0, 10), refreshChains: granted.slice(10) };
}

async function main() {
  const m = machine();
  const loadBefore = load1();
  log(`${m.cores} cores, ${m.cpuModel}, Node ${m.node}; load average ${loadBefore.toFixed(2)}`);
  const hashMs = await bcryptHashMs(12);
  const loginCeiling = m.cores / (hashMs / 1000);
  log(
    `bcrypt cost 12: ${hashMs.toFixed(0)} ms per hash → ${loginCeiling.toFixed(1)}/s on ${m.cores} cores in theory`,
  );

  const ceiling = await startCeiling(path.join(workDir, 'ceiling.log'));
  stoppers.push(() => ceiling.proc.stop());
  let own: OwnServer | null = null;
  if (!args.base) {
    const smtp = await startSmtpSink();
    stoppers.push(smtp.stop);
    own = await startOwnServer({
      adminUrl: args['admin-url']!,
      redisUrl: args['redis-url']!,
      workDir,
      profileDir,
      useDist: args.dist!,
      root: args['server-root'] ?? ROOT,
      extraEnv: {
        SMTP_URL: smtp.url,
        ...Object.fromEntries(args.set!.map((kv) => kv.split(/=(.*)/s).slice(0, 2))),
      },
      logLevel: args['log-level']!,
    });
    stoppers.push(() => own!.stop());
    log(`server ${own.base} (pid ${own.pid}), log ${own.logFile}`);
  }
  const base = own?.base ?? args.base!.replace(/\/$/, '');
  const token = own?.metricsToken ?? args['metrics-token'];

  const started = Date.now();
  const concurrency = m.cores * 2;
  const accounts = await registerAccounts(base, Number(args.accounts), concurrency);
  const sessions = await signIn(base, accounts, Number(args.sessions), concurrency);
  log(
    `fixtures: ${accounts.length} accounts, ${sessions.length} sessions in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const oidc = only.some((name) => OIDC_SCENARIOS.has(name))
    ? await oidcFixtures(base, own, sessions, concurrency)
    : undefined;

  const warmup = Number(args.warmup);
  if (warmup > 0) {
    for (const name of only)
      await runScenario(name, {
        base,
        ceilingBase: ceiling.base,
        seconds: warmup,
        accounts,
        sessions,
        oidc,
      });
    log(`warm-up: ${only.length} scenarios × ${warmup} s`);
  }

  const since = Date.now();
  let loadEnd = since;
  const results: Pass[] = [];
  for (let pass = 1; pass <= passes; pass++) {
    const rows: Record<string, Row> = {};
    // The sign-in limit, measured in the same pass as the sign-ins it judges (a shared machine's
    // speed drifts between passes): native bcrypt, one hash per core at once, nothing else running.
    const hashRate = await bcryptParallelRate(12, m.cores);
    log(`pass ${pass}: ${m.cores} bcrypt hashes at once: ${hashRate.toFixed(1)}/s`);
    for (const name of only) {
      const loadNow = load1();
      const before = await scrape(base, token);
      const produced = await runScenario(name, {
        base,
        ceilingBase: ceiling.base,
        seconds,
        accounts,
        sessions,
        oidc,
      });
      loadEnd = Date.now();
      const after = await scrape(base, token);
      const sql = histogramDelta(before, after, 'gatehouse_db_query_duration_seconds');
      for (const [row, result] of Object.entries(produced)) {
        rows[row] = {
          ...result,
          sqlP99AtMostMs: sql.p99AtMostMs,
          sqlCount: sql.count,
          load1: loadNow,
        };
        const r = rows[row]!;
        log(
          `pass ${pass} ${row}: ${r.rps.toFixed(0)} req/s, 2xx ${r.okRps.toFixed(1)}/s, p50 ${r.latency.p50.toFixed(1)} p95 ${r.latency.p95.toFixed(1)} p99 ${r.latency.p99.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}, timeouts ${r.timeouts}`,
        );
      }
      // Let the hashing queue (up to its wait budget, 3 s by default) drain before the next one.
      await new Promise((r) => setTimeout(r, HASHING.has(name) ? 4000 : 1500));
    }
    const metrics = await scrape(base, token);
    const mb = (name: string) => {
      const v = gauge(metrics, name);
      return v === null ? null : v / 2 ** 20;
    };
    results.push({
      rows,
      hashRate,
      rssMb: mb('process_resident_memory_bytes'),
      heapMb: mb('nodejs_heap_size_used_bytes'),
    });
    const fmt = (name: string) => mb(name)?.toFixed(0) ?? '?';
    log(
      `pass ${pass}: RSS ${fmt('process_resident_memory_bytes')} MB, V8 heap ${fmt('nodejs_heap_size_used_bytes')} of ${fmt('nodejs_heap_size_total_bytes')} MB, external ${fmt('nodejs_external_memory_bytes')} MB`,
    );
  }

  const slow = own ? slowStatements(own.logFile, since) : null;
  const statements = own ? await statementStats(own.databaseUrl) : null;
  const pgLog = own ? await postgresLogFile(args['admin-url']!) : null;
  const serverSlow = own && pgLog ? serverSlowStatements(pgLog, own.database, since) : null;
  const stoppedAt = Date.now();
  await stopAll();

  if (profileDir) {
    // The main thread only (thread id 0); the window is the load phase, start-up excluded.
    const window = {
      fromEndSeconds: (stoppedAt - since) / 1000,
      toEndSeconds: (stoppedAt - loadEnd) / 1000,
    };
    for (const file of readdirSync(profileDir).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))) {
      const summary = summarise(path.join(profileDir, file), 30, window);
      writeFileSync(path.join(workDir, `${file}.txt`), summary);
      console.log(`\n${summary}\n\n(profile kept in ${profileDir}; never commit it)`);
    }
  }

  const section = render({
    machine: m,
    mode: own
      ? `own process (${args.dist ? 'dist/src/main.js' : 'tsx src/main.ts'}), NODE_ENV=production, LOG_LEVEL=${args['log-level']}${args.set!.map((kv) => `, ${kv}`).join('')}, fresh PostgreSQL database and Redis prefix`
      : `--base ${base}`,
    seconds,
    warmupSeconds: warmup,
    hashMs,
    loginCeiling,
    accessTokenTtl: Number(args['access-token-ttl']),
    passes: results,
    slow,
    serverSlow,
    statements,
    loadBefore,
    notes:
      loadBefore > 1.5
        ? [`**The machine was busy (load ${loadBefore.toFixed(1)}): figures are lower bounds.**`]
        : [],
  });
  console.log('\n' + table(results.at(-1)!).join('\n'));
  const targets = section.split('### Targets')[1]?.split('### Memory')[0] ?? '';
  console.log(targets.trim());
  if (!args['no-write']) {
    writeReport(args.out!, section);
    log(`wrote ${path.relative(ROOT, args.out!)}`);
  }
  if (!profileDir) rmSync(workDir, { recursive: true, force: true });
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
