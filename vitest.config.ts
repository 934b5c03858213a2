import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // SQLite work is synchronous; two cores here, so keep workers modest.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
