import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // SQLite work is synchronous; two cores here, so keep workers modest.
    maxWorkers: 2,
    // A hang detector, not a speed check: the suite must pass on a loaded 2-core machine.
    testTimeout: 120_000,
    // Set-up hooks start servers and seed databases: the same hang detector, not vitest's 10 s.
    hookTimeout: 120_000,
    // One throwaway PostgreSQL cluster per run, for the contract suite's second engine
    // (skipped with a printed reason when PostgreSQL is not installed; a failure under CI).
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
  },
});
