import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** The process streams and environment a command runs with (tests pass their own). */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** Wrong command line: exit code 2 with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command ran and failed for a reason the operator can act on: exit code 1 with this message. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

/** True when stdin is a terminal that can hide typed characters. */
export function isInteractive(io: CliIo): boolean {
  return io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function';
}

/** Asks for one visible line on the terminal (the prompt goes to stderr so stdout stays clean). */
export async function promptLine(io: CliIo, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** Asks for a secret on the terminal without echoing it (raw mode, characters read one by one). */
export async function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin } = io;
  io.stderr.write(question);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.off('data', onData);
            return resolve(value);
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            return reject(new CliFailure('cancelled'));
          }
          if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode?.(false);
    stdin.pause();
    io.stderr.write('\n');
  }
}

/** The first line of a piped stdin (without its line ending), or null when stdin ends empty. */
export async function readFirstLine(io: CliIo): Promise<string | null> {
  const rl = createInterface({ input: io.stdin, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return null;
  } finally {
    rl.close();
  }
}

/** Writes one line to stdout. */
export function say(io: CliIo, text: string): void {
  io.stdout.write(`${text}\n`);
}
