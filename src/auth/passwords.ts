import { createHmac } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.js';
import { HashWorkers, type Timed } from './hash-workers.js';

/**
 * bcrypt reads at most 72 bytes and stops at a NUL byte. Pre-hashing with HMAC-SHA-256 and
 * base64 (44 ASCII characters, no NUL) makes every byte of the password count while keeping
 * the standard `$2b$` format. The fixed key only separates this use of SHA-256 from others.
 */
const PREHASH_KEY = 'gatehouse/bcrypt-prehash/v1';
export function prehash(password: string): string {
  return createHmac('sha256', PREHASH_KEY).update(password, 'utf8').digest('base64');
}

/** The maintained common-password list of zxcvbn-ts (about 49,000 entries), compared case-insensitively. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The contract's password rules (length is also in the schema); no composition rules (NIST SP 800-63B). */
export function validateNewPassword(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < 8)
    throw new AppError('VALIDATION_FAILED', {
      errors: { [field]: 'Password must be at least 8 characters' },
    });
  if (length > 128)
    throw new AppError('VALIDATION_FAILED', {
      errors: { [field]: 'Password must be 128 characters or fewer' },
    });
  if (isCommonPassword(password)) {
    throw new AppError('PASSWORD_TOO_COMMON', {
      errors: { [field]: 'This password is too common. Choose a different one.' },
    });
  }
}

/** The work factor a stored `$2a$`/`$2b$`/`$2y$` hash was made with; null for anything else. */
export function bcryptCost(hash: string): number | null {
  const match = /^\$2[aby]\$(\d{2})\$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export interface HasherOptions {
  cost: number;
  /** Hashes run at once: the number of hashing threads. */
  concurrency: number;
  /**
   * The wait budget: the longest a request may take from arrival until its own hash is done,
   * predicted from the measured hash time and the queue ahead of it. Beyond it: 503 + Retry-After.
   */
  maxWaitMs: number;
  /** Nice value of the hashing threads (0 = same CPU priority as request handling). */
  nice: number;
  onQueueChange?: (queued: number, running: number) => void;
  onWait?: (waitMs: number) => void;
}

/**
 * How long a shed answer is held back (at most the wait budget). A client that retries at once,
 * ignoring Retry-After, then costs one cheap request a second instead of a loop that takes the
 * CPU hashing needs; holding it costs one timer.
 */
const SHED_HOLD_MS = 1000;

/**
 * One request's turn at hashing. Its one hash or comparison gives it back; `release()` gives it
 * back unused (safe to call again). Callers take it only when they are ready to hash: a slot held
 * across a database call would let a stalled database block sign-ins instead of failing them fast.
 */
export interface HashSlot {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Spends the same time as a real verification, for unknown accounts (no enumeration by timing). */
  verifyAgainstDummy(password: string): Promise<false>;
  release(): void;
}

/**
 * Admission-controlled bcrypt. At most `concurrency` hashes run at once, on dedicated threads at
 * a lower CPU priority (hash-workers.ts). The others queue in arrival order, as long as the queue
 * can serve them within the wait budget: a request is admitted when the rounds of hashes ahead of
 * it plus its own, at the measured hash time, fit in `maxWaitMs`. So a burst that the cores can
 * serve in time is served in full, and what they cannot is shed at once, when it arrives, with
 * 503 + Retry-After (the answer held back a moment so that retrying without pause stays cheap).
 * An admitted request is never shed later: its wait was already spent.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiters: Array<() => void> = [];
  /**
   * Moving average of one hash as its thread measures it (the CPU's load included, the wait for a
   * thread or for the event loop not), for admission and Retry-After.
   */
  private averageHashMs: number;
  /**
   * The fastest hash measured (start-up calibration included): what a burst arriving at rest
   * gets, whereas the moving average also remembers periods of contention.
   */
  private restingHashMs: number | null = null;
  private dummyHash: Promise<string> | null = null;
  private readonly workers: HashWorkers;

  constructor(private readonly options: HasherOptions) {
    this.averageHashMs = 2 ** options.cost / 16; // rough first guess, replaced by measurements
    this.workers = new HashWorkers(options.concurrency, options.nice);
    this.calibrate();
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** A hashing slot, or 503 + Retry-After when the queue cannot serve this request within budget. */
  acquire(): Promise<HashSlot> {
    // A burst that finds the hasher at rest is judged by the resting hash time, not by an average
    // left inflated by an earlier period of contention (a read flood slows hashing down).
    if (this.running === 0 && this.waiters.length === 0 && this.restingHashMs !== null)
      this.averageHashMs = Math.min(this.averageHashMs, this.restingHashMs);
    if (this.running < this.options.concurrency && this.waiters.length === 0) {
      this.running++;
      this.options.onWait?.(0);
      this.changed();
      return Promise.resolve(this.slot());
    }
    if (this.predictedMs() > this.options.maxWaitMs) return this.shed();
    const enqueuedAt = performance.now();
    return new Promise<HashSlot>((resolve) => {
      this.waiters.push(() => {
        this.options.onWait?.(performance.now() - enqueuedAt);
        resolve(this.slot());
      });
      this.changed();
    });
  }

  /** Predicted time from now until a newcomer's hash is done: the rounds ahead of it plus its own. */
  private predictedMs(): number {
    const ahead = this.running + this.waiters.length;
    return Math.ceil((ahead + 1) / this.options.concurrency) * this.averageHashMs;
  }

  async hash(password: string): Promise<string> {
    return (await this.acquire()).hash(password);
  }

  async verify(password: string, hash: string): Promise<boolean> {
    return (await this.acquire()).verify(password, hash);
  }

  async verifyAgainstDummy(password: string): Promise<false> {
    return (await this.acquire()).verifyAgainstDummy(password);
  }

  /**
   * Whether a stored hash was made at another cost than the configured one. Such a hash is
   * replaced at the account's next sign-in, so after a BCRYPT_COST change every account's check
   * comes to cost what the dummy check of an unknown address costs (made at the configured cost).
   */
  needsRehash(hash: string): boolean {
    const cost = bcryptCost(hash);
    return cost !== null && cost !== this.options.cost;
  }

  /** Seconds a shed client should wait before trying again: the backlog left after `laterMs`. */
  retryAfterSeconds(laterMs = 0): number {
    const backlog = (this.waiters.length + this.running) / this.options.concurrency;
    return Math.max(1, Math.ceil((backlog * this.averageHashMs - laterMs) / 1000));
  }

  close(): Promise<void> {
    return this.workers.close();
  }

  private shed(): Promise<never> {
    const holdMs = Math.min(SHED_HOLD_MS, this.options.maxWaitMs);
    const error = new AppError('SERVICE_UNAVAILABLE', {
      message: 'Too many sign-ins at once; try again in a moment',
      retryAfterSeconds: this.retryAfterSeconds(holdMs),
    });
    return new Promise((_resolve, reject) => setTimeout(() => reject(error), holdMs));
  }

  private changed(): void {
    this.options.onQueueChange?.(this.waiters.length, this.running);
  }

  private giveBack(): void {
    const next = this.waiters.shift();
    if (next)
      next(); // the slot passes straight on
    else this.running--;
    this.changed();
  }

  private slot(): HashSlot {
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.giveBack();
    };
    const timed = async <T>(work: () => Promise<Timed<T>>): Promise<T> => {
      if (!held) throw new Error('this hashing slot was already used');
      try {
        const { value, ms } = await work();
        this.measured(ms);
        return value;
      } finally {
        release();
      }
    };
    const { cost } = this.options;
    return {
      hash: (password) => timed(() => this.workers.hash(prehash(password), cost)),
      verify: (password, hash) => timed(() => this.workers.compare(prehash(password), hash)),
      verifyAgainstDummy: async (password) => {
        const dummy = await this.dummy();
        await timed(() => this.workers.compare(prehash(password), dummy));
        return false;
      },
      release,
    };
  }

  private measured(hashMs: number): void {
    this.averageHashMs = this.averageHashMs * 0.8 + hashMs * 0.2;
    this.restingHashMs = Math.min(this.restingHashMs ?? hashMs, hashMs);
  }

  /**
   * Replaces the first guess with a measurement at start-up, in the background: the dummy hash
   * (which also starts a thread), then one timed comparison on the running thread.
   */
  private calibrate(): void {
    void (async () => {
      const dummy = await this.dummy();
      const { ms: hashMs } = await this.workers.compare(prehash('gatehouse-calibration'), dummy);
      this.averageHashMs = hashMs;
      this.restingHashMs = Math.min(this.restingHashMs ?? hashMs, hashMs);
    })().catch(() => undefined); // closed before it finished: the guess stays
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.workers
      .hash(prehash('gatehouse-dummy-password'), this.options.cost)
      .then(({ value }) => value)
      .catch((err: unknown) => {
        this.dummyHash = null;
        throw err;
      });
    return this.dummyHash;
  }
}
