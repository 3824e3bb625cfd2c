// Writes src/schema.d.ts from the OpenAPI document of the Gatehouse in this repository:
//   npm run generate -w @gatehouse/client                 builds the app on a throwaway database
//                                                          of TEST_DATABASE_URL's PostgreSQL
//   npm run generate -w @gatehouse/client -- <base URL>   reads a running Gatehouse instead
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/index.js';
import { renderSchema, SCHEMA_FILE } from './render.js';

async function fromRunningServer(baseUrl: string): Promise<object> {
  const res = await fetch(new URL('/api/openapi.json', baseUrl));
  if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  return (await res.json()) as object;
}

async function fromThisRepository(serverUrl: string): Promise<object> {
  const name = `gh_openapi_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  try {
    const app = await buildApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl.toString(),
        KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        TOKEN_SECRET: randomBytes(32).toString('hex'),
        CLEANUP_INTERVAL_SECONDS: '0',
      }),
    );
    try {
      await app.ready();
      return app.swagger() as object;
    } finally {
      await app.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const target = process.argv[2];
const serverUrl = process.env.TEST_DATABASE_URL;
if (!target && !serverUrl) {
  console.error('generate: pass the URL of a running Gatehouse, or set TEST_DATABASE_URL');
  process.exit(1);
}
const document = target ? await fromRunningServer(target) : await fromThisRepository(serverUrl!);
writeFileSync(SCHEMA_FILE, await renderSchema(document));
console.log(`generate: wrote ${SCHEMA_FILE.pathname}`);
