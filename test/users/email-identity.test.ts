/**
 * One address, many spellings: sign-in, sign-up conflicts, password reset and email changes find
 * the account whatever the database's locale, because the comparison is of bytes of a key that
 * JavaScript computes (users.email_normalized). Run on the run's PostgreSQL (the machine's in CI,
 * C.UTF-8 there), on an embedded cluster of this file's own initialised with the C locale (lower()
 * folds ASCII only), and on a Turkish ICU database where the server supports ICU (lower('I') = 'ı').
 * @see issue 13, "Emails"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  login,
  registerUser,
  type TestApp,
} from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/process.js';
import { createEmptyDatabase } from '../ops/helpers.js';
import { query } from './helpers.js';

let embedded: EmbeddedDatabase | undefined;
let embeddedDir: string | undefined;

/** A database of this file's own embedded cluster, created with the C locale and UTF-8. */
async function embeddedCLocale(): Promise<TestDatabase> {
  embeddedDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-c-locale-'));
  embedded = await startEmbeddedPostgres(embeddedDir, await freePort(), pino({ level: 'warn' }), {
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
  });
  return { url: embedded.url, drop: async () => {} };
}

/** An empty database on the run's server with a Turkish ICU locale, or null without ICU. */
async function turkishIcu(): Promise<TestDatabase | null> {
  try {
    return await createEmptyDatabase(
      `template template0 encoding 'UTF8' locale_provider icu icu_locale 'tr-TR'`,
    );
  } catch {
    return null; // a server built without ICU
  }
}

afterAll(async () => {
  await embedded?.stop();
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
});

/** Each database, and what its lower() does that JavaScript's toLowerCase does not. */
const targets: {
  name: string;
  database: () => Promise<TestDatabase | null>;
  lower?: [string, string];
}[] = [
  { name: "the run's PostgreSQL", database: createTestDatabase },
  {
    name: 'an embedded PostgreSQL with the C locale',
    database: embeddedCLocale,
    lower: ['É', 'É'],
  },
  { name: 'a Turkish ICU database', database: turkishIcu, lower: ['I', 'ı'] },
];

describe.each(targets)('email identity on $name', ({ database, lower }) => {
  let t: TestApp | undefined;
  const tag = `${process.pid}${Date.now() % 100000}`;
  const at = `@id${tag}.example.com`;

  beforeAll(async () => {
    const db = await database();
    if (db) t = await buildTestApp({}, { database: db });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Skips the test where this database could not be created (a server without ICU). */
  const needsDatabase = (ctx: { skip(): void }) => {
    if (!t) ctx.skip();
  };
  const loginStatus = async (email: string, password = GOOD_PASSWORD) =>
    (
      await t!.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      })
    ).statusCode;
  const register = (email: string) =>
    t!.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, name: 'Same Person', password: GOOD_PASSWORD },
    });

  it('runs on the database it names', async (ctx) => {
    needsDatabase(ctx);
    if (lower)
      expect(await query(t!, 'select lower($1) as l', [lower[0]])).toEqual([{ l: lower[1] }]);
  });

  it('Greek final sigma: ΟΔΟΣ, οδος and οδοσ are one account', async (ctx) => {
    needsDatabase(ctx);
    const user = await registerUser(t!.app, { email: `ΟΔΟΣ${at}` });
    for (const spelling of [`ΟΔΟΣ${at}`, `οδος${at}`, `οδοσ${at}`, `Οδος${at.toUpperCase()}`])
      expect(await login(t!.app, spelling, GOOD_PASSWORD)).toMatchObject({ id: user.id });
    expectError(await register(`οδοσ${at}`), 409, 'EMAIL_TAKEN');
    expectError(await register(`οδος${at}`), 409, 'EMAIL_TAKEN');
    // Shown and mailed as typed at sign-up.
    const [row] = await query<{ email: string; email_normalized: string }>(
      t!,
      'select email, email_normalized from users where id = $1',
      [user.id],
    );
    expect(row).toEqual({ email: `ΟΔΟΣ${at}`, email_normalized: `οδοσ${at}` });
  });

  it('dotted capital I: İ signs in as İ and as i + U+0307, never as i or ı', async (ctx) => {
    needsDatabase(ctx);
    const user = await registerUser(t!.app, { email: `İLKER${at}` });
    for (const spelling of [`İLKER${at}`, `i\u0307lker${at}`, `I\u0307lker${at}`])
      expect(await login(t!.app, spelling, GOOD_PASSWORD)).toMatchObject({ id: user.id });
    expect(await loginStatus(`ilker${at}`)).toBe(401);
    expect(await loginStatus(`ılker${at}`)).toBe(401);
    // Plain ASCII I is i, whatever the database's locale (Turkish lowers it to ı).
    const ascii = await registerUser(t!.app, { email: `ILKER${at}` });
    expect(await login(t!.app, `ilker${at}`, GOOD_PASSWORD)).toMatchObject({ id: ascii.id });
    expect(await login(t!.app, `ILKER${at}`, GOOD_PASSWORD)).toMatchObject({ id: ascii.id });
  });

  it('accents in either Unicode form and either case, ß apart from ss', async (ctx) => {
    needsDatabase(ctx);
    const user = await registerUser(t!.app, { email: `Élodie${at}` });
    for (const spelling of [`élodie${at}`, `E\u0301LODIE${at}`, `e\u0301lodie${at}`])
      expect(await login(t!.app, spelling, GOOD_PASSWORD)).toMatchObject({ id: user.id });
    expectError(await register(`E\u0301lodie${at}`), 409, 'EMAIL_TAKEN');

    const sharp = await registerUser(t!.app, { email: `Straße${at}` });
    expect(await login(t!.app, `STRAẞE${at}`, GOOD_PASSWORD)).toMatchObject({ id: sharp.id });
    const double = await registerUser(t!.app, { email: `strasse${at}` });
    expect(double.id).not.toBe(sharp.id);
  });

  it('forgot-password with another spelling sends the link to the address on the account', async (ctx) => {
    needsDatabase(ctx);
    const user = await registerUser(t!.app, { email: `ΣΟΦΟΣ${at}` });
    const res = await t!.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: `σοφος${at}` },
    });
    expect(res.statusCode).toBe(200);
    await expect
      .poll(async () =>
        query(
          t!,
          `select email from email_tokens where user_id = $1 and purpose = 'reset_password'`,
          [user.id],
        ),
      )
      .toEqual([{ email: `ΣΟΦΟΣ${at}` }]);
  });

  it('an email change to another spelling of a taken address is refused; of one’s own is kept verified', async (ctx) => {
    needsDatabase(ctx);
    await registerUser(t!.app, { email: `Ωμέγα${at}` });
    const other = await registerUser(t!.app, { email: `other.${tag}@example.com` });
    const me = await login(t!.app, other.email, GOOD_PASSWORD);
    const change = (email: string) =>
      t!.app.inject({
        method: 'PUT',
        url: `/api/users/${me.id}`,
        headers: me.auth,
        payload: { email, current_password: GOOD_PASSWORD },
      });
    expectError(await change(`ΩΜΈΓΑ${at}`), 409, 'EMAIL_TAKEN');

    const own = await registerUser(t!.app, { email: `ΚΑΣ${at}` });
    await query(t!, 'update users set email_verified = true where id = $1', [own.id]);
    const mine = await login(t!.app, own.email, GOOD_PASSWORD);
    const res = await t!.app.inject({
      method: 'PUT',
      url: `/api/users/${own.id}`,
      headers: mine.auth,
      payload: { email: `κασ${at}`, current_password: GOOD_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ email: `κασ${at}`, email_verified: true });
    expect(await login(t!.app, `ΚΑΣ${at}`, GOOD_PASSWORD)).toMatchObject({ id: own.id });
  });
});
