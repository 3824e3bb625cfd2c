import { runCli } from './run.js';

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// Entry point of the `gatehouse` command (bin/gatehouse.js): exit code 0 ok, 1 failure, 2 usage.
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Exit explicitly once the output is written: the embedded database's exit hook would otherwise
// replace the exit code with 0, and nothing else is left to wait for.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
