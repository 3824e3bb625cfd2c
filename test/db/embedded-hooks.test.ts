import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs a module snippet in a fresh Node process (with tsx) and returns its exit code. */
function exitCodeOf(source: string): number | null {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', source],
    { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
  );
  expect(result.stderr).not.toMatch(/Error/);
  return result.status;
}

describe('embedded PostgreSQL import', () => {
  it("keeps the process's own exit code (npm test with failures must not exit 0)", () => {
    // Vitest reports failures by setting process.exitCode and letting the loop end; the
    // library's beforeExit hook used to call process.exit(0) over it.
    const code = exitCodeOf(`
      import { importEmbeddedPostgres } from './src/db/embedded.ts';
      await importEmbeddedPostgres();
      process.exitCode = 3;
    `);
    expect(code).toBe(3);
  });
});
