#!/usr/bin/env node
// `npm start`: serves the compiled server, building it first only when needed.
// - no build yet, or (outside production) sources newer than the build → `npm run build`;
// - NODE_ENV=production with a build present → never rebuilds, so a restart is ready in about a second.
// The server runs in this process (no wrapper child), so signals reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/src/main.js', 'web/dist/.vite/manifest.json'].map((f) => path.join(root, f));
const sources = ['src', 'web/src', 'web/index.html', 'web/public', 'package-lock.json'].map((f) =>
  path.join(root, f),
);

/** Newest modification time (ms) of a file or of any file below a folder; 0 when absent. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target))
    latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

function buildNeeded() {
  if (!outputs.every((f) => existsSync(f))) return 'no build yet';
  if (process.env.NODE_ENV === 'production') return null;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return Math.max(...sources.map(newest)) > built ? 'sources changed since the last build' : null;
}

const reason = buildNeeded();
if (reason) {
  console.error(`gatehouse: building (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist/src/main.js')).href);
