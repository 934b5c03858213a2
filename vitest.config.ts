import { defineConfig } from 'vitest/config';

/**
 * HTTP tests about stored behaviour: they run a second time on PostgreSQL (issue 13's contract
 * suite on both engines; `buildTestApp` reads MASTHEAD_TEST_ENGINE). The repository-level
 * contract (test/storage/repository.test.ts and the list, search and feed tests) runs both
 * engines itself with `describe.each`.
 */
export const HTTP_CONTRACT_FILES = [
  'test/http/article-teasers.test.ts',
  'test/http/articles.test.ts',
  'test/http/articles-list.test.ts',
  'test/http/batch.test.ts',
  'test/http/catalog.test.ts',
  'test/http/changes.test.ts',
  'test/http/etag.test.ts',
  'test/http/ids.test.ts',
  'test/http/ingest-media-types.test.ts',
  'test/http/list-order.test.ts',
  'test/http/negotiation.test.ts',
  'test/http/reparse.test.ts',
  'test/http/search-grammar.test.ts',
  'test/http/source.test.ts',
  'test/http/stories.test.ts',
];

export default defineConfig({
  test: {
    // SQLite work is synchronous; two cores here, so keep workers modest.
    maxWorkers: 2,
    // A hang detector, not a speed check: the suite must pass on a loaded 2-core machine.
    testTimeout: 120_000,
    // Set-up hooks start servers and seed databases: the same hang detector, not vitest's 10 s.
    hookTimeout: 120_000,
    // One throwaway PostgreSQL cluster per run, for the contract suite's second engine
    // (skipped with a printed reason when PostgreSQL is not installed; a failure under CI).
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: HTTP_CONTRACT_FILES,
          env: { MASTHEAD_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
