import { describe, expect, it } from 'vitest';
import { percentiles } from '../../bench/load.js';
import { gauge, histogramDelta } from '../../bench/metrics.js';
import { concurrentUsers, evaluate, type Pass, type Row } from '../../bench/targets.js';

// The benchmark's own arithmetic: wrong figures here would make every target meaningless.
describe('bench report math', () => {
  it('takes nearest-rank percentiles and survives an empty sample', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, count: 0 });
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentiles(values)).toMatchObject({ p50: 50, p95: 95, p99: 99, max: 100, count: 100 });
  });

  it('finds the bucket holding the 99th percentile of what a histogram recorded between scrapes', () => {
    const scrape = (fast: number, slow: number) =>
      [
        `q_bucket{le="0.001"} ${fast}`,
        `q_bucket{le="0.1"} ${fast + slow}`,
        `q_bucket{le="+Inf"} ${fast + slow}`,
      ].join('\n');
    // 990 fast and 10 slow statements in the window: the 99th percentile is still fast.
    expect(histogramDelta(scrape(10, 0), scrape(1000, 10), 'q')).toEqual({
      count: 1000,
      p99AtMostMs: 1,
    });
    expect(histogramDelta(scrape(0, 0), scrape(980, 20), 'q').p99AtMostMs).toBe(100);
    expect(histogramDelta('', '', 'q')).toEqual({ count: 0, p99AtMostMs: 0 });
  });

  it('reads unlabelled gauges', () => {
    const text = '# HELP x\nprocess_resident_memory_bytes 104857600\nother 1';
    expect(gauge(text, 'process_resident_memory_bytes')).toBe(104857600);
    expect(gauge(text, 'missing')).toBeNull();
  });

  it('derives concurrent users from read and refresh capacity at 70 % utilisation', () => {
    // 1,000 reads/s and 100 refreshes/s; one read per 10 s and one refresh per 900 s per user.
    const { perUser, users } = concurrentUsers(1000, 100, 900);
    expect(perUser).toBeCloseTo(0.1 / 1000 + 1 / 900 / 100, 12);
    expect(users).toBe(Math.floor(0.7 / perUser));
  });

  it('judges throughput ratios on the median of the passes, each ratio within its own pass', () => {
    const row = (rps: number): Row =>
      ({
        rps,
        okRps: rps,
        latency: percentiles([1]),
        okLatency: percentiles([1]),
        failLatency: percentiles([]),
        statuses: { 200: rps },
        shedWithoutRetryAfter: 0,
        sqlP99AtMostMs: 1,
        sqlCount: 1,
        load1: 1,
      }) as unknown as Row;
    const pass = (ceiling: number, read: number): Pass => ({
      rows: { ceiling: row(ceiling), read: row(read) },
      rssMb: 150,
      heapMb: 40,
    });
    // 40 %, 55 %, 52 %: one slow pass must not decide, nor one lucky pass.
    const passes = [pass(10_000, 4_000), pass(20_000, 11_000), pass(10_000, 5_200)];
    const read = evaluate(passes, 7, null).find((t) => t.name === 'read: throughput')!;
    expect(read.met).toBe(true);
    expect(read.measured).toContain('median 52 %');
    const worse = [pass(10_000, 4_000), pass(20_000, 11_000), pass(10_000, 4_900)];
    expect(evaluate(worse, 7, null).find((t) => t.name === 'read: throughput')!.met).toBe(false);
  });
});
