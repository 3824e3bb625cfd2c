import type { SharedState } from './port.js';
import type { StateGuard } from './state-guard.js';

export interface GlobalLimiterOptions {
  /** Requests per address per window, summed over every instance. */
  max: number;
  windowSeconds: number;
  state: SharedState;
  guard: StateGuard;
  hashKey: (identity: string) => string;
  /** How often local counts are added to the shared ones. */
  syncIntervalMs?: number;
  now?: () => number;
}

interface Count {
  /** Requests this instance let through in the current window. */
  local: number;
  /** The part of `local` already added to the shared counter. */
  synced: number;
  /** The shared counter (every instance) as of the last sync. */
  shared: number;
}

/** Addresses below this share of the limit on one instance are not worth a Redis write. */
const SYNC_FRACTION = 0.1;
/** Memory bound: past this many addresses in one window, new ones are let through uncounted. */
const MAX_TRACKED = 100_000;

/**
 * The generous per-address limit on all of /api, decided without a Redis round trip: each instance
 * counts locally in clock-aligned windows and adds its counts to a shared counter in the background
 * (once a second, and only for addresses past a tenth of the limit), learning the sum of all
 * instances in the same step. Overshoot is bounded by one sync interval; when Redis is down, the
 * limit is still enforced per instance from the local counts.
 */
export class GlobalLimiter {
  private window = -1;
  private counts = new Map<string, Count>();
  private timer: NodeJS.Timeout | null = null;
  private syncing = false;
  private readonly now: () => number;
  private readonly windowMs: number;

  constructor(private readonly options: GlobalLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowSeconds * 1000;
  }

  /** Counts one request from `address`: undefined when allowed, else the seconds to wait. */
  hit(address: string): number | undefined {
    const now = this.now();
    this.rotate(now);
    let count = this.counts.get(address);
    if (!count) {
      if (this.counts.size >= MAX_TRACKED) return undefined;
      count = { local: 0, synced: 0, shared: 0 };
      this.counts.set(address, count);
    }
    if (count.shared + count.local - count.synced >= this.options.max) {
      return Math.max(1, Math.ceil(((this.window + 1) * this.windowMs - now) / 1000));
    }
    count.local += 1;
    return undefined;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.sync(), this.options.syncIntervalMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Adds unsynced local counts to the shared counters and learns their totals. */
  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      this.rotate(this.now());
      const window = this.window;
      const counts = this.counts;
      const threshold = this.options.max * SYNC_FRACTION;
      const work: Promise<void>[] = [];
      for (const [address, count] of counts) {
        const delta = count.local - count.synced;
        // An address synced before is re-read even without new requests here (delta 0): other
        // instances may have added to it, and this one must learn that within one interval.
        if (count.shared === 0 && (delta === 0 || delta < threshold)) continue;
        count.synced += delta;
        const key = `rl:global:${window}:${this.options.hashKey(address)}`;
        work.push(
          this.options.guard.background('limit.global', async () => {
            try {
              // The key outlives its window a little so a late sync never restarts a count.
              const result = await this.options.state.increment(
                key,
                this.options.windowSeconds * 2,
                delta,
              );
              count.shared = Math.max(count.shared, result.count);
            } catch (err) {
              count.synced -= delta; // retried at the next sync; meanwhile counted locally
              throw err;
            }
          }),
        );
      }
      await Promise.all(work);
    } finally {
      this.syncing = false;
    }
  }

  private rotate(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window === this.window) return;
    this.window = window;
    this.counts = new Map();
  }
}
