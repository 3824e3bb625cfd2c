import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { buildTestApp, registerUser, type TestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { capturingLogger } from '../helpers/logs.js';
import { TEST_ENV } from '../helpers/env.js';
import { FAST_MAIL_ENV } from './env.js';
import { eventually, header, linkIn } from './smtp-sink.js';

const capture = capturingLogger();
const logs = capture.lines;
let t: TestApp;
let custom: TestApp;
let customDir: string;

beforeAll(async () => {
  const { logger } = capture;
  // No SMTP_URL: the zero-config default writes .eml files into DATA_DIR/outbox.
  t = await buildTestApp(FAST_MAIL_ENV, { logger });
  customDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-outbox-'));
  custom = await buildTestApp({ ...FAST_MAIL_ENV, MAIL_OUTBOX_DIR: customDir });
});
afterAll(async () => {
  await t?.close();
  await custom?.close();
  rmSync(customDir, { recursive: true, force: true });
});

/** The .eml files addressed to `email`, oldest first (file names sort by creation time). */
function emlFor(dir: string, email: string): Array<{ name: string; raw: string }> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.eml'))
    .map((name) => ({ name, raw: readFileSync(path.join(dir, name), 'utf8') }))
    .filter((file) => header(file.raw, 'To') === email);
}

describe('.eml outbox (no SMTP_URL)', () => {
  it('writes each mail as <created>-<id>.eml into DATA_DIR/outbox and logs its link', async () => {
    const outbox = path.join(t.dataDir, 'outbox');
    const user = await registerUser(t.app);
    const [file] = await eventually(() => {
      const files = emlFor(outbox, user.email);
      return files.length > 0 ? files : null;
    });
    expect(file!.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+\.eml$/);
    expect(header(file!.raw, 'Subject')).toBe('Confirm your email address');
    expect(header(file!.raw, 'Message-ID')).toMatch(/^<[0-9a-f-]{36}@gatehouse\.test>$/);
    const { link, token } = linkIn(file!.raw, 'verify-email');
    expect(link).toBe(`http://localhost:3000/verify-email?token=${token}`);
    // Development mode only: the link is logged so a developer can click through.
    await eventually(() => logs.some((line) => line.includes(link)));
    expect(readdirSync(outbox).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token },
    });
    expect(res.statusCode).toBe(200);
  });

  it('writes the reset mail too, with its link alone on a line', async () => {
    const outbox = path.join(t.dataDir, 'outbox');
    const user = await registerUser(t.app);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: user.email },
    });
    const files = await eventually(() => {
      const found = emlFor(outbox, user.email);
      return found.length === 2 ? found : null;
    });
    const resetFile = files.find((f) => header(f.raw, 'Subject') === 'Reset your password')!;
    const { token } = linkIn(resetFile.raw, 'reset-password');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: 'a whole new passphrase 42' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('uses MAIL_OUTBOX_DIR when set', async () => {
    const user = await registerUser(custom.app);
    await eventually(() => emlFor(customDir, user.email).length === 1);
    expect(emlFor(path.join(custom.dataDir, 'outbox'), user.email)).toEqual([]);
  });
});

/**
 * Production refuses to start without SMTP_URL (config); should a production mailer ever write
 * files anyway, the log still gets no link: a reset link in a log store is a password.
 * @see issue 13, "Trust boundaries"
 */
describe('production: links never reach the log', () => {
  it('logs the written mail at info without its links', async () => {
    const { logger, lines } = capturingLogger();
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-prod-mail-'));
    const production = loadConfig({
      ...TEST_ENV,
      ...FAST_MAIL_ENV,
      NODE_ENV: 'production',
      BCRYPT_COST: '12',
      SMTP_URL: 'smtp://127.0.0.1:1',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
    });
    // Bypasses the start-up check on purpose: what would the mailer log?
    const app = await buildApp({ ...production, BCRYPT_COST: 4, SMTP_URL: undefined }, { logger });
    try {
      const user = await registerUser(app);
      const outbox = path.join(dataDir, 'outbox');
      const [file] = await eventually(() => {
        const files = emlFor(outbox, user.email);
        return files.length > 0 ? files : null;
      });
      const { token } = linkIn(file!.raw, 'verify-email');
      await eventually(() => lines.some((line) => line.includes('outbox folder')));
      expect(lines.join('')).not.toContain(token);
      expect(lines.join('')).not.toMatch(/token=/);
    } finally {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
