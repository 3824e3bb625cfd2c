import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSchema, SCHEMA_FILE } from '../../packages/client/scripts/render.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

it("@gatehouse/client's committed schema.d.ts is what the server's OpenAPI document generates", async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const generated = await renderSchema(res.json());
  // On failure: `npm run generate -w @gatehouse/client` and commit the result.
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
});
