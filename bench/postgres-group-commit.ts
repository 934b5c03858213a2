/**
 * Ingests/s through the PostgreSQL repository's group commit: 16 ingest calls always in flight
 * (as 16 HTTP connections make them), pre-parsed fixture pages (distinct documents), on a
 * fresh database of a throwaway local cluster with fsync on (synchronous_commit on: each
 * COMMIT waits for its WAL flush) and with fsync off. SQLite's repository on a file with the
 * same records in the same run, as the baseline. Also: the 16 calls spread over two
 * repositories (two nodes' pools) on one database, fsync on.
 *
 *   npx tsx bench/postgres-group-commit.ts [count=2000]
 */
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { createPostgresRepository } from '../src/storage/postgres/index.js';
import type { IngestRecord, Repository } from '../src/storage/repository.js';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import { ingestRecords, storyPages, variants } from './lib/pages.js';
import { tempDir } from './lib/servers.js';

const IN_FLIGHT = 16;
const count = Number(process.argv[2] ?? 2000);

/** Ingests/s with IN_FLIGHT calls outstanding at all times, spread over the repositories (nodes). */
async function measure(
  repositories: Repository | Repository[],
  input: readonly IngestRecord[],
): Promise<number> {
  const nodes = Array.isArray(repositories) ? repositories : [repositories];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, caller) => {
      const repository = nodes[caller % nodes.length]!;
      while (next < input.length) {
        const record = input[next++]!;
        const { created } = await repository.ingest(record, { moreFollow: next < input.length });
        if (!created) throw new Error('expected a new article');
      }
    }),
  );
  return (input.length / (performance.now() - start)) * 1000;
}

async function postgres(fsync: boolean, input: readonly IngestRecord[], nodes = 1): Promise<number> {
  const cluster = await startPostgresCluster({ fsync });
  try {
    const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const repositories = await Promise.all(
      Array.from({ length: nodes }, () => createPostgresRepository({ url: `${cluster.baseUrl}bench` })),
    );
    try {
      return await measure(repositories, input);
    } finally {
      await Promise.all(repositories.map((repository) => repository.close()));
    }
  } finally {
    stopPostgresCluster(cluster);
  }
}

async function sqlite(input: readonly IngestRecord[]): Promise<number> {
  const dir = tempDir('masthead-bench-');
  const repository = createSqliteRepository(join(dir.path, 'bench.db'));
  try {
    return await measure(repository, input);
  } finally {
    await repository.close();
    dir.remove();
  }
}

const input = ingestRecords(variants(storyPages(), count));
const warm = ingestRecords(variants(storyPages(), 200, count));
await sqlite(warm); // JIT warm-up of the shared code (keys, signatures, shapes)
const results = {
  pages: input.length,
  inFlight: IN_FLIGHT,
  postgresFsyncOn: await postgres(true, input),
  postgresFsyncOff: await postgres(false, input),
  // two repositories (two nodes' pools, in one process) sharing the 16 calls: two groups commit at once
  postgresFsyncOnTwoNodes: await postgres(true, input, 2),
  sqliteFullSync: await sqlite(input),
};
console.log(JSON.stringify(results, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v), 2));
