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

  const row = (rps: number, latencies: number[] = [1], statuses = { 200: rps }): Row =>
    ({
      rps,
      okRps: rps,
      latency: percentiles(latencies),
      okLatency: percentiles(latencies),
      failLatency: percentiles([]),
      statuses,
      shedWithoutRetryAfter: 0,
      sqlP99AtMostMs: 1,
      sqlCount: 1,
      load1: 1,
    }) as unknown as Row;
  const target = (passes: Pass[], name: string) =>
    evaluate(passes, null).find((t) => t.name === name);

  it('judges throughput ratios on the median of the passes, each ratio within its own pass', () => {
    const pass = (ceiling: number, read: number): Pass => ({
      rows: { ceiling: row(ceiling), read: row(read) },
      rssMb: 150,
      heapMb: 40,
    });
    // 40 %, 55 %, 52 %: one slow pass must not decide, nor one lucky pass.
    const passes = [pass(10_000, 4_000), pass(20_000, 11_000), pass(10_000, 5_200)];
    const read = evaluate(passes, null).find((t) => t.name === 'read: throughput')!;
    expect(read.met).toBe(true);
    expect(read.measured).toContain('median 52 %');
    const worse = [pass(10_000, 4_000), pass(20_000, 11_000), pass(10_000, 4_900)];
    expect(evaluate(worse, null).find((t) => t.name === 'read: throughput')!.met).toBe(false);
  });

  it('judges sign-ins against the bcrypt rate measured in the same pass, and the storm against the rates alone', () => {
    const pass = (
      hashRate: number,
      login: number,
      stormLogin: number,
      base: number,
      reads: number,
    ): Pass => ({
      rows: {
        login: row(login, [2000, 2500]),
        'storm-base': row(base),
        'storm-read': row(reads),
        'storm-login': row(stormLogin),
      },
      hashRate,
      rssMb: 150,
      heapMb: 40,
    });
    // Sign-ins at 8.5/s against 9.2/s hashed (92 %), then 8/s against 8.4/s (95 %): both passes count.
    const passes = [pass(9.2, 8.5, 3, 1000, 650), pass(8.4, 8, 2.2, 1000, 590)];
    const throughput = target(passes, 'login: throughput')!;
    expect(throughput.met).toBe(true);
    expect(throughput.measured).toContain('median 94 %');
    expect(target(passes, 'login: accepted p95')!.met).toBe(true);
    // Reads kept 65 % and 59 % (median 62 %); sign-ins 35 % and 28 % (median 31 %).
    expect(target(passes, 'storm: reads kept')!.met).toBe(true);
    expect(target(passes, 'storm: sign-ins kept')!.measured).toContain('median 31 %');
    expect(target(passes, 'storm: sign-ins kept')!.met).toBe(true);
    const starved = [pass(9.2, 8.5, 1.8, 1000, 920), pass(8.4, 8, 1.7, 1000, 910)];
    expect(target(starved, 'storm: sign-ins kept')!.met).toBe(false);
  });

  it('counts every refused sign-in of the bursts over all passes, and the slowest answer', () => {
    const pass = (statuses: Record<string, number>, slowest: number): Pass => ({
      rows: { burst: row(1, [100, slowest], statuses as { 200: number }) },
      rssMb: 150,
      heapMb: 40,
    });
    const served = target(
      [pass({ 200: 40 }, 2900), pass({ 200: 40 }, 2800)],
      'burst: 20 sign-ins at once',
    )!;
    expect(served).toMatchObject({ met: true });
    expect(served.measured).toContain('0 of 4 refused over 2 passes, slowest 2900 ms');
    const refused = target(
      [pass({ 200: 40 }, 2900), pass({ 200: 38, 503: 2 }, 1000)],
      'burst: 20 sign-ins at once',
    )!;
    expect(refused.met).toBe(false);
    expect(target([pass({ 200: 40 }, 4000)], 'burst: 20 sign-ins at once')!.met).toBe(false);
  });
});
