import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';

export type Scrape = string;

/** The server's Prometheus text (empty when /metrics is unreachable or refused). */
export async function scrape(base: string, token?: string): Promise<Scrape> {
  try {
    const res = await fetch(`${base}/metrics`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}

/** The value of an unlabelled sample, e.g. process_resident_memory_bytes. */
export function gauge(text: Scrape, name: string): number | null {
  const match = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

/** Cumulative bucket counts of an unlabelled histogram, by upper bound in seconds. */
export function buckets(text: Scrape, name: string): Map<number, number> {
  const result = new Map<number, number>();
  const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} ([0-9.e+-]+)`, 'gm');
  for (const match of text.matchAll(re)) {
    result.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
  }
  return result;
}

export interface HistogramDelta {
  count: number;
  /** Upper bound (ms) of the bucket holding the 99th percentile; Infinity past the last bucket. */
  p99AtMostMs: number;
}

/** What a histogram recorded between two scrapes. */
export function histogramDelta(before: Scrape, after: Scrape, name: string): HistogramDelta {
  const a = buckets(before, name);
  const b = buckets(after, name);
  const bounds = [...b.keys()].sort((x, y) => x - y);
  const delta = bounds.map((le) => [le, (b.get(le) ?? 0) - (a.get(le) ?? 0)] as const);
  const count = delta.at(-1)?.[1] ?? 0;
  const wanted = Math.ceil(count * 0.99);
  const bucket = delta.find(([, n]) => n >= wanted);
  return { count, p99AtMostMs: count === 0 || !bucket ? 0 : bucket[0] * 1000 };
}

export interface SlowStatement {
  sql: string;
  count: number;
  maxMs: number;
}

/** Statements the server logged as slower than SLOW_QUERY_MS since `sinceMs`, slowest first. */
export function slowStatements(logFile: string, sinceMs: number): SlowStatement[] {
  const bySql = new Map<string, SlowStatement>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"slow query"')) continue;
    try {
      const entry = JSON.parse(line) as { time: number; sql: string; durationMs: number };
      if (entry.time < sinceMs) continue;
      const item = bySql.get(entry.sql) ?? { sql: entry.sql, count: 0, maxMs: 0 };
      item.count++;
      item.maxMs = Math.max(item.maxMs, entry.durationMs);
      bySql.set(entry.sql, item);
    } catch {
      // not a JSON log line
    }
  }
  return [...bySql.values()].sort((x, y) => y.maxMs - x.maxMs);
}

/** PostgreSQL's own log on Debian-style installs (logging_collector off, stderr to this file). */
export async function postgresLogFile(adminUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select pg_current_logfile() as file, current_setting('data_directory') as dir,
              current_setting('server_version_num')::int / 10000 as major`,
    );
    const row = rows[0] as { file: string | null; dir: string; major: number };
    const candidates = [
      row.file && (row.file.startsWith('/') ? row.file : `${row.dir}/${row.file}`),
      `/var/log/postgresql/postgresql-${row.major}-main.log`,
    ];
    return candidates.find((f): f is string => !!f && existsSync(f)) ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** Statements of `database` that PostgreSQL itself logged as slower than 100 ms since `sinceMs`. */
export function serverSlowStatements(
  logFile: string,
  database: string,
  sinceMs: number,
): SlowStatement[] {
  const bySql = new Map<string, SlowStatement>();
  const re = new RegExp(
    `^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+) (\\w+) \\[\\d+\\] \\S*@${database} LOG:  duration: ([\\d.]+) ms  (?:statement|execute [^:]*): (.*)$`,
  );
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes(database)) continue;
    const match = re.exec(line);
    if (!match) continue;
    // Start-up (migrations) is left out by time; only UTC log stamps are understood here.
    if (match[2] === 'UTC' && Date.parse(`${match[1]!.replace(' ', 'T')}Z`) < sinceMs) continue;
    const sql = match[4]!.trim().replace(/\s+/g, ' ');
    const item = bySql.get(sql) ?? { sql, count: 0, maxMs: 0 };
    item.count++;
    item.maxMs = Math.max(item.maxMs, Math.round(Number(match[3])));
    bySql.set(sql, item);
  }
  return [...bySql.values()].sort((x, y) => y.maxMs - x.maxMs);
}

export interface StatementStats {
  query: string;
  calls: number;
  meanMs: number;
  maxMs: number;
}

/** The slowest statements from pg_stat_statements, or null when the extension is not preloaded. */
export async function statementStats(databaseUrl: string): Promise<StatementStats[] | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_stat_statements');
    const { rows } = await client.query(
      `select query, calls::int, mean_exec_time as mean, max_exec_time as max
         from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        order by max_exec_time desc limit 10`,
    );
    return rows.map((r) => ({ query: r.query, calls: r.calls, meanMs: r.mean, maxMs: r.max }));
  } catch {
    return null; // "must be loaded via shared_preload_libraries"
  } finally {
    await client.end();
  }
}
