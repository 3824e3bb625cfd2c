import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Value } from 'typebox/value';
import { providerProblems } from '../social/presets.js';
import { EnvSchema, SocialProviderInput, type Env } from './schema.js';

/** false, true (every hop: refused in production), or the proxy addresses/CIDRs to believe. */
export type TrustProxy = boolean | string[];

export type Config = Readonly<
  Env & {
    KEY_ENCRYPTION_KEY: string;
    TOKEN_SECRET: string;
    JWT_ISSUER: string;
    /** Absolute DATA_DIR. */
    dataDir: string;
    mailOutboxDir: string;
    trustProxy: TrustProxy;
    corsOrigins: readonly string[];
    hashConcurrency: number;
    /** Names of secrets that were generated for development rather than supplied. */
    generatedSecrets: readonly string[];
    /** SOCIAL_PROVIDERS, parsed and checked. */
    socialProviders: readonly SocialProviderInput[];
  }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const BOOLEAN_TEXT: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/** Turns the raw strings of the environment into typed values, naming the variable on failure. */
function coerce(name: string, raw: string, kind: unknown): unknown {
  if (kind === 'integer') {
    if (!/^-?\d+$/.test(raw.trim()))
      throw new ConfigError(`${name} must be an integer, got "${raw}"`);
    return Number(raw.trim());
  }
  if (kind === 'boolean') {
    const value = BOOLEAN_TEXT[raw.trim().toLowerCase()];
    if (value === undefined) throw new ConfigError(`${name} must be true or false, got "${raw}"`);
    return value;
  }
  return raw;
}

const TRUST_PROXY_FIX =
  'list the proxy addresses or CIDRs instead, for example TRUST_PROXY=10.0.0.0/8 (see docs/rate-limits.md)';
/** Names proxy-addr understands for the usual private ranges. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address/prefix, or one of TRUST_PROXY_NAMES. */
function isProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseTrustProxy(raw: string, production: boolean): TrustProxy {
  const text = raw.trim().toLowerCase();
  if (text === 'false' || text === '') return false;
  if (text === 'true') {
    // Every hop trusted: a client's own X-Forwarded-For entry becomes its address.
    if (production)
      throw new ConfigError(
        `TRUST_PROXY=true trusts every hop, so any client could pick its own address with X-Forwarded-For and escape the per-address limits; ${TRUST_PROXY_FIX}`,
      );
    return true;
  }
  // Fastify treats a number as "trust nobody": the setting would silently do nothing.
  if (/^\d+$/.test(text))
    throw new ConfigError(
      `TRUST_PROXY=${text} is a hop count, which is not supported (every client would get the proxy's address); ${TRUST_PROXY_FIX}`,
    );
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !isProxyEntry(entry));
  if (bad)
    throw new ConfigError(
      `TRUST_PROXY has "${bad}", which is not an IP address, a CIDR or one of ${[...TRUST_PROXY_NAMES].join(', ')}`,
    );
  return entries;
}

/** Dev-only secrets are generated once and kept in DATA_DIR so restarts keep sessions valid. */
function loadDevSecrets(dataDir: string): { KEY_ENCRYPTION_KEY: string; TOKEN_SECRET: string } {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** SOCIAL_PROVIDERS: a JSON list of providers, each checked against SocialProviderInput. */
function parseSocialProviders(raw: string, allowHttp: boolean): readonly SocialProviderInput[] {
  if (!raw.trim()) return Object.freeze([]);
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new ConfigError('SOCIAL_PROVIDERS must be a JSON list');
  }
  if (!Array.isArray(list)) throw new ConfigError('SOCIAL_PROVIDERS must be a JSON list');
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const error = Value.Errors(SocialProviderInput, item)[0];
    if (error)
      throw new ConfigError(
        `SOCIAL_PROVIDERS[${index}]${error.instancePath} is invalid: ${error.message}`,
      );
    const [field, problem] =
      Object.entries(providerProblems(item as SocialProviderInput, allowHttp))[0] ?? [];
    if (problem) throw new ConfigError(`SOCIAL_PROVIDERS[${index}].${field}: ${problem}`);
    const id = (item as SocialProviderInput).id;
    if (seen.has(id)) throw new ConfigError(`SOCIAL_PROVIDERS lists "${id}" twice`);
    seen.add(id);
  });
  return Object.freeze(list as SocialProviderInput[]);
}

/** Parses and validates the environment once; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(EnvSchema.properties)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    input[name] = coerce(name, raw, (schema as { type?: unknown }).type);
  }
  const withDefaults = Value.Default(EnvSchema, input) as Record<string, unknown>;
  const firstError = Value.Errors(EnvSchema, withDefaults)[0];
  if (firstError) {
    const name = firstError.instancePath.replace(/^\//, '') || 'environment';
    throw new ConfigError(`${name} is invalid: ${firstError.message}`);
  }
  const parsed = withDefaults as Env;
  const dataDir = path.resolve(parsed.DATA_DIR);

  const generatedSecrets: string[] = [];
  let { KEY_ENCRYPTION_KEY, TOKEN_SECRET } = parsed;
  if (!KEY_ENCRYPTION_KEY || !TOKEN_SECRET) {
    if (parsed.NODE_ENV === 'production') {
      const missing = !KEY_ENCRYPTION_KEY ? 'KEY_ENCRYPTION_KEY' : 'TOKEN_SECRET';
      throw new ConfigError(
        `${missing} is required when NODE_ENV=production (generated dev secrets are refused)`,
      );
    }
    const dev = loadDevSecrets(dataDir);
    if (!KEY_ENCRYPTION_KEY) generatedSecrets.push('KEY_ENCRYPTION_KEY');
    if (!TOKEN_SECRET) generatedSecrets.push('TOKEN_SECRET');
    KEY_ENCRYPTION_KEY ??= dev.KEY_ENCRYPTION_KEY;
    TOKEN_SECRET ??= dev.TOKEN_SECRET;
  }
  if (Buffer.from(KEY_ENCRYPTION_KEY, 'base64').length !== 32) {
    throw new ConfigError(
      'KEY_ENCRYPTION_KEY must be 32 bytes encoded as base64 (openssl rand -base64 32)',
    );
  }
  if (parsed.NODE_ENV === 'production') {
    if (parsed.BCRYPT_COST < 12)
      throw new ConfigError('BCRYPT_COST must be at least 12 when NODE_ENV=production');
    if (/^(changeme|secret|password|dev)/i.test(TOKEN_SECRET)) {
      throw new ConfigError(
        'TOKEN_SECRET looks like a placeholder; use a random value in production',
      );
    }
    // Without it, reset and verification mail would only land in a folder nobody reads.
    if (!parsed.SMTP_URL)
      throw new ConfigError(
        'SMTP_URL is required when NODE_ENV=production (the .eml outbox folder is for development)',
      );
    // A webhook URL pointing inside the network would let an admin token reach internal services.
    if (parsed.WEBHOOKS_ALLOW_PRIVATE)
      throw new ConfigError(
        'WEBHOOKS_ALLOW_PRIVATE is for tests only; it is refused in production',
      );
  }
  if (parsed.NODE_ENV === 'production' && parsed.SOCIAL_ALLOW_HTTP)
    throw new ConfigError('SOCIAL_ALLOW_HTTP is for tests only; it is refused in production');
  const socialProviders = parseSocialProviders(parsed.SOCIAL_PROVIDERS, parsed.SOCIAL_ALLOW_HTTP);
  if (parsed.ADMIN_EMAIL && !parsed.ADMIN_PASSWORD) {
    throw new ConfigError('ADMIN_PASSWORD is required when ADMIN_EMAIL is set');
  }

  return Object.freeze({
    ...parsed,
    KEY_ENCRYPTION_KEY,
    TOKEN_SECRET,
    JWT_ISSUER: parsed.JWT_ISSUER ?? parsed.APP_URL.replace(/\/$/, ''),
    dataDir,
    mailOutboxDir: path.resolve(parsed.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY, parsed.NODE_ENV === 'production'),
    corsOrigins: Object.freeze(
      parsed.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    hashConcurrency: parsed.PASSWORD_HASH_CONCURRENCY || availableParallelism(),
    generatedSecrets: Object.freeze(generatedSecrets),
    socialProviders,
  });
}
