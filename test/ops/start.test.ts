import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { TEST_ENV } from '../helpers/env.js';
import { freePort } from '../helpers/process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('web build', () => {
  it("ships the production bundle whatever NODE_ENV the caller's shell has", () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-web-'));
    try {
      const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
      const build = spawnSync(
        process.execPath,
        [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
        { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development' }, encoding: 'utf8' },
      );
      expect(build.status, build.stderr).toBe(0);
      // React's development build is over the size budget (562 kB raw, 162 kB gzip), production is not.
      const size = spawnSync(process.execPath, ['web/scripts/check-size.mjs', outDir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(size.status, size.stdout + size.stderr).toBe(0);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('compiled server', () => {
  it('contains no test tooling (dist/ is what production runs)', () => {
    const dist = path.join(ROOT, 'dist/src');
    expect(existsSync(dist), 'npm test builds dist/ first').toBe(true);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /from ['"](vitest|fast-check|playwright-core)['"]/.test(
        readFileSync(path.join(dist, f), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('npm start in production', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('serves the existing build without rebuilding', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-start-'));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...TEST_ENV,
        NODE_ENV: 'production',
        BCRYPT_COST: '12',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        MAIL_FROM: 'Gatehouse <no-reply@example.com>',
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      let ready = false;
      for (let i = 0; i < 200 && child.exitCode === null && !ready; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready, output).toBe(true);
      expect(output).not.toContain('building');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
