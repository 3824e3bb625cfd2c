import { readFileSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatJson, formatJunit, formatTable } from './report.js';
import { runChecks } from './run.js';
import { GROUPS, type Group } from './types.js';

export const USAGE = `Usage: gatehouse check <url> [options]

Black-box checks that a running Gatehouse deployment is configured safely: transport, headers,
cookies, tokens, limits, surface, oidc. Each gives pass, warn or fail with how to fix it.
Run it after each deploy, against the public URL (the APP_URL).

  --admin-email E, --admin-password P
                     an administrator: lets the run register (and delete) a throwaway OpenID
                     client to prove PKCE is required, and delete the throwaway account if
                     signing in to it is refused (GATEHOUSE_CHECK_ADMIN_PASSWORD also works)
  --instances URL2   another instance of the deployment, reached directly (repeatable or
                     comma-separated): the login limit and a logout must be shared with it
  --only GROUP       run one group (repeatable or comma-separated): ${GROUPS.join(', ')}
  --json             print the report as JSON instead of the table
  --junit FILE       also write a JUnit XML report to FILE
  --ca FILE          trust this CA certificate (PEM) too, for a private or self-signed one
  --timeout SECONDS  per-request timeout (default 10)
  --http-url URL     where plain HTTP is served, for the redirect check (default: port 80)
  --login-max N      failed sign-ins per account before 429 (RATE_LIMIT_LOGIN_ACCOUNT_MAX,
                     default 10)

The run registers one throwaway account (gatehouse-check+<random>@example.invalid) and deletes
it at the end; the login limit is tried on an email nobody owns, so no real user is locked out.
It costs about 13 failed sign-ins from this machine's address (limit: RATE_LIMIT_LOGIN_IP_MAX,
50 per 15 minutes by default) and one registration.

Exit codes: 0 no check failed (warnings allowed), 1 a check failed, 2 wrong usage.`;

export interface CheckIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function parseUrl(text: string, what: string): string {
  const url = URL.parse(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError(`${what} must be an http:// or https:// URL, not "${text}"`);
  return url.href.replace(/\/+$/, '');
}

function parse(args: string[], io: CheckIo) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'admin-email': { type: 'string' },
        'admin-password': { type: 'string' },
        instances: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        junit: { type: 'string' },
        ca: { type: 'string' },
        timeout: { type: 'string' },
        'http-url': { type: 'string' },
        'login-max': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError('expected exactly one URL');
  const only = list(values.only);
  const unknown = only.find((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown) throw new UsageError(`unknown group "${unknown}" (groups: ${GROUPS.join(', ')})`);
  const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  const loginMax = values['login-max'] === undefined ? 10 : Number(values['login-max']);
  if (!Number.isInteger(loginMax) || loginMax < 1)
    throw new UsageError('--login-max must be a positive integer');
  const adminPassword = values['admin-password'] ?? io.env.GATEHOUSE_CHECK_ADMIN_PASSWORD;
  if (values['admin-email'] && !adminPassword)
    throw new UsageError('--admin-email needs --admin-password');
  let ca: string | undefined;
  if (values.ca) {
    try {
      ca = readFileSync(values.ca, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read --ca ${values.ca}: ${(err as Error).message}`);
    }
  }
  return {
    url: parseUrl(positionals[0]!, 'the URL'),
    instances: list(values.instances).map((u) => parseUrl(u, '--instances')),
    only: only as Group[],
    json: values.json === true,
    junit: values.junit,
    ca,
    timeoutMs: timeout * 1000,
    httpUrl: values['http-url'] ? parseUrl(values['http-url'], '--http-url') : undefined,
    loginMax,
    adminEmail: values['admin-email'],
    adminPassword: values['admin-email'] ? adminPassword : undefined,
  };
}

/** `gatehouse check` / `gatehouse-check`: resolves to the exit code (0 ok, 1 a failure, 2 usage). */
export async function runCheckCli(args: string[], io: CheckIo): Promise<number> {
  let options;
  try {
    options = parse(args, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`gatehouse check: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const colour = io.stdout.isTTY === true && !io.env.NO_COLOR;
  // Progress on a terminal only: the limit checks take a while (the server slows repeated failures).
  const progress = !options.json && io.stdout.isTTY === true;
  if (progress) io.stderr.write(`Checking ${options.url} ...\n`);
  const report = await runChecks({
    ...options,
    ...(progress ? { onResult: (r) => io.stderr.write(`  ${r.status.padEnd(4)} ${r.id}\n`) } : {}),
  });
  io.stdout.write(options.json ? formatJson(report) : formatTable(report, colour));
  if (options.junit) writeFileSync(options.junit, formatJunit(report));
  return report.summary.fail > 0 ? 1 : 0;
}
