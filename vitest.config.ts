import { defineConfig } from 'vitest/config';

// One embedded database is started per worker and reused across its test files
// (a PGlite start takes seconds), hence isolate: false.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Removes the run's temp folders at the end (tests make hundreds: databases, corpora, uploads).
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
