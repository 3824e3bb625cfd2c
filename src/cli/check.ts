import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../project-root.js';
import type { CliIo } from './io.js';

/** What this command uses of @gatehouse/check (packages/check). */
interface CheckPackage {
  runCheckCli(args: string[], io: Omit<CliIo, 'stdin'>): Promise<number>;
}

/**
 * The compiled CLI runs the built package; a development checkout (tsx) runs its TypeScript
 * sources, so `npx gatehouse check` works before any build.
 */
async function loadPackage(): Promise<CheckPackage> {
  const specifier = import.meta.url.endsWith('.ts')
    ? pathToFileURL(path.join(PROJECT_ROOT, 'packages/check/src/index.ts')).href
    : '@gatehouse/check';
  return (await import(specifier)) as CheckPackage;
}

/** `gatehouse check <url>`: the conformance checks of @gatehouse/check against a deployment. */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { runCheckCli } = await loadPackage();
  return runCheckCli(args, io);
}
