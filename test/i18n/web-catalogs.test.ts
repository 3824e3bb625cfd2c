import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/** web/scripts/check-catalogs.mjs (part of `npm run lint`) on small made-up source trees. */
const script = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'web',
  'scripts',
  'check-catalogs.mjs',
);
const roots: string[] = [];
/** The run-time prefixes the script knows (its DYNAMIC_PREFIXES): each must be built somewhere. */
const dynamicPrefixes = [
  ...(/DYNAMIC_PREFIXES = \[([^\]]*)\]/.exec(readFileSync(script, 'utf8'))?.[1] ?? '').matchAll(
    /'([^']+)'/g,
  ),
].map((m) => m[1]!);

const english = {
  'app.title': 'Gatehouse',
  'users.total': '{count, plural, one {# user} other {# users}}',
  greeting: 'Hello {name}',
};

function area(name: string, entries: Record<string, string>, source?: string): string {
  const body = Object.entries(entries)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`)
    .join('\n');
  const head = source ? `import type { ${name} as source } from '../en/${name}';\n` : '';
  const type = source ? ': Record<keyof typeof source, string>' : '';
  return `${head}export const ${name}${type} = {\n${body}\n};\n`;
}

function tree(german: Record<string, string>, uses = Object.keys(english)): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-catalogs-'));
  roots.push(root);
  mkdirSync(path.join(root, 'i18n', 'en'), { recursive: true });
  mkdirSync(path.join(root, 'i18n', 'de'), { recursive: true });
  writeFileSync(path.join(root, 'i18n', 'en', 'common.ts'), area('common', english));
  writeFileSync(path.join(root, 'i18n', 'de', 'common.ts'), area('common', german, 'common'));
  const calls = uses.map((key) => `t('${key}');`).join('\n');
  // The run-time prefixes the script knows must still be built somewhere.
  const dynamic = dynamicPrefixes.map((prefix) => `t(\`${prefix}\${x}\`);`).join('\n');
  writeFileSync(path.join(root, 'App.tsx'), `${calls}\n${dynamic}\n`);
  return root;
}

function check(root: string): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync('node', [script, root], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const failed = error as { stderr: string; stdout: string };
    return { ok: false, output: `${failed.stdout}${failed.stderr}` };
  }
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('check-catalogs', () => {
  it('reads the run-time prefixes from the script', () => {
    expect(dynamicPrefixes).toContain('theme.');
    expect(dynamicPrefixes).toContain('social.error.');
  });

  const german = {
    'app.title': 'Gatehouse',
    'users.total': '{count, plural, one {# Benutzer} other {# Benutzer}}',
    greeting: 'Hallo {name}',
  };

  it('passes a complete, consistent, used catalog', () => {
    const result = check(tree(german));
    expect(result.output).toContain('de complete and consistent');
    expect(result.ok).toBe(true);
  });

  it('fails on a missing and an extra key', () => {
    const { greeting: _, ...missing } = german;
    const result = check(tree({ ...missing, 'extra.key': 'Extra' }));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('de/common.ts: "greeting" is missing');
    expect(result.output).toContain('de/common.ts "extra.key": not an English key');
  });

  it('fails on placeholders that differ from English, and on a message that does not parse', () => {
    const result = check(
      tree({
        ...german,
        'users.total': '{n, plural, one {# Benutzer} other {# Benutzer}}',
        greeting: 'Hallo {name',
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'de/common.ts "users.total": placeholders {n:plural} differ from English {count:plural}',
    );
    expect(result.output).toContain('de/common.ts "greeting": does not parse');
  });

  it("fails on a plural case that is not one of the language's", () => {
    const result = check(
      tree({ ...german, 'users.total': '{count, plural, one {# B} few {# C} other {# D}}' }),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('plural case "few" is not one of de\'s');
  });

  it('fails on an English key no code uses', () => {
    const result = check(tree(german, ['app.title', 'users.total']));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('en: "greeting" is not used');
  });
});
