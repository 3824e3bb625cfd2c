import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import bcrypt from 'bcrypt';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  date: string;
}

/** What the figures were measured on. */
export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** The 1-minute load average: figures taken above the core count were measured on a busy machine. */
export function load1(): number {
  return loadavg()[0]!;
}

/** Median time (ms) of one bcrypt hash at `cost` on one core, measured now. */
export async function bcryptHashMs(cost: number, samples = 5): Promise<number> {
  const input = 'x'.repeat(44); // the length of the HMAC-SHA-256 prehash the server hashes
  await bcrypt.hash(input, cost); // warm-up
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await bcrypt.hash(input, cost);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * Hashes per second with `parallel` hashes running at once (libuv's pool), measured now: what the
 * cores really deliver together, which on a virtual machine is less than `parallel` × one core.
 */
export async function bcryptParallelRate(
  cost: number,
  parallel: number,
  rounds = 3,
): Promise<number> {
  const input = 'y'.repeat(44);
  const start = performance.now();
  for (let r = 0; r < rounds; r++)
    await Promise.all(Array.from({ length: parallel }, () => bcrypt.hash(input, cost)));
  return (parallel * rounds) / ((performance.now() - start) / 1000);
}
