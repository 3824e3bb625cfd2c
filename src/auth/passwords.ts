import { createHmac } from 'node:crypto';
import bcrypt from 'bcrypt';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.js';

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

export interface HasherOptions {
  cost: number;
  concurrency: number;
  /** Latency budget: requests that would wait longer than this for a hash are shed with 503. */
  maxWaitMs: number;
  onQueueChange?: (queued: number, running: number) => void;
  onWait?: (waitMs: number) => void;
}

/**
 * Admission-controlled bcrypt. Native bcrypt already hashes on libuv's thread pool (off the event
 * loop); this bounds how many run at once (the CPUs) and how many may queue, so a login storm
 * is shed at once instead of queueing without bound and starving everything else.
 */
export class PasswordHasher {
  private running = 0;
  private readonly queue: Array<{ start: () => void; enqueuedAt: number }> = [];
  /** Moving average of one hash, measured, so the queue limit follows the real machine. */
  private averageHashMs: number;
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly options: HasherOptions) {
    this.averageHashMs = 2 ** options.cost / 16; // rough first guess, replaced by measurements
  }

  get queued(): number {
    return this.queue.length;
  }

  async hash(password: string): Promise<string> {
    return this.admit(() => bcrypt.hash(prehash(password), this.options.cost));
  }

  async verify(password: string, hash: string): Promise<boolean> {
    return this.admit(() => bcrypt.compare(prehash(password), hash));
  }

  /** Spends the same time as a real verification, for unknown accounts (no enumeration by timing). */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= bcrypt.hash(prehash('gatehouse-dummy-password'), this.options.cost);
    await this.verify(password, await this.dummyHash);
    return false;
  }

  /** Seconds a shed client should wait before trying again. */
  retryAfterSeconds(): number {
    const backlog = (this.queue.length + this.running) / this.options.concurrency;
    return Math.max(1, Math.ceil((backlog * this.averageHashMs) / 1000));
  }

  private maxQueued(): number {
    const perSlot = Math.floor(this.options.maxWaitMs / Math.max(this.averageHashMs, 1));
    return Math.max(this.options.concurrency, perSlot * this.options.concurrency);
  }

  private admit<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency && this.queue.length >= this.maxQueued()) {
      throw new AppError('SERVICE_UNAVAILABLE', {
        message: 'Too many sign-ins at once; try again in a moment',
        retryAfterSeconds: this.retryAfterSeconds(),
      });
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        const begun = performance.now();
        work()
          .then(resolve, reject)
          .finally(() => {
            const took = performance.now() - begun;
            this.averageHashMs = this.averageHashMs * 0.8 + took * 0.2;
            this.running--;
            const next = this.queue.shift();
            if (next) {
              this.options.onWait?.(performance.now() - next.enqueuedAt);
              next.start();
            }
            this.options.onQueueChange?.(this.queue.length, this.running);
          });
      };
      if (this.running < this.options.concurrency) {
        this.options.onWait?.(0);
        start();
      } else {
        this.queue.push({ start, enqueuedAt: performance.now() });
      }
      this.options.onQueueChange?.(this.queue.length, this.running);
    });
  }
}
