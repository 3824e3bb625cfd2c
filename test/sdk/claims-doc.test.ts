import { decodeJwt, decodeProtectedHeader } from 'jose';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, signUp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** The first column of the table under `### <heading>` in docs/access-token-claims.md. */
function documented(heading: string): string[] {
  const doc = readFileSync('docs/access-token-claims.md', 'utf8');
  const section = doc.split(`### ${heading}\n`)[1]!.split(/\n#/)[0]!;
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]!).sort();
}

it('docs/access-token-claims.md lists exactly the header fields and claims Gatehouse signs', async () => {
  const { accessToken } = await signUp(t.app);
  expect(documented('Header')).toEqual(Object.keys(decodeProtectedHeader(accessToken)).sort());
  expect(documented('Payload')).toEqual(Object.keys(decodeJwt(accessToken)).sort());
});
