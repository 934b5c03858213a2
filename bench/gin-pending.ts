/**
 * Does the GIN pending list slow PostgreSQL searches on a database filled by ingests? The
 * `articles_search` index is created with GIN's default `fastupdate = on`: new entries go to
 * an unsorted pending list (up to `gin_pending_list_limit`, 4 MB) that every search scans in
 * full until a VACUUM (or autovacuum, or the limit) merges it into the index. Seeds N articles
 * through the repository, then times the same searches before and after `VACUUM articles`.
 *
 *   npx tsx bench/gin-pending.ts [--articles 2000] [--runs 30]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgresLists } from '../src/storage/postgres/lists.js';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { fmt, percentile } from './lib/report.js';
import { seedDatabase } from './read-path.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, runs: { type: 'string', default: '30' } },
});
const runs = Number.parseInt(values.runs, 10);
const cluster = await startPostgresCluster({ fsync: true });
try {
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE pending');
  await admin.end();
  const url = `${cluster.baseUrl}pending`;
  await seedDatabase(url, Number.parseInt(values.articles, 10));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
  const lists = postgresLists(pool);
  const pending = async () =>
    (
      await pool.query<{ pending_pages: number; pending_tuples: string }>(
        `SELECT pending_pages, pending_tuples FROM pgstatginindex('articles_search')`,
      )
    ).rows[0];
  const time = async (q: string) => {
    const timings: number[] = [];
    for (let run = -2; run < runs; run += 1) {
      const started = performance.now();
      await lists.listArticles({ q, limit: 20 });
      if (run >= 0) timings.push(performance.now() - started);
    }
    return `p50 ${fmt(percentile(timings, 50), 1)} ms, p99 ${fmt(percentile(timings, 99), 1)} ms`;
  };
  for (const phase of ['after ingests', 'after VACUUM articles']) {
    if (phase !== 'after ingests') await pool.query('VACUUM articles');
    console.log(`${phase}: pending list ${JSON.stringify(await pending())}`);
    for (const q of ['first', 'abandoned']) console.log(`  ${q}: ${await time(q)}`);
  }
  await pool.end();
} finally {
  stopPostgresCluster(cluster);
}
