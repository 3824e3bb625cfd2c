import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.js';
import type { SharedState } from './port.js';

export interface StateGuardOptions {
  logger: Logger;
  /** The counters every instance shares (Redis, or memory for one instance). */
  shared: SharedState;
  /** This instance's own counters: they stand in for `shared` while it fails (fail open). */
  local: SharedState;
  /** RATE_LIMIT_FAIL_OPEN: count per instance (true) or answer 503 (false) when shared state fails. */
  failOpen: boolean;
  /** Counts each failed operation (metrics). */
  onError: (operation: string) => void;
}

export type StateGuard = ReturnType<typeof createStateGuard>;

/** Seconds a client refused for a shared-state outage should wait (ioredis retries within 2 s). */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps every limiter call to shared state: a failure is counted, logged once per outage, and then
 * either counted on this instance's own counters instead (fail open) or refused with 503 (fail
 * closed), never surfacing as a 500. Failing open never switches a limit off: an attacker who can
 * take Redis down must not get unlimited password guesses.
 */
export function createStateGuard(options: StateGuardOptions) {
  let outage = false;

  const failed = (operation: string, err: unknown) => {
    options.onError(operation);
    if (outage) return;
    outage = true;
    options.logger.warn(
      { operation, err: { message: (err as Error)?.message }, failOpen: options.failOpen },
      options.failOpen
        ? 'shared state unavailable: rate limits count per instance until it is back'
        : 'shared state unavailable: rate-limited routes answer 503 until it is back',
    );
  };
  const succeeded = () => {
    if (!outage) return;
    outage = false;
    options.logger.info('shared state is back: rate limits count across instances again');
  };

  return {
    /** Runs a limiter read/update on shared state, or on this instance's counters while it fails. */
    async run<T>(operation: string, work: (state: SharedState) => Promise<T>): Promise<T> {
      try {
        const result = await work(options.shared);
        succeeded();
        return result;
      } catch (err) {
        failed(operation, err);
        if (options.failOpen) return work(options.local);
        throw new AppError('SERVICE_UNAVAILABLE', {
          retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
          cause: err,
        });
      }
    },
    /** Bookkeeping after the decision (resets, give-backs), on the counters `run` fell back to. */
    async bestEffort(operation: string, work: (state: SharedState) => Promise<unknown>) {
      try {
        await work(options.shared);
        succeeded();
      } catch (err) {
        failed(operation, err);
        if (options.failOpen) await work(options.local).catch(() => undefined);
      }
    },
    /** Background syncs that keep their own local counts (the global limit): never fails a request. */
    async background(operation: string, work: () => Promise<unknown>): Promise<void> {
      try {
        await work();
        succeeded();
      } catch (err) {
        failed(operation, err);
      }
    },
  };
}
