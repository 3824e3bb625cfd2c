import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { installJobSchema } from '../src/jobs/queue.js';
import './helpers/database.js'; // ProvidedContext types
import { freePort } from './helpers/process.js';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL when set (CI: the machine's server),
 * otherwise an embedded server in a temporary folder on a free port (each Vitest project runs this
 * setup, so a fixed port would collide). A migrated template makes per-file databases cheap.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let tmpDir: string | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-pg-'));
    embedded = await startEmbeddedPostgres(tmpDir, await freePort(), pino({ level: 'warn' }));
    serverUrl = embedded.url;
  }
  const template = `gh_tmpl_${process.pid}_${project.name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: withDatabase(serverUrl, template), max: 1 }),
    }),
  });
  await migrateToLatest(db);
  await db.destroy();
  // The job queue's schema too: apps on per-file databases then find it installed.
  await installJobSchema(withDatabase(serverUrl, template));
  project.provide('testServerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [template, `gh_t_${process.pid}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  };
}
