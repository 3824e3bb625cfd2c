import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { limitAddress } from '../../src/state/client-address.js';
import { GlobalLimiter } from '../../src/state/global-limiter.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { SharedState } from '../../src/state/port.js';
import { createStateGuard } from '../../src/state/state-guard.js';

const silent = pino({ level: 'silent' });

function limiterOn(state: SharedState, clock: { now: number }, max = 10) {
  let errors = 0;
  const guard = createStateGuard({
    logger: silent,
    shared: state,
    local: createMemoryState(),
    failOpen: true,
    onError: () => errors++,
  });
  const limiter = new GlobalLimiter({
    max,
    windowSeconds: 60,
    state,
    guard,
    hashKey: (s) => s,
    now: () => clock.now,
  });
  return { limiter, errors: () => errors };
}

const hits = (limiter: GlobalLimiter, address: string, n: number) =>
  Array.from({ length: n }, () => limiter.hit(address));

describe('GlobalLimiter', () => {
  it('allows up to the maximum per address and window, then answers the seconds left', () => {
    const clock = { now: 60_000 * 1000 + 15_000 };
    const { limiter } = limiterOn(createMemoryState(), clock);
    expect(hits(limiter, 'a', 10).every((r) => r === undefined)).toBe(true);
    expect(limiter.hit('a')).toBe(45);
    expect(limiter.hit('b')).toBeUndefined();
    clock.now += 45_000; // the next clock-aligned window
    expect(limiter.hit('a')).toBeUndefined();
  });

  it('adds up the counts of several instances through shared state', async () => {
    const clock = { now: 60_000 * 2000 + 1000 };
    const state = createMemoryState();
    const one = limiterOn(state, clock).limiter;
    const two = limiterOn(state, clock).limiter;
    hits(one, 'a', 6);
    hits(two, 'a', 4);
    expect(two.hit('a')).toBeUndefined(); // 5 on this instance: it cannot know of the others yet
    await one.sync();
    await two.sync();
    // The instance that synced last knows the sum (11) and refuses, though it saw only 5…
    expect(two.hit('a')).toBeGreaterThan(0);
    // …the other learns it at its next sync: the overshoot is bounded by one sync interval.
    expect(one.hit('a')).toBeUndefined();
    await one.sync();
    expect(one.hit('a')).toBeGreaterThan(0);
  });

  it('re-reads a synced address without new local requests, so a quiet instance learns too', async () => {
    const clock = { now: 60_000 * 2500 };
    const state = createMemoryState();
    const one = limiterOn(state, clock).limiter;
    const two = limiterOn(state, clock).limiter;
    hits(one, 'a', 6);
    await one.sync();
    hits(two, 'a', 6);
    await two.sync();
    expect(one.hit('a')).toBeUndefined();
    await one.sync();
    await one.sync(); // nothing new here: it still reads the shared total (13)
    expect(one.hit('a')).toBeGreaterThan(0);
  });

  it('does not write addresses far below the limit to shared state', async () => {
    const clock = { now: 60_000 * 3000 };
    const state = createMemoryState();
    const { limiter } = limiterOn(state, clock, 1000);
    hits(limiter, 'quiet', 5);
    hits(limiter, 'busy', 150);
    await limiter.sync();
    expect(await state.get(`rl:global:3000:quiet`)).toBeNull();
    expect(await state.get(`rl:global:3000:busy`)).toBe('150');
  });

  it('keeps limiting per instance from its local counts while shared state fails', async () => {
    const clock = { now: 60_000 * 4000 };
    const broken: SharedState = {
      ...createMemoryState(),
      increment: async () => {
        throw new Error('down');
      },
    };
    const { limiter, errors } = limiterOn(broken, clock);
    hits(limiter, 'a', 5);
    await limiter.sync();
    expect(errors()).toBe(1);
    hits(limiter, 'a', 5);
    expect(limiter.hit('a')).toBeGreaterThan(0);
    await limiter.sync(); // unsynced counts are retried, not lost
    expect(errors()).toBe(2);
  });
});

describe('limitAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s counts as %s', (ip, expected) => {
    expect(limitAddress(ip)).toBe(expected);
  });
});
