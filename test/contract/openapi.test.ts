import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Every `| METHOD | /path |` row of the contract's tables, plus the Operations table's `GET /path`. */
function contractRoutes(): Array<[string, string]> {
  const file = [
    path.resolve('../shared/api-contract.md'),
    path.resolve('docs/api-contract.md'),
  ].find((p) => {
    try {
      readFileSync(p);
      return true;
    } catch {
      return false;
    }
  });
  const text = readFileSync(file!, 'utf8');
  const routes: Array<[string, string]> = [];
  for (const m of text.matchAll(/^\|\s*(GET|POST|PUT|DELETE|PATCH)\s*\|\s*(\/[^\s|]*)\s*\|/gm))
    routes.push([m[1]!, m[2]!]);
  for (const m of text.matchAll(/^\|\s*(GET) (\/[^\s|]*)\s*\|/gm)) routes.push([m[1]!, m[2]!]);
  return routes;
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3 and describes every path and method of the contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = contractRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const missing = routes.filter(([method, p]) => {
      const oaPath = p.replace(/:(\w+)/g, '{$1}');
      return !doc.paths[oaPath]?.[method.toLowerCase()];
    });
    // Routes of features that are not built yet show up here by name.
    expect(missing).toEqual([]);
  });

  it('serves the interactive reference at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(res.statusCode);
    const page =
      res.statusCode === 302
        ? await t.app.inject({ method: 'GET', url: res.headers.location as string })
        : res;
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });
});
