import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The fake servers and sql.js are CPU-bound; two forks match the CI machine's two cores.
    pool: 'forks',
    maxWorkers: 2
  }
});
