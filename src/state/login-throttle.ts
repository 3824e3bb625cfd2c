import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error.js';
import { limitAddress, limitEmail } from './client-address.js';
import type { SharedState } from './port.js';
import type { StateGuard } from './state-guard.js';

export interface LoginThrottleOptions {
  accountMax: number;
  addressMax: number;
  windowSeconds: number;
  slowdownAfter: number;
  /** Chooses the counters: shared, or this instance's while shared state is down. */
  guard: StateGuard;
  hashKey: (identity: string) => string;
  onLimited: (limiter: 'login_account' | 'login_address') => void;
}

/** Each failure past the slowdown threshold adds this much delay to the next attempt… */
export const SLOWDOWN_STEP_MS = 250;
/** …up to this bound, so a slowed attempt never ties up a connection for long. */
export const SLOWDOWN_MAX_MS = 2000;

/**
 * Brute-force protection for password sign-in, per account and per client address.
 *
 * Every attempt reserves its failure up front with one atomic increment per counter, so a burst of
 * parallel guesses (on one instance or many) cannot all pass the check before any failure is
 * recorded. A wrong password keeps the reservation; a success clears the account counter and
 * gives back the address one; an attempt that never reached the password check gives both back.
 */
export function createLoginThrottle(options: LoginThrottleOptions) {
  const { guard } = options;
  const accountKey = (email: string) => `rl:login:account:${options.hashKey(limitEmail(email))}`;
  const addressKey = (ip: string | null) => `rl:login:address:${options.hashKey(limitAddress(ip))}`;
  const giveBack = (state: SharedState, key: string) =>
    state.increment(key, options.windowSeconds, -1);

  return {
    /** Reserves one failure; refuses with 429 + Retry-After past a limit, or delays the attempt. */
    async beforeLogin(email: string, ip: string | null): Promise<void> {
      // Shared state down and RATE_LIMIT_FAIL_OPEN: this instance's counters, never no limit.
      const [account, address] = await guard.run('login.check', (state) =>
        Promise.all([
          state.increment(accountKey(email), options.windowSeconds),
          state.increment(addressKey(ip), options.windowSeconds),
        ]),
      );
      // While limited, the right password is refused too: otherwise the 429 would only tell an
      // attacker which guesses were wrong. Refused attempts stay counted but never extend the window.
      const overAccount = account.count > options.accountMax;
      const overAddress = address.count > options.addressMax;
      if (overAccount || overAddress) {
        options.onLimited(overAccount ? 'login_account' : 'login_address');
        const wait = Math.max(
          overAccount ? account.ttlSeconds : 0,
          overAddress ? address.ttlSeconds : 0,
          1,
        );
        throw new AppError('RATE_LIMITED', {
          message: 'Too many failed sign-in attempts; try again later',
          retryAfterSeconds: wait,
        });
      }
      // The count includes this attempt (and any still in flight): the failures before it.
      const excess = account.count - 1 - options.slowdownAfter;
      if (excess >= 0) {
        // A timer, not a busy wait: the event loop keeps serving everyone else meanwhile.
        await sleep(Math.min(SLOWDOWN_STEP_MS * (excess + 1), SLOWDOWN_MAX_MS));
      }
    },

    /** The password was wrong: the failure reserved by beforeLogin stays counted. */
    async loginFailed(_email: string, _ip: string | null): Promise<void> {},

    /** The password was right: the account starts afresh and the address gets its reservation back. */
    async loginSucceeded(email: string, ip: string | null): Promise<void> {
      await guard.bestEffort('login.reset', (state) =>
        Promise.all([state.delete(accountKey(email)), giveBack(state, addressKey(ip))]),
      );
    },

    /** The attempt ended before the password was judged (shed with 503, database down). */
    async loginAborted(email: string, ip: string | null): Promise<void> {
      await guard.bestEffort('login.release', (state) =>
        Promise.all([giveBack(state, accountKey(email)), giveBack(state, addressKey(ip))]),
      );
    },
  };
}
