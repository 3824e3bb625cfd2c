#!/usr/bin/env node
// Checks the web app's message catalogs (web/src/i18n/<locale>/<area>.ts against the English
// source in web/src/i18n/en/): every language has exactly the English areas and keys, every
// message parses as ICU MessageFormat, a translation's placeholders are the English ones (same
// names, same plural/select arguments, same tags), plural branches are categories of the
// language, and every English key is used somewhere in web/src. Run by `npm run lint`.
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';

// An optional argument names another source folder (the tests run it on small made-up trees).
const src = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const i18n = path.join(src, 'i18n');

/**
 * Keys built at run time from a prefix (`t(\`theme.${value}\`)`): a key under one of these counts
 * as used while the prefix itself still appears in the code. Keep this list to the real ones.
 */
const DYNAMIC_PREFIXES = [
  'theme.', // components/ThemeSwitcher.tsx: theme.light / dark / system
  'admin.users.sort.', // pages/admin/UsersFilters.tsx, UsersTable.tsx: the sort options
  'oidc.scope.', // lib/scopes.ts: what a requested scope means
  'audit.type.', // pages/admin/eventLabels.ts: audit event types
  'social.error.', // pages/social/socialNotice.ts: why a social sign-in came back refused
];

const problems = [];
const problem = (text) => problems.push(text);

/** Loads the exported object of a catalog file (type-only imports vanish in transpiling). */
async function loadArea(file) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const module = await import(
    `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
  );
  const values = Object.values(module);
  if (values.length !== 1 || typeof values[0] !== 'object') {
    problem(`${path.relative(src, file)}: must export exactly one catalog object`);
    return {};
  }
  return values[0];
}

const areaFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.test.ts'))
    .sort();

/** A message's placeholders: `name:value` / `name:plural` / `name:select`, tags, plural cases. */
function shape(message, locale, where) {
  let ast;
  try {
    ast = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
  } catch (error) {
    problem(`${where}: does not parse (${error.message})`);
    return null;
  }
  const args = new Set();
  const categories = [];
  const walk = (elements) => {
    for (const element of elements) {
      if (element.type === 6) {
        args.add(
          `${element.value}:${element.pluralType === 'ordinal' ? 'selectordinal' : 'plural'}`,
        );
        categories.push(...Object.keys(element.options).filter((c) => !c.startsWith('=')));
      } else if (element.type === 5) args.add(`${element.value}:select`);
      else if (element.type >= 1 && element.type <= 4) args.add(`${element.value}:value`);
      if (element.options) for (const option of Object.values(element.options)) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(ast);
  const tags = [...message.matchAll(/<\/?([A-Za-z][\w-]*)\s*\/?>/g)].map((m) => m[0]).sort();
  return { args: [...args].sort().join(', '), tags: tags.join(' '), categories };
}

function checkPluralCategories(categories, locale, where) {
  const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const category of categories)
    if (category !== 'other' && !known.includes(category))
      problem(
        `${where}: plural case "${category}" is not one of ${locale}'s (${known.join(', ')})`,
      );
}

// English: the source.
const en = {};
const english = {};
for (const file of areaFiles(path.join(i18n, 'en'))) {
  const area = file.replace(/\.ts$/, '');
  english[area] = await loadArea(path.join(i18n, 'en', file));
  for (const [key, message] of Object.entries(english[area])) {
    if (key in en) problem(`en/${file}: "${key}" is also in another area`);
    en[key] = message;
    const found = shape(message, 'en', `en/${file} "${key}"`);
    if (found) checkPluralCategories(found.categories, 'en', `en/${file} "${key}"`);
  }
}

// Every other language: the same areas, keys and placeholders.
const locales = readdirSync(i18n).filter(
  (name) => name !== 'en' && statSync(path.join(i18n, name)).isDirectory(),
);
for (const locale of locales) {
  const dir = path.join(i18n, locale);
  const files = areaFiles(dir);
  for (const file of Object.keys(english).map((area) => `${area}.ts`))
    if (!files.includes(file))
      problem(`${locale}/${file}: missing (en/${file} has no translation)`);
  for (const file of files) {
    const area = file.replace(/\.ts$/, '');
    if (!english[area]) {
      problem(`${locale}/${file}: no such area in en/`);
      continue;
    }
    const translated = await loadArea(path.join(dir, file));
    for (const key of Object.keys(english[area]))
      if (!(key in translated)) problem(`${locale}/${file}: "${key}" is missing`);
    for (const [key, message] of Object.entries(translated)) {
      const where = `${locale}/${file} "${key}"`;
      if (!(key in english[area])) {
        problem(`${where}: not an English key`);
        continue;
      }
      if (typeof message !== 'string' || message.trim() === '') {
        problem(`${where}: empty`);
        continue;
      }
      const mine = shape(message, locale, where);
      const source = shape(english[area][key], 'en', `en/${file} "${key}"`);
      if (!mine || !source) continue;
      if (mine.args !== source.args)
        problem(`${where}: placeholders {${mine.args}} differ from English {${source.args}}`);
      if (mine.tags !== source.tags)
        problem(`${where}: tags "${mine.tags}" differ from English "${source.tags}"`);
      checkPluralCategories(mine.categories, locale, where);
    }
  }
}

// Unused English keys: each must appear quoted in the app's code (tests and catalogs aside).
function* code(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (full !== i18n) yield* code(full);
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}
const i18nCode = readdirSync(i18n)
  .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
  .map((name) => path.join(i18n, name));
const sources = [...code(src), ...i18nCode].map((file) => readFileSync(file, 'utf8')).join('\n');
const quoted = new Set([...sources.matchAll(/(['"`])([A-Za-z][\w.-]*)\1/g)].map((m) => m[2]));
const livePrefixes = DYNAMIC_PREFIXES.filter((prefix) => {
  const used = sources.includes(`${prefix}\${`) || sources.includes(`'${prefix}'`);
  if (!used)
    problem(`check-catalogs.mjs: dynamic prefix "${prefix}" is no longer built in web/src`);
  return used;
});
for (const key of Object.keys(en))
  if (!quoted.has(key) && !livePrefixes.some((prefix) => key.startsWith(prefix)))
    problem(`en: "${key}" is not used in web/src (delete it, or list its dynamic prefix)`);

if (problems.length > 0) {
  console.error(`Message catalog problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `Catalogs: ${Object.keys(en).length} English keys; ${locales.join(', ')} complete and consistent.`,
);
