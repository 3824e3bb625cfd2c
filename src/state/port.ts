/**
 * Shared state across instances: the only place that knows whether it is Redis or memory.
 * Every operation is atomic on its own; callers never read-modify-write.
 */
export interface SharedState {
  /**
   * Adds `by` (default 1) to key, creating it with the TTL on first use, and returns the new count
   * and the seconds left. A negative `by` gives back a reservation: it never creates a missing key
   * (answering count 0) and never takes a count below zero.
   */
  increment(
    key: string,
    ttlSeconds: number,
    by?: number,
  ): Promise<{ count: number; ttlSeconds: number }>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Returns the value and removes it in one step (single-use values). */
  getAndDelete(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<void>;
  /** Called whenever the connection to shared state comes back after an outage (missed messages). */
  onReconnect(handler: () => void): void;
  /** True while messages published by other instances are known to arrive. */
  isHealthy(): boolean;
  /** Round trip to the backing store, for readiness checks. */
  ping(): Promise<boolean>;
  readonly kind: 'memory' | 'redis';
  close(): Promise<void>;
}
