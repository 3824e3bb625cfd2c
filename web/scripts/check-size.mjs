#!/usr/bin/env node
// Prints the gzipped size of the initial JS (the entry chunk plus everything it statically
// imports, per Vite's manifest) and exits 1 above the budget. Run after `vite build`; an optional
// argument names another build folder (default web/dist).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch {
  console.error(
    'web/dist/.vite/manifest.json not found: run `vite build --config web/vite.config.ts` first.',
  );
  process.exit(1);
}

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('No entry chunk in the manifest.');
  process.exit(1);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const child of chunk.imports ?? []) visit(child);
};
for (const [key] of entries) visit(key);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let total = 0;
for (const file of [...files].filter((f) => f.endsWith('.js'))) {
  const raw = readFileSync(path.join(dist, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`  ${file}  ${kb(raw.length)} raw, ${kb(gz)} gzip`);
}
const lazy = Object.values(manifest)
  .filter((c) => c.isDynamicEntry)
  .map((c) => c.file);
if (lazy.length > 0) console.log(`  lazy (not counted): ${lazy.join(', ')}`);
console.log(`Initial JS: ${kb(total)} gzip (budget ${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error('Initial JS is over budget.');
  process.exit(1);
}
