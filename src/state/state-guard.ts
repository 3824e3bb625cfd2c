import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.js';

export interface StateGuardOptions {
  logger: Logger;
  /** RATE_LIMIT_FAIL_OPEN: allow (true) or answer 503 (false) when shared state fails. */
  failOpen: boolean;
  /** Counts each failed operation (metrics). */
  onError: (operation: string) => void;
}

export type StateGuard = ReturnType<typeof createStateGuard>;

/** Seconds a client refused for a shared-state outage should wait (ioredis retries within 2 s). */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps every limiter call to shared state: a failure is counted, logged once per outage, and then
 * either let through (fail open) or refused with 503 (fail closed), never surfacing as a 500.
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
        ? 'shared state unavailable: rate limits are not enforced until it is back'
        : 'shared state unavailable: rate-limited routes answer 503 until it is back',
    );
  };
  const succeeded = () => {
    if (!outage) return;
    outage = false;
    options.logger.info('shared state is back: rate limits are enforced again');
  };

  return {
    /** Runs a limiter read/update; null means "could not check, allowed" (fail open). */
    async run<T>(operation: string, work: () => Promise<T>): Promise<T | null> {
      try {
        const result = await work();
        succeeded();
        return result;
      } catch (err) {
        failed(operation, err);
        if (options.failOpen) return null;
        throw new AppError('SERVICE_UNAVAILABLE', {
          retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
          cause: err,
        });
      }
    },
    /** Bookkeeping after the decision (resets, give-backs, syncs): failures never fail the request. */
    async bestEffort(operation: string, work: () => Promise<unknown>): Promise<void> {
      try {
        await work();
        succeeded();
      } catch (err) {
        failed(operation, err);
      }
    },
  };
}
