import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program. It is evaluated as a script (not a module file), so the same code
 * runs from src/ under the test runner and from dist/ in production. It lowers its own thread's
 * scheduling priority (on Linux `setpriority(0)` applies to the calling thread only) and, at the
 * lowest niceness, also moves the thread to the idle scheduling class with `chrt` (util-linux), so
 * a request-handling thread that wakes up takes the core at once instead of after a time slice.
 * Both are best effort: without them hashing still works, at normal priority. Then it runs native
 * bcrypt synchronously on that thread and reports how long bcrypt took on it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const os = require('node:os');
const bcrypt = require(workerData.bcryptPath);
try { if (workerData.nice > 0) os.setPriority(workerData.nice); } catch {}
if (workerData.idle) {
  try {
    const tid = require('node:fs').readlinkSync('/proc/thread-self').split('/').pop();
    require('node:child_process').execFileSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore' });
  } catch {}
}
parentPort.on('message', (job) => {
  try {
    const begun = performance.now();
    const result = job.op === 'hash'
      ? bcrypt.hashSync(job.data, job.cost)
      : bcrypt.compareSync(job.data, job.hash);
    parentPort.postMessage({ result, ms: performance.now() - begun });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

/** Niceness at which the hashing threads also join the idle scheduling class. */
export const IDLE_NICE = 19;

type Job =
  { op: 'hash'; data: string; cost: number } | { op: 'compare'; data: string; hash: string };

/**
 * A result with the time bcrypt took on its thread: the hash time under the CPU's present load,
 * without the wait for a free thread or for the event loop to take the answer.
 */
export interface Timed<T> {
  value: T;
  ms: number;
}

interface Pending {
  resolve: (value: Timed<string | boolean>) => void;
  reject: (err: Error) => void;
}

/**
 * A fixed set of threads that only run bcrypt, at a lower CPU priority than the event loop
 * (libuv's shared pool would run them at the same priority as everything else). The niceness sets
 * the share: where request handling and hashing both want a core, a thread at niceness 3 gets about
 * a third of it, so reads keep most of the CPU during a login storm and sign-ins keep going during a
 * read flood. In the idle scheduling class (niceness 19) they got nearly nothing and starved.
 */
export class HashWorkers {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: Array<() => void> = [];
  /** The job each busy worker is running (one at a time per worker). */
  private readonly current = new Map<Worker, Pending>();
  private closed = false;
  private readonly bcryptPath = createRequire(import.meta.url).resolve('bcrypt');

  constructor(
    private readonly size: number,
    private readonly nice: number,
  ) {}

  hash(data: string, cost: number): Promise<Timed<string>> {
    return this.run({ op: 'hash', data, cost }) as Promise<Timed<string>>;
  }

  compare(data: string, hash: string): Promise<Timed<boolean>> {
    return this.run({ op: 'compare', data, hash }) as Promise<Timed<boolean>>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private async run(job: Job): Promise<Timed<string | boolean>> {
    if (this.closed) throw new Error('password hashing has stopped');
    const worker = await this.take();
    try {
      return await new Promise<Timed<string | boolean>>((resolve, reject) => {
        this.current.set(worker, { resolve, reject });
        worker.postMessage(job);
      });
    } finally {
      this.current.delete(worker);
      this.give(worker);
    }
  }

  private async take(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.all.size < this.size) return this.spawn();
    await new Promise<void>((resume) => this.waiting.push(resume));
    return this.take();
  }

  private give(worker: Worker): void {
    if (!this.all.has(worker)) return; // it died or the pool closed
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bcryptPath: this.bcryptPath, nice: this.nice, idle: this.nice >= IDLE_NICE },
      // It holds a few strings at a time: small heaps keep each thread's resident memory low.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
    });
    worker.unref(); // never keeps the process alive on its own
    worker.on('message', (message: { result?: string | boolean; ms?: number; error?: string }) => {
      const job = this.current.get(worker);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve({ value: message.result!, ms: message.ms! });
    });
    const fail = (err: Error) => {
      // A dead worker is replaced on the next job; whatever it was doing fails.
      this.all.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      this.current.get(worker)?.reject(err);
      this.waiting.shift()?.();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`hash worker exited with code ${code}`)));
    this.all.add(worker);
    return worker;
  }
}
