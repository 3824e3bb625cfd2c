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

it('docs/access-token-claims.md lists exactly the claims an active organization adds', async () => {
  const user = await signUp(t.app);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: user.auth,
    payload: { name: 'Claims' },
  });
  const chosen = await t.app.inject({
    method: 'POST',
    url: '/api/auth/session/organization',
    headers: user.auth,
    payload: { organization_id: created.json().data.id },
  });
  const claims = Object.keys(decodeJwt(chosen.json().data.access_token));
  const added = claims.filter((c) => !documented('Payload').includes(c)).sort();
  expect(documented('Organization claims')).toEqual(added);
});
