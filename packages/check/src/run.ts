import { cookieChecks } from './checks/cookies.js';
import { headerChecks } from './checks/headers.js';
import { limitChecks } from './checks/limits.js';
import { oidcChecks } from './checks/oidc.js';
import { surfaceChecks } from './checks/surface.js';
import { tokenChecks } from './checks/tokens.js';
import { transportChecks } from './checks/transport.js';
import { Context, type CheckOptions } from './context.js';
import type { Check, CheckResult, Group, Report } from './types.js';

/** Every check, in the order they run (and are reported). */
export const CHECKS: readonly Check[] = [
  ...transportChecks,
  ...headerChecks,
  ...cookieChecks,
  ...tokenChecks,
  ...limitChecks,
  ...surfaceChecks,
  ...oidcChecks,
];

export interface RunOptions extends CheckOptions {
  /** Run only these groups (default: all). */
  only?: Group[];
  /** Called after each check (progress output). */
  onResult?: (result: CheckResult) => void;
}

/**
 * Runs the checks one after another against a live deployment, then cleans up (throwaway
 * account and client deleted, administrator signed out). Never throws for a check: a check that
 * cannot reach the server fails with the reason.
 */
export async function runChecks(options: RunOptions): Promise<Report> {
  const ctx = new Context(options);
  const started = Date.now();
  const results: CheckResult[] = [];
  let cleanupErrors: string[] = [];
  const selected = CHECKS.filter((c) => !options.only?.length || options.only.includes(c.group));
  try {
    for (const check of selected) {
      const t0 = Date.now();
      let outcome;
      try {
        outcome = await check.run(ctx);
      } catch (err) {
        outcome = { status: 'fail' as const, detail: `error: ${(err as Error).message}` };
      }
      const result: CheckResult = {
        group: check.group,
        id: check.id,
        title: check.title,
        status: outcome.status,
        detail: outcome.detail,
        advice: check.advice,
        docs: check.docs,
        durationMs: Date.now() - t0,
      };
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    cleanupErrors = await ctx.cleanup();
  }
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    url: ctx.base,
    instances: ctx.instances,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    summary: { pass: count('pass'), warn: count('warn'), fail: count('fail') },
    cleanupErrors,
  };
}
