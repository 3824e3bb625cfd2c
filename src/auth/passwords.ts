import { createHmac } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.js';
import { HashWorkers } from './hash-workers.js';

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

/** The work factor a stored `$2a$`/`$2b$`/`$2y$` hash was made with; null for anything else. */
export function bcryptCost(hash: string): number | null {
  const match = /^\$2[aby]\$(\d{2})\$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export interface HasherOptions {
  cost: number;
  /** Hashes run at once: the number of hashing threads. */
  concurrency: number;
  /** How long a request may wait for a free hashing slot before it is shed with 503. */
  maxWaitMs: number;
  /** Nice value of the hashing threads (0 = same CPU priority as request handling). */
  nice: number;
  onQueueChange?: (queued: number, running: number) => void;
  onWait?: (waitMs: number) => void;
}

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
 * Admission-controlled bcrypt. At most `concurrency` hashes run at once, on dedicated low-priority
 * threads (hash-workers.ts), so request handling keeps the CPU it needs during a login storm. A
 * request waits at most `maxWaitMs` for a slot, in arrival order; past that it is shed with
 * 503 + Retry-After. Accepted sign-ins therefore take at most that wait plus one hash, and a client
 * hammering without pause is answered after the wait, which bounds how much CPU shedding costs.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiters: Array<{ grant: () => void; enqueuedAt: number }> = [];
  /** Moving average of one hash, measured, for Retry-After. */
  private averageHashMs: number;
  private dummyHash: Promise<string> | null = null;
  private readonly workers: HashWorkers;

  constructor(private readonly options: HasherOptions) {
    this.averageHashMs = 2 ** options.cost / 16; // rough first guess, replaced by measurements
    this.workers = new HashWorkers(options.concurrency, options.nice);
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** A hashing slot, or 503 + Retry-After once none has come free within maxWaitMs. */
  acquire(): Promise<HashSlot> {
    const enqueuedAt = performance.now();
    if (this.running < this.options.concurrency && this.waiters.length === 0) {
      this.running++;
      this.options.onWait?.(0);
      this.changed();
      return Promise.resolve(this.slot());
    }
    if (this.options.maxWaitMs === 0) return Promise.reject(this.shed());
    return new Promise<HashSlot>((resolve, reject) => {
      const waiter = {
        enqueuedAt,
        grant: () => {
          clearTimeout(timer);
          this.options.onWait?.(performance.now() - enqueuedAt);
          resolve(this.slot());
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.changed();
        reject(this.shed());
      }, this.options.maxWaitMs);
      this.waiters.push(waiter);
      this.changed();
    });
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

  /** Seconds a shed client should wait before trying again. */
  retryAfterSeconds(): number {
    const backlog = (this.waiters.length + this.running) / this.options.concurrency;
    return Math.max(1, Math.ceil((backlog * this.averageHashMs) / 1000));
  }

  close(): Promise<void> {
    return this.workers.close();
  }

  private shed(): AppError {
    return new AppError('SERVICE_UNAVAILABLE', {
      message: 'Too many sign-ins at once; try again in a moment',
      retryAfterSeconds: this.retryAfterSeconds(),
    });
  }

  private changed(): void {
    this.options.onQueueChange?.(this.waiters.length, this.running);
  }

  private giveBack(): void {
    const next = this.waiters.shift();
    if (next)
      next.grant(); // the slot passes straight on
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
    const timed = async <T>(work: () => Promise<T>): Promise<T> => {
      if (!held) throw new Error('this hashing slot was already used');
      const begun = performance.now();
      try {
        return await work();
      } finally {
        this.averageHashMs = this.averageHashMs * 0.8 + (performance.now() - begun) * 0.2;
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

  private dummy(): Promise<string> {
    this.dummyHash ??= this.workers
      .hash(prehash('gatehouse-dummy-password'), this.options.cost)
      .catch((err: unknown) => {
        this.dummyHash = null;
        throw err;
      });
    return this.dummyHash;
  }
}
