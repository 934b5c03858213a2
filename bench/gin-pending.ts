/**
 * Does the GIN pending list slow PostgreSQL searches on a database filled by ingests? The
 * `articles_search` index is created with GIN's default `fastupdate = on`: new entries go to
 * an unsorted pending list (up to `gin_pending_list_limit`, 4 MB) that every search scans in
 * full until a VACUUM (or autovacuum, or the limit) merges it into the index. Seeds N articles
 * through the repository, then times the same searches before and after `VACUUM articles`.
 *
 *   npx tsx bench/gin-pending.ts [--articles 2000] [--runs 30]
 *   npx tsx bench/gin-pending.ts --fastupdate-ab [--articles 2000]
 *
 * `--fastupdate-ab`: what `fastupdate = off` costs the ingest and gives the search. Two
 * databases on one cluster, one with `ALTER INDEX articles_search SET (fastupdate = off)`,
 * fed the same number of distinct pages through the repository in alternating rounds of 250
 * (16 at a time), then searched.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createIngests } from '../src/ingest/ingest.js';
import { openRepository } from '../src/storage/open.js';
import { migratePostgres } from '../src/storage/postgres/migrate.js';
import { postgresLists } from '../src/storage/postgres/lists.js';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { storyPages, variants } from './lib/pages.js';
import { fmt } from './lib/report.js';
import { percentile } from './lib/stats.js';
import { seedDatabase } from './read-path.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '30' },
    'fastupdate-ab': { type: 'boolean', default: false },
  },
});
const runs = Number.parseInt(values.runs, 10);
const cluster = await startPostgresCluster({ fsync: true });

async function timeSearch(lists: ReturnType<typeof postgresLists>, q: string): Promise<string> {
  const timings: number[] = [];
  for (let run = -2; run < runs; run += 1) {
    const started = performance.now();
    await lists.listArticles({ q, limit: 20 });
    if (run >= 0) timings.push(performance.now() - started);
  }
  return `p50 ${fmt(percentile(timings, 50), 1)} ms, p99 ${fmt(percentile(timings, 99), 1)} ms`;
}

async function fastupdateAb(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE gin_on');
  await admin.query('CREATE DATABASE gin_off');
  await admin.end();
  const urls = { on: `${cluster.baseUrl}gin_on`, off: `${cluster.baseUrl}gin_off` };
  const off = new pg.Pool({ connectionString: urls.off, max: 1 });
  await migratePostgres(off);
  await off.query('ALTER INDEX articles_search SET (fastupdate = off)');
  await off.end();
  const repositories = {
    on: (await openRepository({ location: urls.on })).repository,
    off: (await openRepository({ location: urls.off })).repository,
  };
  const pages = storyPages();
  const spent = { on: 0, off: 0 };
  const total = Number.parseInt(values.articles, 10);
  // One set of ingests per side, so that the 16 at a time are committed together.
  const ingests = { on: createIngests(repositories.on), off: createIngests(repositories.off) };
  for (let start = 0; start < total; start += 250) {
    for (const side of ['on', 'off'] as const) {
      const texts = variants(pages, Math.min(250, total - start), start);
      const started = performance.now();
      for (let i = 0; i < texts.length; i += 16) {
        await Promise.all(
          texts
            .slice(i, i + 16)
            .map((body) => ingests[side].ingest({ body, contentType: 'text/plain', sourceUrl: null })),
        );
      }
      spent[side] += performance.now() - started;
    }
  }
  for (const side of ['on', 'off'] as const) {
    await repositories[side].close();
    const pool = new pg.Pool({ connectionString: urls[side], max: 2 });
    const lists = postgresLists(pool);
    await pool.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    const { rows } = await pool.query<{ pending_pages: number }>(
      `SELECT pending_pages FROM pgstatginindex('articles_search')`,
    );
    console.log(
      `fastupdate ${side}: pending list ${rows[0]?.pending_pages ?? '?'} pages; ingest ${fmt((total / spent[side]) * 1000, 1)} pages/s (parse included, in-process); ` +
        `search first ${await timeSearch(lists, 'first')}; abandoned ${await timeSearch(lists, 'abandoned')}`,
    );
    await pool.end();
  }
}

try {
  if (values['fastupdate-ab']) {
    await fastupdateAb();
  } else {
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
    for (const phase of ['after ingests', 'after VACUUM articles']) {
      if (phase !== 'after ingests') await pool.query('VACUUM articles');
      console.log(`${phase}: pending list ${JSON.stringify(await pending())}`);
      for (const q of ['first', 'abandoned']) console.log(`  ${q}: ${await timeSearch(lists, q)}`);
    }
    await pool.end();
  }
} finally {
  stopPostgresCluster(cluster);
}
