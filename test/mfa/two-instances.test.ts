import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { expectError, signUp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { codeAt, enableTotp, passwordStep, verify, wrongCode } from './support.js';

/**
 * Two app instances sharing one database and one Redis (each with its own memory): an mfa_token
 * lives in shared state, so the second step can land on either instance, once.
 */
describe('two instances and the second step', () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: App;
  let b: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-mfa-'));
    const env = {
      ...TEST_ENV,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `gh-mfa:${randomBytes(4).toString('hex')}:`,
      RATE_LIMIT_LOGIN_ACCOUNT_MAX: '3',
    };
    a = await buildApp(loadConfig(env));
    b = await buildApp(loadConfig({ ...env, MIGRATE_ON_START: 'false' }));
    await Promise.all([a.ready(), b.ready()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('an mfa_token issued by instance A is spent at instance B, and only once', async () => {
    const user = await signUp(a);
    const { secret } = await enableTotp(a, user);
    const challenge = await passwordStep(a, user.email, user.password);
    const res = await verify(b, { mfa_token: challenge.mfa_token, code: codeAt(secret) });
    expect(res.statusCode, res.body).toBe(200);
    expectError(
      await verify(a, { mfa_token: challenge.mfa_token, code: codeAt(secret, 1) }),
      401,
      'MFA_TOKEN_INVALID',
    );
  });

  it('of two instances given the same mfa_token at once, one signs in', async () => {
    const user = await signUp(a);
    const { recoveryCodes } = await enableTotp(a, user);
    const challenge = await passwordStep(b, user.email, user.password);
    const [ra, rb] = await Promise.all([
      verify(a, { mfa_token: challenge.mfa_token, recovery_code: recoveryCodes[0] }),
      verify(b, { mfa_token: challenge.mfa_token, recovery_code: recoveryCodes[1] }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 401]);
  });

  it('the same code is accepted by one instance only', async () => {
    const user = await signUp(a);
    const { secret } = await enableTotp(a, user);
    const [ca, cb] = await Promise.all([
      passwordStep(a, user.email, user.password),
      passwordStep(b, user.email, user.password),
    ]);
    const code = codeAt(secret);
    const [ra, rb] = await Promise.all([
      verify(a, { mfa_token: ca.mfa_token, code }),
      verify(b, { mfa_token: cb.mfa_token, code }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 400]);
  });

  it('wrong codes are counted across instances', async () => {
    const user = await signUp(a);
    const { secret } = await enableTotp(a, user);
    const challenge = await passwordStep(a, user.email, user.password);
    for (const instance of [a, b, a]) {
      expectError(
        await verify(instance, { mfa_token: challenge.mfa_token, code: wrongCode(secret) }),
        400,
        'MFA_CODE_INVALID',
      );
    }
    expectError(
      await verify(b, { mfa_token: challenge.mfa_token, code: codeAt(secret) }),
      429,
      'RATE_LIMITED',
    );
  });
});
