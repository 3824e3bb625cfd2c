import { cleanupPolicy, runCleanup } from '../ops/cleanup.js';
import { parseCommandLine } from './command.js';
import { withContext } from './context.js';
import { UsageError, say, type CliIo } from './io.js';

/** Runs `gatehouse cleanup` (usage in commands.ts). */
export async function runCleanupCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandLine(args, {});
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return withContext(io, async ({ db, config }) => {
    const result = await runCleanup(db, cleanupPolicy(config));
    if (result === null) {
      say(io, 'Another instance is cleaning up right now; nothing done.');
      return 0;
    }
    say(io, 'Deleted:');
    for (const [table, count] of Object.entries(result)) say(io, `  ${table.padEnd(16)} ${count}`);
    return 0;
  });
}
