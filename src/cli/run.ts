import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error.js';
import { PROJECT_ROOT } from '../project-root.js';
import { COMMANDS } from './commands.js';
import { CliFailure, UsageError, type CliIo } from './io.js';

export { COMMANDS };

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: gatehouse <command> [options]

Commands:
${lines.join('\n')}

Run "gatehouse <command> --help" for a command's options.
Configuration comes from the same environment variables as the service (DATABASE_URL,
KEY_ENCRYPTION_KEY, ...); without DATABASE_URL the embedded database under DATA_DIR is used.

Exit codes: 0 success, 1 failure, 2 wrong usage.`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  return String(pkg.version);
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Runs one CLI invocation and resolves to its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(`${usage()}\n`);
    return EXIT.usage;
  }
  if (name === 'help' || isHelp(name)) {
    io.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`gatehouse: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (args.some(isHelp)) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    const run = await command.load();
    return await run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`gatehouse ${name}: ${err.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    const error = err instanceof Error ? err : new Error(String(err));
    // ConfigError by name: importing the config module (and TypeBox) here would slow down --help.
    const known =
      error.name === 'ConfigError' || error instanceof CliFailure || error instanceof AppError;
    const message =
      error.name === 'ConfigError'
        ? `configuration error: ${error.message}`
        : known
          ? error.message
          : `failed: ${error.message}`;
    io.stderr.write(`gatehouse ${name}: ${message}\n`);
    return EXIT.failure;
  }
}
