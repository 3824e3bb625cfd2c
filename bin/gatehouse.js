#!/usr/bin/env node
// The `gatehouse` command: the compiled CLI when built (npm run build, the container image),
// otherwise the TypeScript sources through tsx (a development checkout).
import { existsSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
