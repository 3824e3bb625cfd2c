import { EventEmitter } from 'node:events';
import type { SharedState } from './port.js';

interface Entry {
  value: string;
  expiresAtMs: number | null;
}

/** In-process shared state for a single instance (no REDIS_URL). */
export function createMemoryState(now: () => number = Date.now): SharedState {
  const entries = new Map<string, Entry>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);

  const live = (key: string): Entry | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= now()) {
      entries.delete(key);
      return null;
    }
    return entry;
  };
  // Expired keys are also swept periodically so abandoned counters do not accumulate.
  const sweep = setInterval(() => {
    for (const key of entries.keys()) live(key);
  }, 60_000);
  sweep.unref();

  return {
    kind: 'memory',
    async increment(key, ttlSeconds, by = 1) {
      const entry = live(key);
      if (!entry) {
        if (by < 0) return { count: 0, ttlSeconds: 0 };
        entries.set(key, { value: String(by), expiresAtMs: now() + ttlSeconds * 1000 });
        return { count: by, ttlSeconds };
      }
      const count = Math.max(0, Number(entry.value) + by);
      entry.value = String(count);
      if (entry.expiresAtMs === null) entry.expiresAtMs = now() + ttlSeconds * 1000;
      const left = Math.max(1, Math.ceil((entry.expiresAtMs - now()) / 1000));
      return { count, ttlSeconds: left };
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAtMs: ttlSeconds ? now() + ttlSeconds * 1000 : null });
    },
    async getAndDelete(key) {
      const entry = live(key);
      entries.delete(key);
      return entry?.value ?? null;
    },
    async delete(key) {
      entries.delete(key);
    },
    async publish(channel, message) {
      bus.emit(channel, message);
    },
    async subscribe(channel, handler) {
      bus.on(channel, handler);
    },
    onReconnect() {
      // Memory never disconnects.
    },
    isHealthy: () => true,
    ping: async () => true,
    async close() {
      clearInterval(sweep);
      bus.removeAllListeners();
      entries.clear();
    },
  };
}
