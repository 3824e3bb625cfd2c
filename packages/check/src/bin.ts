#!/usr/bin/env node
// The `gatehouse-check` command of @gatehouse/check (`npx @gatehouse/check <url>`).
import { runCheckCli } from './cli.js';

const code = await runCheckCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
