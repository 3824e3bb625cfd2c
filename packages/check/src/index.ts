export { runCheckCli, USAGE, type CheckIo } from './cli.js';
export type { CheckOptions, Throwaway } from './context.js';
export { formatJson, formatJunit, formatTable, summaryLine } from './report.js';
export { CHECKS, runChecks, type RunOptions } from './run.js';
export {
  GROUPS,
  type Check,
  type CheckResult,
  type Group,
  type Outcome,
  type Report,
  type Status,
} from './types.js';
