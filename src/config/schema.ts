import Type, { type Static } from 'typebox';

/**
 * Every environment variable Gatehouse reads, with its default and meaning.
 * The README table and the deployment-manifest test are checked against this object.
 */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union(
    [Type.Literal('development'), Type.Literal('production'), Type.Literal('test')],
    {
      default: 'development',
      description: '`production` enforces real secrets and BCRYPT_COST >= 12',
    },
  ),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1, description: 'Interface to listen on' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: 'HTTP port' }),
  APP_URL: Type.String({
    default: 'http://localhost:3000',
    format: 'uri',
    description: 'Public URL of the web app; mail links and the JWT issuer derive from it',
  }),
  DATA_DIR: Type.String({
    default: './data',
    minLength: 1,
    description: 'Embedded PostgreSQL data, dev secrets and the mail outbox live here',
  }),
  DATABASE_URL: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'PostgreSQL URL; unset = embedded PostgreSQL under DATA_DIR',
    }),
  ),
  EMBEDDED_DB_PORT: Type.Integer({
    default: 5433,
    minimum: 1,
    maximum: 65535,
    description: 'Port of the embedded PostgreSQL (only without DATABASE_URL)',
  }),
  DATABASE_POOL_MAX: Type.Integer({
    default: 20,
    minimum: 1,
    maximum: 500,
    description: 'Connections per instance',
  }),
  DATABASE_POOL_WAIT_MS: Type.Integer({
    default: 2000,
    minimum: 10,
    description: 'Longest wait to connect or for a free pooled connection before answering 503',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    default: 5000,
    minimum: 100,
    description: 'Server-side statement_timeout for every query',
  }),
  MIGRATE_ON_START: Type.Boolean({
    default: true,
    description: 'Apply pending migrations at start-up (set false when a separate job migrates)',
  }),
  SLOW_QUERY_MS: Type.Integer({
    default: 100,
    minimum: 0,
    description: 'Log SQL statements slower than this',
  }),
  REDIS_URL: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'redis:// URL (comma-separated list = Redis Cluster); unset = in-process state',
    }),
  ),
  REDIS_KEY_PREFIX: Type.String({ default: 'gh:', description: 'Prefix of every Redis key' }),
  KEY_ENCRYPTION_KEY: Type.Optional(
    Type.String({
      minLength: 43,
      description: '32 random bytes, base64: encrypts signing keys at rest. Required in production',
    }),
  ),
  TOKEN_SECRET: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        'At least 32 random characters: keys refresh-token derivation. Required in production',
    }),
  ),
  JWT_AUDIENCE: Type.String({
    default: 'gatehouse',
    minLength: 1,
    description: 'aud claim of access tokens',
  }),
  JWT_ISSUER: Type.Optional(
    Type.String({ minLength: 1, description: 'iss claim; defaults to APP_URL' }),
  ),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({
    default: 900,
    minimum: 30,
    maximum: 86400,
    description: 'Access-token lifetime',
  }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({
    default: 2592000,
    minimum: 60,
    description: 'Refresh-token (session) lifetime, default 30 days',
  }),
  SESSION_MAX_LIFETIME_DAYS: Type.Integer({
    default: 90,
    minimum: 1,
    maximum: 3650,
    description:
      'Absolute session lifetime: no refresh extends a session (or its refresh tokens) past this many days after its sign-in',
  }),
  REFRESH_REUSE_GRACE_SECONDS: Type.Integer({
    default: 10,
    minimum: 0,
    maximum: 300,
    description: 'A used refresh token replays its successor this long; 0 disables',
  }),
  BCRYPT_COST: Type.Integer({
    default: 12,
    minimum: 4,
    maximum: 15,
    description: 'bcrypt work factor (>= 12 in production)',
  }),
  PASSWORD_HASH_CONCURRENCY: Type.Integer({
    default: 0,
    minimum: 0,
    maximum: 64,
    description: 'Hashes run at once; 0 = number of CPUs',
  }),
  PASSWORD_HASH_MAX_WAIT_MS: Type.Integer({
    default: 2800,
    minimum: 0,
    maximum: 60_000,
    description:
      'Wait budget of a sign-in: it queues for hashing when the hashes ahead of it and its own, at the measured hash time, finish within this; otherwise 503 + Retry-After. The default serves 20 sign-ins arriving at once on 2 cores at cost 12 and keeps accepted sign-ins under 3 s',
  }),
  PASSWORD_HASH_NICE: Type.Integer({
    default: 3,
    minimum: 0,
    maximum: 19,
    description:
      'Niceness of the hashing threads: 3 keeps request handling ahead while sign-ins keep a share of a busy CPU (19 also selects the idle scheduling class where chrt exists, and sign-ins starve under a read flood)',
  }),
  ADMIN_EMAIL: Type.Optional(
    Type.String({
      minLength: 3,
      description:
        'Create this admin account at start-up; an existing non-admin account is refused (promote it with `gatehouse create-admin`)',
    }),
  ),
  ADMIN_PASSWORD: Type.Optional(
    Type.String({ minLength: 8, description: 'Password for a newly created ADMIN_EMAIL account' }),
  ),
  TRUST_PROXY: Type.String({
    default: 'false',
    description:
      'Comma-separated addresses/CIDRs of your proxies (or loopback, linklocal, uniquelocal): the client address is the rightmost X-Forwarded-For hop they did not add. `true` trusts every hop (refused in production); hop counts are refused',
  }),
  CORS_ORIGINS: Type.String({
    default: '',
    description: 'Comma-separated origins allowed cross-origin (with credentials)',
  }),
  BODY_LIMIT_BYTES: Type.Integer({
    default: 1048576,
    minimum: 1024,
    description: 'Larger request bodies get 413',
  }),
  REQUEST_TIMEOUT_MS: Type.Integer({
    default: 30000,
    minimum: 1000,
    description: 'Whole-request timeout for slow clients',
  }),
  HEADERS_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 100,
    description:
      'A socket whose request headers have not all arrived this long after they began is closed (408); at most REQUEST_TIMEOUT_MS',
  }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({
    default: 5000,
    minimum: 100,
    description:
      'An idle connection is closed after this long, and so is a new one that sends nothing',
  }),
  SHUTDOWN_TIMEOUT_SECONDS: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 600,
    description: 'Longest graceful shutdown on SIGTERM',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'pino log level' },
  ),
  METRICS_TOKEN: Type.Optional(
    Type.String({ minLength: 16, description: 'When set, /metrics needs this Bearer token' }),
  ),
  ORG_CREATION: Type.Union([Type.Literal('anyone'), Type.Literal('admins')], {
    default: 'anyone',
    description: 'Who may create organizations: `anyone` signed in, or only `admins`',
  }),
  EMAIL_SIGN_UP: Type.Boolean({
    default: false,
    description: 'Email sign-in creates an account for an address that has none (no password)',
  }),
  MFA_REQUIRED_FOR_ADMINS: Type.Boolean({
    default: false,
    description:
      'An admin without a second factor must set up two-step verification at sign-in before anything else works',
  }),
  MFA_TOKEN_TTL_SECONDS: Type.Integer({
    default: 300,
    minimum: 1,
    maximum: 900,
    description: 'How long the mfa_token of a password sign-in waits for its second step',
  }),
  REQUIRE_EMAIL_VERIFICATION: Type.Boolean({
    default: false,
    description: 'Refuse login until the email is verified',
  }),
  SMTP_URL: Type.Optional(
    Type.String({
      minLength: 1,
      pattern: '^[Ss][Mm][Tt][Pp][Ss]?://',
      description:
        'smtp(s):// URL; unset = .eml files in the outbox folder (development only: required in production)',
    }),
  ),
  MAIL_FROM: Type.String({
    default: 'Gatehouse <no-reply@localhost>',
    description: 'From header of outgoing mail',
  }),
  MAIL_OUTBOX_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'Where .eml files go without SMTP_URL; default DATA_DIR/outbox',
    }),
  ),
  MAIL_RETRY_BASE_MS: Type.Integer({
    default: 5000,
    minimum: 10,
    description:
      'First retry delay of a failed send (job queue: whole seconds, at least 1 s); doubles per attempt, with jitter',
  }),
  MAIL_RETRY_MAX_MS: Type.Integer({
    default: 900000,
    minimum: 1000,
    description: 'Longest delay between two send attempts of a mail (rounded up to whole seconds)',
  }),
  MAIL_MAX_ATTEMPTS: Type.Integer({
    default: 15,
    minimum: 1,
    maximum: 100,
    description: 'Send attempts per mail before it is given up (logged and counted)',
  }),
  RATE_LIMIT_LOGIN_ACCOUNT_MAX: Type.Integer({
    default: 10,
    minimum: 1,
    description: 'Failed logins per account per window before 429',
  }),
  RATE_LIMIT_LOGIN_IP_MAX: Type.Integer({
    default: 50,
    minimum: 1,
    description: 'Failed logins per address per window before 429',
  }),
  RATE_LIMIT_LOGIN_WINDOW_SECONDS: Type.Integer({
    default: 900,
    minimum: 1,
    description: 'Window of the failed-login counters',
  }),
  RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: Type.Integer({
    default: 3,
    minimum: 0,
    description: 'Failures before each attempt is delayed',
  }),
  RATE_LIMIT_REGISTER_PER_HOUR: Type.Integer({
    default: 30,
    minimum: 1,
    description: 'Registrations per address per hour',
  }),
  RATE_LIMIT_EMAIL_PER_HOUR: Type.Integer({
    default: 10,
    minimum: 1,
    description: 'forgot-password and resend-verification requests per address per hour',
  }),
  RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: Type.Integer({
    default: 5,
    minimum: 1,
    description: 'forgot-password and resend-verification requests per recipient per hour',
  }),
  RATE_LIMIT_REFRESH_PER_MINUTE: Type.Integer({
    default: 150,
    minimum: 1,
    description: 'Refreshes per address per minute',
  }),
  RATE_LIMIT_GLOBAL_PER_MINUTE: Type.Integer({
    default: 6000,
    minimum: 1,
    description: 'Any /api request per address per minute',
  }),
  RATE_LIMIT_FAIL_OPEN: Type.Boolean({
    default: true,
    description:
      'When Redis is down: true = limits count per instance (logged, counted); false = rate-limited routes answer 503',
  }),
  JOBS_POLL_INTERVAL_MS: Type.Integer({
    default: 2000,
    minimum: 500,
    maximum: 60000,
    description:
      'How often job-queue workers look for due jobs (mail, webhook deliveries, cleanup); an instance sends the mail it queued at once',
  }),
  SOCIAL_PROVIDERS: Type.String({
    default: '',
    description:
      'Upstream sign-in providers as a JSON list of {id, preset (oidc, google, microsoft, github), client_id, client_secret, issuer, tenant, name, scopes, store_tokens, endpoints}; see docs/social-sign-in.md',
  }),
  SOCIAL_ALLOW_HTTP: Type.Boolean({
    default: false,
    description:
      'TESTS ONLY: lets upstream sign-in providers use plain http (loopback test providers)',
  }),
  WEBHOOKS_ALLOW_PRIVATE: Type.Boolean({
    default: false,
    description:
      'TESTS ONLY: lets webhook endpoints resolve to loopback, private, link-local or metadata addresses',
  }),
  WEBHOOK_TIMEOUT_SECONDS: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 60,
    description: 'How long one webhook delivery attempt may take before it counts as failed',
  }),
  WEBHOOK_RETRY_DELAY_SECONDS: Type.Integer({
    default: 60,
    minimum: 1,
    description:
      'First retry delay of a failed webhook delivery; doubles per attempt with jitter, at most 4 h, 14 retries (about a day)',
  }),
  WEBHOOK_DISABLE_AFTER_HOURS: Type.Integer({
    default: 72,
    minimum: 1,
    description: 'An endpoint whose deliveries keep failing this long is disabled',
  }),
  AUDIT_RETENTION_DAYS: Type.Integer({
    default: 365,
    minimum: 1,
    description: 'Audit events older than this are removed by cleanup',
  }),
  CLEANUP_INTERVAL_SECONDS: Type.Integer({
    default: 3600,
    minimum: 0,
    description: 'Scheduled cleanup period; 0 disables',
  }),
  SESSION_RETENTION_DAYS: Type.Integer({
    default: 7,
    minimum: 0,
    description:
      'Ended (expired or revoked) sessions and expired refresh tokens are kept this long, then removed by cleanup',
  }),
  MAIL_RETENTION_DAYS: Type.Integer({
    default: 14,
    minimum: 0,
    description: 'Sent mail and expired email tokens older than this are removed by cleanup',
  }),
});

export type Env = Static<typeof EnvSchema>;

/** A slug: lower-case letters, digits and dashes (it appears in the callback URL). */
export const ProviderId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
  description: 'Slug used in /api/auth/oauth/:provider/…: a-z, 0-9 and dashes, up to 40',
});

/** An http(s) URL (https is required unless SOCIAL_ALLOW_HTTP). */
const ProviderUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^https?://' });

/** One upstream sign-in provider: an item of SOCIAL_PROVIDERS, or the body of the admin API. */
export const SocialProviderInput = Type.Object(
  {
    id: ProviderId,
    preset: Type.Union(
      [
        Type.Literal('oidc'),
        Type.Literal('google'),
        Type.Literal('microsoft'),
        Type.Literal('github'),
      ],
      { description: 'oidc = any issuer with discovery; the others fill in their endpoints' },
    ),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 60, description: 'Shown as "Continue with <name>"' }),
    ),
    client_id: Type.String({ minLength: 1, maxLength: 512 }),
    client_secret: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2048, description: 'Sealed at rest' }),
    ),
    issuer: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        pattern: '^https?://',
        description: 'oidc: the issuer (discovery is read from it)',
      }),
    ),
    tenant: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9.-]{1,100}$',
        description: 'microsoft: the directory (tenant) id or domain',
      }),
    ),
    scopes: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: "Space-separated; default the preset's",
      }),
    ),
    store_tokens: Type.Optional(
      Type.Boolean({ description: "Keep the provider's tokens (sealed); default false" }),
    ),
    endpoints: Type.Optional(
      Type.Object(
        {
          authorization: Type.Optional(ProviderUrl),
          token: Type.Optional(ProviderUrl),
          userinfo: Type.Optional(ProviderUrl),
          api: Type.Optional(ProviderUrl),
        },
        {
          additionalProperties: false,
          description: "Overrides of the preset's endpoints (github: api is the REST API base)",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SocialProviderInput = Static<typeof SocialProviderInput>;
