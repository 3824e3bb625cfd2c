import type { Context } from './context.js';

export type Status = 'pass' | 'warn' | 'fail';

export const GROUPS = [
  'transport',
  'headers',
  'cookies',
  'tokens',
  'limits',
  'surface',
  'oidc',
] as const;
export type Group = (typeof GROUPS)[number];

/** What one check found. */
export interface Outcome {
  status: Status;
  /** What was seen, in one line. */
  detail: string;
}

/** One check: its identity, why it matters and how to fix it, and how to run it. */
export interface Check {
  group: Group;
  /** Stable id, `group.name`. */
  id: string;
  title: string;
  /** One sentence: why it matters and how to fix it (the setting to change). */
  advice: string;
  /** Where the fix is documented (a path in the Gatehouse repository, with its anchor). */
  docs: string;
  run(ctx: Context): Promise<Outcome>;
}

export interface CheckResult {
  group: Group;
  id: string;
  title: string;
  status: Status;
  detail: string;
  advice: string;
  docs: string;
  durationMs: number;
}

export interface Report {
  url: string;
  instances: string[];
  startedAt: string;
  durationMs: number;
  results: CheckResult[];
  summary: { pass: number; warn: number; fail: number };
  /** Clean-up steps that did not work (a throwaway account left behind, ...). */
  cleanupErrors: string[];
}

export const pass = (detail: string): Outcome => ({ status: 'pass', detail });
export const warn = (detail: string): Outcome => ({ status: 'warn', detail });
export const fail = (detail: string): Outcome => ({ status: 'fail', detail });
