import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const dbSetup = ['./test/global-setup.ts'];
/**
 * Tests about admission under load: they time the app against itself, so they run after every
 * other project has finished, one file at a time, instead of sharing the CPU with the suite.
 */
const alone = ['test/auth/sign-in-burst.test.ts'];
// The workspace packages (packages/*) are used from their TypeScript sources, not their builds.
const sources = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
};

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'packages/*/src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/main.ts', 'packages/*/src/**/*.test.ts', '**/*.d.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: { lines: 85 },
    },
    projects: [
      {
        ...sources,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'test/**/*.test.ts',
            'web/src/**/*.test.ts',
            'packages/*/src/**/*.test.ts',
          ],
          exclude: ['test/security/**', 'node_modules/**', ...alone],
          globalSetup: dbSetup,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...sources,
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          globalSetup: dbSetup,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...sources,
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.e2e.ts'],
          globalSetup: dbSetup,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        ...sources,
        test: {
          name: 'alone',
          include: alone,
          globalSetup: dbSetup,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
