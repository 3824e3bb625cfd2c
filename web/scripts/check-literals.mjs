#!/usr/bin/env node
// Fails on user-facing text hard-coded in JSX instead of coming from the message catalog
// (web/src/i18n). Checks JSX text and string literals in user-facing attributes. Punctuation,
// symbols and whitespace are allowed (e.g. " · " separators). UX requirement 29.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'title',
  'alt',
  'placeholder',
  'label',
]);
const HAS_WORDS = /\p{L}/u;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (full.endsWith('.tsx') && !full.endsWith('.test.tsx')) yield full;
  }
}

const problems = [];
for (const file of walk(root)) {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const report = (node, text) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(
      `${path.relative(process.cwd(), file)}:${line + 1}:${character + 1}  "${text.trim()}"`,
    );
  };
  const visit = (node) => {
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      if (USER_FACING_ATTRIBUTES.has(name) && HAS_WORDS.test(node.initializer.text))
        report(node, node.initializer.text);
    }
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      // {'text'}, {cond ? 'a' : 'b'}, {cond && 'text'}, {x ?? 'text'} rendered as children.
      const rendered = (expr) => {
        if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
          if (HAS_WORDS.test(expr.text)) report(expr, expr.text);
        } else if (ts.isParenthesizedExpression(expr)) rendered(expr.expression);
        else if (ts.isConditionalExpression(expr)) {
          rendered(expr.whenTrue);
          rendered(expr.whenFalse);
        } else if (ts.isBinaryExpression(expr)) rendered(expr.right);
      };
      rendered(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (problems.length > 0) {
  console.error(
    `Hard-coded UI text (move it to web/src/i18n):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('No hard-coded UI text in JSX.');
