import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from './io.js';

/** One `gatehouse <name>` command. */
export interface Command {
  name: string;
  summary: string;
  /** Full help text, printed by --help and after a usage error. */
  usage: string;
  /** The implementation, loaded on use; it resolves to the exit code and throws UsageError (2)
   * or CliFailure/anything else (1). */
  load(): Promise<(args: string[], io: CliIo) => Promise<number>>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing: unknown options and missing values are usage errors. */
export function parseCommandLine<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The single positional a subcommand-style command expects, checked against the allowed names. */
export function subcommand(positionals: string[], allowed: readonly string[]): string {
  const [name, ...rest] = positionals;
  if (!name) throw new UsageError(`expected one of: ${allowed.join(', ')}`);
  if (!allowed.includes(name)) throw new UsageError(`unknown subcommand "${name}"`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return name;
}
