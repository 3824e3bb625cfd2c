import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { TEST_ENV } from './env.js';

export interface TestApp {
  app: App;
  databaseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app on its own fresh PostgreSQL database (or `options.database`, which it then drops on
 * close); `env` overrides TEST_ENV.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: { logger?: Logger; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-'));
  const config = loadConfig({ ...TEST_ENV, DATA_DIR: dataDir, DATABASE_URL: database.url, ...env });
  const app = await buildApp(config, options);
  await app.ready();
  return {
    app,
    databaseUrl: database.url,
    dataDir,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A unique, valid email for this test run. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now()}@example.com`;
}

export const GOOD_PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  id: number;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  auth: { authorization: string };
}

export async function registerUser(
  app: App,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
) {
  const body = { email: uniqueEmail(), name: 'Test User', password: GOOD_PASSWORD, ...overrides };
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { ...body, id: res.json().data.id as number };
}

export async function login(
  app: App,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const data = res.json().data;
  return {
    id: data.user.id,
    email,
    password,
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    auth: { authorization: `Bearer ${data.access_token}` },
  };
}

/** Registers a new user and signs them in. */
export async function signUp(
  app: App,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
): Promise<SignedIn> {
  const user = await registerUser(app, overrides);
  return login(app, user.email, user.password);
}

/** Asserts an error envelope with this status and code, and nothing that leaks. */
export function expectError(
  res: { statusCode: number; body: string; json(): any },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.success).toBe(false);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+|SELECT |INSERT |\$2[aby]\$|node_modules|\/src\//);
  return body;
}
