/**
 * POST /v1/articles through the built server (16 connections, a distinct page per request),
 * on PostgreSQL (a throwaway local cluster, fsync on, one node) and, in the same run, on a
 * SQLite file as the baseline. Prints 2xx/s, p50, p99 and the server's CPU per request.
 *
 *   npx tsx bench/postgres-write-http.ts [seconds=10]
 */
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { load, type LoadResult } from './lib/load.js';
import { storyPages, variants } from './lib/pages.js';
import { ensureBuilt, startMasthead, tempDir } from './lib/servers.js';

const CONNECTIONS = 16;
const seconds = Number(process.argv[2] ?? 10);
const pages = storyPages();
let counter = 0;
// every request a document never posted before (in either engine's run)
const post = () => ({
  method: 'POST',
  path: '/v1/articles',
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: variants(pages, 1, counter++)[0] ?? '',
});

async function measure(databasePath: string, env: Record<string, string>): Promise<LoadResult> {
  const server = await startMasthead(databasePath, null, env);
  try {
    await load({ url: server.url, connections: CONNECTIONS, seconds: 1, next: post });
    return await load({ url: server.url, connections: CONNECTIONS, seconds, next: post, pid: server.pid });
  } finally {
    await server.stop();
  }
}

const summary = (result: LoadResult) => ({
  pagesPerSecond: Math.round(result.rps),
  p50Ms: result.p50,
  p99Ms: result.p99,
  non2xx: result.non2xx + result.errors,
  serverCpuUsPerPage: result.cpuUsPerRequest === null ? null : Math.round(result.cpuUsPerRequest),
});

ensureBuilt();
const dir = tempDir('masthead-write-http-');
const cluster = await startPostgresCluster({ fsync: true });
try {
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const postgres = await measure(join(dir.path, 'unused.db'), { DATABASE_URL: `${cluster.baseUrl}bench` });
  const sqlite = await measure(join(dir.path, 'bench.db'), {});
  console.log(
    JSON.stringify({
      connections: CONNECTIONS,
      seconds,
      postgres: summary(postgres),
      sqlite: summary(sqlite),
    }),
  );
} finally {
  stopPostgresCluster(cluster);
  dir.remove();
}
