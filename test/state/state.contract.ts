import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedState } from '../../src/state/port.js';

export interface ContractSubject {
  /** Two handles on the same store, as two instances would see it (one is fine for memory). */
  first: SharedState;
  second: SharedState;
  close(): Promise<void>;
}

/** Waits until `check` holds (pub/sub delivery is asynchronous), failing after `ms`. */
async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

let sequence = 0;
const key = (name: string) => `contract:${process.pid}:${Date.now()}:${++sequence}:${name}`;

/**
 * The behaviour every SharedState adapter must have; run by test/state/*-state.test.ts against
 * the memory adapter and a real Redis, so the two stay interchangeable.
 */
export function sharedStateContract(name: string, create: () => Promise<ContractSubject>): void {
  describe(`SharedState contract: ${name}`, () => {
    let subject: ContractSubject;
    let state: SharedState;
    beforeAll(async () => {
      subject = await create();
      state = subject.first;
    });
    afterAll(async () => {
      await subject.close();
    });

    it('answers null for keys that were never set', async () => {
      expect(await state.get(key('missing'))).toBeNull();
      expect(await state.getAndDelete(key('missing'))).toBeNull();
      await expect(state.delete(key('missing'))).resolves.toBeUndefined();
    });

    it('sets, reads, overwrites and deletes values', async () => {
      const k = key('value');
      await state.set(k, 'one');
      expect(await state.get(k)).toBe('one');
      await state.set(k, 'two', 60);
      expect(await subject.second.get(k)).toBe('two');
      await state.delete(k);
      expect(await state.get(k)).toBeNull();
    });

    it('getAndDelete hands a single-use value to exactly one of many concurrent callers', async () => {
      const k = key('single-use');
      await state.set(k, 'token', 60);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? subject.second : state).getAndDelete(k)),
      );
      expect(results.filter((r) => r === 'token')).toHaveLength(1);
      expect(results.filter((r) => r === null)).toHaveLength(19);
      expect(await state.get(k)).toBeNull();
    });

    it('increment counts from 1 with the TTL set on first use', async () => {
      const k = key('counter');
      expect(await state.increment(k, 30)).toEqual({ count: 1, ttlSeconds: 30 });
      const second = await state.increment(k, 999);
      expect(second.count).toBe(2);
      // The window is fixed at first use: a later call does not extend it.
      expect(second.ttlSeconds).toBeGreaterThan(0);
      expect(second.ttlSeconds).toBeLessThanOrEqual(30);
      expect(await state.get(k)).toBe('2');
    });

    it('increment is atomic under concurrency across handles: no update is lost', async () => {
      const k = key('race');
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? subject.second : state).increment(k, 60)),
      );
      const counts = results.map((r) => r.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await state.get(k)).toBe('200');
    });

    it('increment adds larger amounts and gives back reservations without going below zero', async () => {
      const k = key('by');
      expect((await state.increment(k, 60, 5)).count).toBe(5);
      expect((await state.increment(k, 60, -2)).count).toBe(3);
      expect((await state.increment(k, 60, -10)).count).toBe(0);
      expect(await state.get(k)).toBe('0');
      const missing = key('by-missing');
      expect((await state.increment(missing, 60, -1)).count).toBe(0);
      // Giving back never creates a key (no zero-valued leftovers without a TTL).
      expect(await state.get(missing)).toBeNull();
    });

    it('gives a TTL to a counter that was set without one', async () => {
      const k = key('no-ttl');
      await state.set(k, '5');
      const result = await state.increment(k, 1);
      expect(result).toEqual({ count: 6, ttlSeconds: 1 });
      await sleep(1100);
      expect(await state.get(k)).toBeNull();
    });

    it('expires values and counters after their TTL', async () => {
      const value = key('expiring');
      const counter = key('expiring-counter');
      await state.set(value, 'x', 1);
      await state.increment(counter, 1);
      await state.increment(counter, 1);
      expect(await state.get(value)).toBe('x');
      await sleep(1100);
      expect(await state.get(value)).toBeNull();
      expect(await state.getAndDelete(value)).toBeNull();
      // A new window starts from 1 again.
      expect((await state.increment(counter, 1)).count).toBe(1);
    });

    it('delivers published messages to every subscriber of the channel, in order, and only to them', async () => {
      const channel = key('channel');
      const received: string[] = [];
      const alsoReceived: string[] = [];
      const otherChannel: string[] = [];
      await state.subscribe(channel, (m) => received.push(m));
      await subject.second.subscribe(channel, (m) => alsoReceived.push(m));
      await subject.second.subscribe(key('other'), (m) => otherChannel.push(m));
      await subject.second.publish(channel, 'a');
      await state.publish(channel, 'b');
      await eventually(() => received.length === 2 && alsoReceived.length === 2);
      expect(received).toEqual(['a', 'b']);
      expect(alsoReceived).toEqual(['a', 'b']);
      expect(otherChannel).toEqual([]);
    });

    it('reports itself healthy and answers ping', async () => {
      await eventually(() => state.isHealthy());
      expect(await state.ping()).toBe(true);
    });
  });
}
