import { SignJWT, decodeProtectedHeader } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { KeyStore, rotateSigningKey } from '../../src/auth/key-store.js';
import { loadConfig } from '../../src/config/index.js';
import type { App } from '../../src/http/types.js';
import { cleanupPolicy, runCleanup } from '../../src/ops/cleanup.js';
import { buildTestApp, login, registerUser, type TestApp } from '../helpers/app.js';
import { TEST_ENV } from '../helpers/env.js';
import { cli, cliEnv, query, tempDir } from './helpers.js';

const kidOf = (token: string) => decodeProtectedHeader(token).kid as string;
// Access tokens are EdDSA; the JWKS also lists the RS256 key of OpenID ID tokens.
const jwksKids = async (app: App) =>
  (await app.inject({ url: '/.well-known/jwks.json' }))
    .json()
    .keys.filter((k: any) => k.alg === 'EdDSA')
    .map((k: any) => k.kid);
const profileStatus = async (app: App, token: string) =>
  (await app.inject({ url: '/api/users/profile', headers: { authorization: `Bearer ${token}` } }))
    .statusCode;

// Two instances share one database; the CLI rotates as an operator would, mid-traffic.
// @see issue 13, "Trust boundaries": a rotated key is in the JWKS before anything is signed with it.
describe('signing-key rotation without downtime', () => {
  const data = tempDir();
  let a: TestApp;
  let b: App;
  let user: { email: string; password: string };
  beforeAll(async () => {
    a = await buildTestApp();
    b = await buildApp(
      loadConfig({ ...TEST_ENV, DATABASE_URL: a.databaseUrl, DATA_DIR: data.dir }),
    );
    await b.ready();
    user = await registerUser(a.app);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    data.remove();
  });

  it('publishes the new key one JWKS cache lifetime before it signs, keeps old tokens valid, then retires the old key', async () => {
    const old = await login(a.app, user.email, user.password);
    const oldUnseen = await login(a.app, user.email, user.password); // not presented until retired
    const oldKid = kidOf(old.accessToken);
    expect(await jwksKids(a.app)).toEqual([oldKid]);

    const rotated = await cli(['keys', 'rotate'], cliEnv(a.databaseUrl, data.dir));
    expect(rotated.code, rotated.stderr).toBe(0);
    const newKid = /New signing key (\S+) is published/.exec(rotated.stdout)![1]!;
    expect(newKid).not.toBe(oldKid);

    // Pre-announced: in the JWKS at A's next reload, while A and B still sign with the old key.
    await a.app.ctx.keys.reload();
    expect(await jwksKids(a.app)).toEqual([newKid, oldKid]);
    const jwks = await a.app.inject({ url: '/.well-known/jwks.json' });
    const maxAge = Number(/max-age=(\d+)/.exec(String(jwks.headers['cache-control']))![1]);
    const [{ lead }] = await query(
      a.databaseUrl,
      'select extract(epoch from activates_at - now())::float8 as lead from signing_keys where kid = $1',
      [newKid],
    );
    // One reload interval for every instance to publish it, then one cache lifetime.
    expect(lead).toBeGreaterThanOrEqual(maxAge + 60 - 5);
    expect(kidOf((await login(a.app, user.email, user.password)).accessToken)).toBe(oldKid);
    expect(kidOf((await login(b, user.email, user.password)).accessToken)).toBe(oldKid);

    // The activation time arrives (moved forward here instead of waiting six minutes).
    await query(
      a.databaseUrl,
      `update signing_keys set activates_at = now() - interval '1 second' where kid = $1`,
      [newKid],
    );
    await query(
      a.databaseUrl,
      `update signing_keys set retired_at = now() - interval '1 second' where kid = $1`,
      [oldKid],
    );
    await a.app.ctx.keys.reload();
    const fresh = await login(a.app, user.email, user.password);
    expect(kidOf(fresh.accessToken)).toBe(newKid);
    expect(await jwksKids(a.app)).toEqual([newKid, oldKid]);

    // Every request on both instances succeeds: old and new tokens, in parallel, on B before it reloads.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        profileStatus(b, fresh.accessToken),
        profileStatus(b, old.accessToken),
        profileStatus(a.app, i % 2 ? fresh.accessToken : old.accessToken),
      ]).flat(),
    );
    expect(
      statuses.filter((s) => s !== 200),
      JSON.stringify(statuses),
    ).toEqual([]);
    expect(await jwksKids(b)).toEqual([newKid, oldKid]);
    await b.ctx.keys.reload();
    const fromB = await login(b, user.email, user.password);
    expect(kidOf(fromB.accessToken)).toBe(newKid);

    // One access-token lifetime (+60 s) after the old key stopped signing, it is gone.
    await query(
      a.databaseUrl,
      `update signing_keys set retired_at = now() - make_interval(secs => 961) where kid = $1`,
      [oldKid],
    );
    await a.app.ctx.keys.reload();
    expect(await jwksKids(a.app)).toEqual([newKid]);
    expect(await profileStatus(a.app, oldUnseen.accessToken)).toBe(401);
    expect(await profileStatus(a.app, fresh.accessToken)).toBe(200);

    const result = await runCleanup(a.app.ctx.database.db, cleanupPolicy(a.app.ctx.config));
    expect(result?.signing_keys).toBe(1);
    const rows = await query(a.databaseUrl, `select kid from signing_keys where alg = 'EdDSA'`);
    expect(rows.map((r) => r.kid)).toEqual([newKid]);
  });

  it('switches to a pre-announced key at its activation time, without a reload', async () => {
    const { db } = a.app.ctx.database;
    const kek = Buffer.from(a.app.ctx.config.KEY_ENCRYPTION_KEY, 'base64');
    const store = new KeyStore(db, kek, 960);
    await store.reload();
    const current = store.signingKey().kid;
    const { kid } = await rotateSigningKey(db, kek);
    // Bring the activation (and the current key's retirement with it) to 1.5 s from now.
    await query(
      a.databaseUrl,
      `update signing_keys set activates_at = now() + interval '1.5 seconds' where kid = $1`,
      [kid],
    );
    await query(
      a.databaseUrl,
      `update signing_keys set retired_at = now() + interval '1.5 seconds' where kid = $1`,
      [current],
    );
    await store.reload();
    expect(store.jwks().keys.map((k) => k.kid)).toContain(kid);
    expect(store.signingKey().kid).toBe(current);
    await sleep(1700);
    expect(store.signingKey().kid).toBe(kid);
  });

  it('finds a just-rotated key for every concurrent caller, also right after a reload', async () => {
    const { db } = a.app.ctx.database;
    const kek = Buffer.from(a.app.ctx.config.KEY_ENCRYPTION_KEY, 'base64');
    const store = new KeyStore(db, kek, 960);
    await store.reload(); // the reload gap (1 s) has not passed when the callers arrive
    const signing = store.signingKey().kid;
    const { kid } = await rotateSigningKey(db, kek);
    const found = await Promise.all(Array.from({ length: 20 }, () => store.publicKey(kid)));
    expect(found.filter((key) => key === null)).toHaveLength(0);
    expect(store.signingKey().kid).toBe(signing); // published, not signing yet
  });

  it('answers tokens with unknown kids 401 and reloads at most about once a second for them', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new SignJWT({ sid: 1, role: 'admin' })
          .setProtectedHeader({ alg: 'EdDSA', kid: `forged-${i}`, typ: 'at+jwt' })
          .setIssuer(a.app.ctx.config.JWT_ISSUER)
          .setAudience(a.app.ctx.config.JWT_AUDIENCE)
          .setSubject('1')
          .setJti(`j${i}`)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey),
      ),
    );
    const keys = a.app.ctx.keys;
    const reload = keys.reload.bind(keys);
    let reloads = 0;
    keys.reload = async () => {
      reloads += 1;
      return reload();
    };
    try {
      const started = Date.now();
      const statuses = await Promise.all(forged.map((token) => profileStatus(a.app, token)));
      expect(statuses.every((s) => s === 401)).toBe(true);
      expect(reloads).toBeLessThanOrEqual(2);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      keys.reload = reload;
    }
  });
});
