// Writes the README's environment-variable table from the one config schema (`npm run docs:env`).
import { readFileSync, writeFileSync } from 'node:fs';
import { EnvSchema } from '../src/config/schema.js';

export function envTable(): string {
  const rows = Object.entries(EnvSchema.properties).map(([name, schema]) => {
    const s = schema as { default?: unknown; description?: string };
    const def = s.default === undefined || s.default === '' ? '—' : `\`${String(s.default)}\``;
    return `| \`${name}\` | ${def} | ${(s.description ?? '').replace(/\|/g, '\\|')} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

if (process.argv[1]?.endsWith('env-table.ts')) {
  const readme = readFileSync('README.md', 'utf8');
  const next = readme.replace(
    /<!-- env:start -->[\s\S]*<!-- env:end -->/,
    `<!-- env:start -->\n${envTable()}\n<!-- env:end -->`,
  );
  writeFileSync('README.md', next);
  console.log('README.md environment table updated');
}
