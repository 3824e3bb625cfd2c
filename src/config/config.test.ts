import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'gatehouse-config-'));
const secrets = {
  KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  TOKEN_SECRET: 'k'.repeat(20) + 'random-enough-1234',
};
/** A production environment that passes every production check. */
const production = (): Record<string, string> => ({
  NODE_ENV: 'production',
  DATA_DIR: dataDir(),
  SMTP_URL: 'smtp://mail.example.com:587',
  ...secrets,
});

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      PORT: 3000,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 2592000,
      REFRESH_REUSE_GRACE_SECONDS: 10,
      SESSION_MAX_LIFETIME_DAYS: 90,
      BCRYPT_COST: 12,
      SHUTDOWN_TIMEOUT_SECONDS: 10,
      trustProxy: false,
    });
    expect(config.JWT_ISSUER).toBe('http://localhost:3000');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT/],
    ['PORT', '70000', /PORT/],
    ['BCRYPT_COST', '3', /BCRYPT_COST/],
    ['APP_URL', 'not a url', /APP_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['REQUIRE_EMAIL_VERIFICATION', 'maybe', /REQUIRE_EMAIL_VERIFICATION/],
    [
      'KEY_ENCRYPTION_KEY',
      Buffer.alloc(16).toString('base64') + 'AAAAAAAAAAAAAAAAAAAA',
      /KEY_ENCRYPTION_KEY/,
    ],
  ])('names the variable when %s=%s is bad', (name, value, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), [name]: value })).toThrowError(message);
  });

  it('refuses generated secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrowError(
      ConfigError,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dataDir(),
        KEY_ENCRYPTION_KEY: secrets.KEY_ENCRYPTION_KEY,
      }),
    ).toThrowError(/TOKEN_SECRET/);
  });

  it('refuses BCRYPT_COST below 12 and placeholder secrets in production', () => {
    expect(() => loadConfig({ ...production(), BCRYPT_COST: '10' })).toThrowError(/BCRYPT_COST/);
    expect(() =>
      loadConfig({ ...production(), TOKEN_SECRET: 'changeme-changeme-changeme-changeme' }),
    ).toThrowError(/TOKEN_SECRET/);
    expect(loadConfig(production()).generatedSecrets).toEqual([]);
  });

  it('generates development secrets once and keeps them across restarts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.generatedSecrets).toEqual(['KEY_ENCRYPTION_KEY', 'TOKEN_SECRET']);
    expect(second.KEY_ENCRYPTION_KEY).toBe(first.KEY_ENCRYPTION_KEY);
    expect(second.TOKEN_SECRET).toBe(first.TOKEN_SECRET);
  });

  it('parses TRUST_PROXY as off, true (outside production) or an address list', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(
      loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, loopback' })
        .trustProxy,
    ).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
  });

  it('refuses TRUST_PROXY=true in production, naming the fix', () => {
    expect(() => loadConfig({ ...production(), TRUST_PROXY: 'true' })).toThrowError(
      /TRUST_PROXY=true.*list the proxy addresses or CIDRs/,
    );
    expect(loadConfig({ ...production(), TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
    ]);
  });

  // Fastify 5.12 treats a numeric trustProxy as "trust nobody": the setting would do nothing.
  it.each(['1', '2', ' 0 '])(
    'refuses the hop count TRUST_PROXY=%s in every environment',
    (hops) => {
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: hops })).toThrowError(
        /TRUST_PROXY.*hop count.*list the proxy addresses or CIDRs/,
      );
    },
  );

  it.each(['10.0.0.0/33', 'proxy.internal', '10.0.0.300', '::1/129'])(
    'refuses the TRUST_PROXY entry %s',
    (entry) => {
      expect(() =>
        loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: `127.0.0.1,${entry}` }),
      ).toThrowError(new RegExp(`TRUST_PROXY.*${entry.replace(/[.*/]/g, '\\$&')}`));
    },
  );

  it('refuses WEBHOOKS_ALLOW_PRIVATE in production (tests only)', () => {
    expect(() => loadConfig({ ...production(), WEBHOOKS_ALLOW_PRIVATE: 'true' })).toThrowError(
      /WEBHOOKS_ALLOW_PRIVATE is for tests only/,
    );
    expect(
      loadConfig({ ...production(), WEBHOOKS_ALLOW_PRIVATE: 'false' }).WEBHOOKS_ALLOW_PRIVATE,
    ).toBe(false);
  });

  it('requires SMTP_URL in production', () => {
    const { SMTP_URL: _smtp, ...withoutSmtp } = production();
    expect(() => loadConfig(withoutSmtp)).toThrowError(/SMTP_URL is required/);
  });

  it('requires ADMIN_PASSWORD with ADMIN_EMAIL', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ADMIN_EMAIL: 'a@example.com' })).toThrowError(
      /ADMIN_PASSWORD/,
    );
  });
});
