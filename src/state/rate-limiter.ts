import { AppError } from '../errors/app-error.js';
import type { StateGuard } from './state-guard.js';

/** A fixed-window limit: at most `max` requests per identity per window, counted in shared state. */
export interface WindowLimit {
  /** Names the limiter in keys, metrics and logs. */
  name: string;
  max: number;
  windowSeconds: number;
}

export interface RateLimiterDeps {
  /** Chooses the counters: shared, or this instance's while shared state is down. */
  guard: StateGuard;
  /** Turns an identity (address, email, user id) into a fixed-length key part that reveals nothing. */
  hashKey: (identity: string) => string;
  onLimited: (limiter: string) => void;
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * Fixed-window counters on the SharedState port (through the guard). The window starts at an identity's first request
 * and its counter expires with it, so idle identities cost nothing; one atomic increment per check
 * means concurrent requests on any number of instances can never slip past the maximum together.
 */
export function createRateLimiter(deps: RateLimiterDeps) {
  return {
    /** Counts one request for `identity`; throws RATE_LIMITED (429 + Retry-After) past the maximum. */
    async hit(limit: WindowLimit, identity: string): Promise<void> {
      const key = `rl:${limit.name}:${deps.hashKey(identity)}`;
      const result = await deps.guard.run(`limit.${limit.name}`, (state) =>
        state.increment(key, limit.windowSeconds),
      );
      if (result.count > limit.max) {
        deps.onLimited(limit.name);
        throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, result.ttlSeconds) });
      }
    },
  };
}
