import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A port the OS reports free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  logFile: string;
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a Node process with its output in a log file (a pipe would cost the bench process CPU). */
export function spawnNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  cwd = ROOT,
): Spawned {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    logFile,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200; fails early if the process dies, showing its log tail. */
export async function waitUntilReady(url: string, proc: Spawned, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = readFileSync(proc.logFile, 'utf8').split('\n').slice(-20).join('\n');
  await proc.stop();
  throw new Error(`server at ${url} did not become ready:\n${tail}`);
}

/** The bare Fastify hello-world: the upper bound of any route on this machine. */
export async function startCeiling(logFile: string) {
  const port = await freePort();
  const proc = spawnNode(
    ['--import', 'tsx', path.join(ROOT, 'bench', 'ceiling-server.ts')],
    { ...process.env, PORT: String(port) },
    logFile,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(base + '/', proc);
  return { base, proc };
}
