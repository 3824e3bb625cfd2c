import type { Command } from './command.js';

// Metadata only: a command's code (and its dependencies) loads when it runs, so help is instant.
export const COMMANDS: readonly Command[] = [
  {
    name: 'migrate',
    summary: 'Apply, revert or list database migrations',
    usage: `Usage: gatehouse migrate up|down|status [--yes]

  up       apply every pending migration (safe to run from several places at once)
  down     revert the newest applied migration (drops what it added: data may be lost;
           with NODE_ENV=production it needs --yes)
  status   list every migration as applied or pending

Exit codes: 0 done, 1 a migration or the connection failed, 2 wrong usage.`,
    load: async () => (await import('./migrate.js')).runMigrate,
  },
  {
    name: 'create-admin',
    summary: 'Create an administrator account (or promote an existing one)',
    usage: `Usage: gatehouse create-admin [--email <address>]

Creates an account with role admin and a verified email. On a terminal it asks for the
email (unless --email is given) and for the password twice, without echoing it. When
standard input is not a terminal, --email is required and the password is read from the
first line of standard input:

  printf '%s\\n' "$PASSWORD" | gatehouse create-admin --email admin@example.com

An existing account is promoted to admin; its password is left unchanged (no prompt).
The password must meet the same rules as registration (8-128 characters, not common).

Exit codes: 0 created, promoted or already admin; 1 invalid input or failure; 2 wrong usage.`,
    load: async () => (await import('./create-admin.js')).runCreateAdmin,
  },
  {
    name: 'keys',
    summary: 'Rotate or list the access-token signing keys',
    usage: `Usage: gatehouse keys rotate|list [--json]

  rotate   create a new Ed25519 signing key: /.well-known/jwks.json lists it at once, and
           new access tokens use it 360 s later (one key reload plus one JWKS cache
           lifetime); tokens signed with the previous key keep verifying until they expire
           (ACCESS_TOKEN_TTL_SECONDS plus 60 s), and the JWKS lists both meanwhile
  list     show every key: pending (published, not signing yet), active, verifying
           (retired, still accepted) or expired
  --json   (list) print JSON instead of a table

Needs the service's KEY_ENCRYPTION_KEY: private keys are stored encrypted under it.
Exit codes: 0 done, 1 failure (wrong KEY_ENCRYPTION_KEY, database), 2 wrong usage.`,
    load: async () => (await import('./keys.js')).runKeys,
  },
  {
    name: 'users',
    summary: "Export one user's data as JSON",
    usage: `Usage: gatehouse users export <id>

  export <id>   print every stored fact about the user (profile, sessions, refresh-token
                and email-token metadata, mail, audit events) as JSON on standard output,
                the same document as GET /api/users/:id/export; never a hash or a token

  gatehouse users export 42 > user-42.json

Exit codes: 0 printed, 1 no such user or failure, 2 wrong usage.`,
    load: async () => (await import('./users.js')).runUsers,
  },
  {
    name: 'clients',
    summary: 'Register, list or delete applications that sign people in (OpenID clients)',
    usage: `Usage: gatehouse clients create --name NAME --redirect-uri URI [--redirect-uri URI]
                                [--public] [--first-party] [--json]
       gatehouse clients list [--json]
       gatehouse clients delete <client_id>

  create   register an application; prints its client_id and, for a confidential client,
           its client_secret (shown once: only a hash is stored). --json prints
           {"client_id": "...", "client_secret": "..."} (no secret with --public)
           A confidential client may use authorization_code, refresh_token and
           client_credentials and authenticates with client_secret_basic; a --public one
           has no secret and must use PKCE. --first-party skips the consent screen.
  list     every registered application
  delete   remove an application and every grant and token issued to it

Exit codes: 0 done, 1 invalid input or failure, 2 wrong usage.`,
    load: async () => (await import('./clients.js')).runClients,
  },
  {
    name: 'webhooks',
    summary: 'Add, list or remove webhook endpoints',
    usage: `Usage: gatehouse webhooks add --url URL --event TYPE [--event TYPE] [--description TEXT] [--json]
       gatehouse webhooks list [--json]
       gatehouse webhooks remove <id>

  add      register an endpoint for the given event types (repeat --event, or separate
           them with commas); prints its id and signing secret (whsec_..., shown once:
           it is stored sealed under KEY_ENCRYPTION_KEY). --json prints {"id": ..., "secret": "..."}
           URLs that resolve to loopback, private, link-local or metadata addresses are refused.
  list     every endpoint, enabled or disabled
  remove   remove an endpoint and its delivery log

Events: user.created, user.updated, user.deleted, user.email_verified, session.created,
session.revoked, password.changed (see docs/webhooks.md).
Exit codes: 0 done, 1 invalid input or failure, 2 wrong usage.`,
    load: async () => (await import('./webhooks.js')).runWebhooks,
  },
  {
    name: 'providers',
    summary: 'Add, list or remove upstream sign-in providers (social sign-in)',
    usage: `Usage: gatehouse providers add <id> --preset oidc|google|microsoft|github --client-id ID
                 [--issuer URL] [--tenant ID] [--name TEXT] [--scopes "a b"] [--store-tokens]
                 [--authorization-endpoint URL] [--token-endpoint URL] [--userinfo-endpoint URL]
                 [--api-endpoint URL] [--no-secret] [--json]
       gatehouse providers list [--json]
       gatehouse providers remove <id>

  add      add a provider; <id> (a-z, 0-9, dashes) is part of its callback URL, printed
           for you to register at the provider. The client secret is asked for (hidden) or
           read from the first line of standard input, never from the command line; it is
           stored sealed under KEY_ENCRYPTION_KEY. --issuer for oidc, --tenant for microsoft;
           https only (SOCIAL_ALLOW_HTTP is for tests).
  list     every provider: from SOCIAL_PROVIDERS (env) and added here or on /admin/providers
  remove   remove a provider added here or on the admin page (not one from SOCIAL_PROVIDERS);
           accounts linked to it stay linked until they unlink it

See docs/social-sign-in.md. Exit codes: 0 done, 1 invalid input or failure, 2 wrong usage.`,
    load: async () => (await import('./providers.js')).runProviders,
  },
  {
    name: 'cleanup',
    summary: 'Delete expired sessions, tokens, old mail, audit events and retired keys now',
    usage: `Usage: gatehouse cleanup

Runs the cleanup the service schedules every CLEANUP_INTERVAL_SECONDS, once, now:
  - sessions ended (revoked or expired) more than SESSION_RETENTION_DAYS ago, with their
    refresh tokens, and refresh tokens expired more than SESSION_RETENTION_DAYS ago
  - audit events older than AUDIT_RETENTION_DAYS
  - signing keys retired longer than ACCESS_TOKEN_TTL_SECONDS + 60 s (they verify nothing)
  - email tokens expired, and mail sent or given up, more than MAIL_RETENTION_DAYS ago
  - organization invitations never accepted that expired more than MAIL_RETENTION_DAYS ago
  - OpenID provider codes, sessions and tokens past their expiry
Only one cleanup runs at a time across all instances (a PostgreSQL advisory lock); if
another holds it, nothing is done.

Exit codes: 0 done (or skipped), 1 failure, 2 wrong usage.`,
    load: async () => (await import('./cleanup.js')).runCleanupCommand,
  },
  {
    name: 'check',
    summary: 'Prove a running deployment is configured safely (black-box checks over HTTPS)',
    usage: `Usage: gatehouse check <url> [--admin-email E --admin-password P] [--instances URL2]
                      [--only GROUP] [--json] [--junit FILE] [--ca FILE] [--timeout SECONDS]
                      [--http-url URL] [--login-max N]

Runs the checks of @gatehouse/check (also \`npx @gatehouse/check <url>\` on any machine) against
the deployment's public URL: transport, headers, cookies, tokens, limits, surface, oidc. Each
check passes, warns or fails, with the setting to change and a link to docs/operations.md.
Run it after each deploy. It registers one throwaway account (…@example.invalid) and deletes it;
the login limit is tried on an email nobody owns. Needs no database or configuration.

  --admin-email E, --admin-password P  an administrator, to prove PKCE with a throwaway client
  --instances URL2   another instance reached directly: limits and logouts must be shared
  --only GROUP       run one group (repeatable or comma-separated)
  --json / --junit FILE   machine output / a JUnit XML report for CI
  --ca FILE          trust this CA certificate too (private or self-signed)
  --timeout SECONDS  per-request timeout (default 10)
  --http-url URL     where plain HTTP is served, for the redirect check (default: port 80)
  --login-max N      RATE_LIMIT_LOGIN_ACCOUNT_MAX of the deployment (default 10)

Exit codes: 0 no check failed (warnings allowed), 1 a check failed, 2 wrong usage.`,
    load: async () => (await import('./check.js')).runCheck,
  },
];
