import { defineConfig } from 'vitest/config';

// Three projects, one runner: pure unit tests, database integration tests (both engines),
// and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
          // Some unit suites check a generated city of thousands of clients; under CI, with the
          // database and browser suites on the same two cores, one took over Vitest's 5 s default.
          testTimeout: 30_000,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          environment: 'node',
        },
      },
    ],
  },
});
