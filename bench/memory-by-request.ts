/**
 * Which kind of request raises the server's resident memory, at a given database size: the
 * server's RSS and peak RSS (VmHWM, /proc/<pid>/status) after start-up and after each kind of
 * request in turn, each run for a few seconds at 10 connections. A rise in the peak belongs to
 * the step during which it happened. The growth benchmark only reports the overall peak.
 *
 * The database is copied first (the POST step writes); `--no-writes` measures a large
 * database in place and leaves the POST step out.
 *
 *   npx tsx bench/memory-by-request.ts /tmp/masthead-growth/articles-10000-g1.db
 *   npx tsx bench/memory-by-request.ts /tmp/masthead-growth/articles-1000000-g1.db --no-writes
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { load } from './lib/load.js';
import { storyPages, variants } from './lib/pages.js';
import { ensureBuilt, log, processMemory, startMasthead } from './lib/servers.js';

const SECONDS = 4;
const CONNECTIONS = 10;

const path = process.argv[2];
if (!path) throw new Error('usage: memory-by-request.ts DB');
const writes = !process.argv.includes('--no-writes');
const copy = writes ? `${path}.memory-bench.db` : path;
ensureBuilt();
const source = new Database(path, { readonly: true });
if (writes) await source.backup(copy);
const articles = (source.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n;
const meta = { common: 'india', rare: 'koszex' };
source.close();

const server = await startMasthead(copy, 0);
const rows: { step: string; rssMb: number; peakMb: number; requests: number }[] = [];
const mb = (bytes: number) => bytes / 1024 / 1024;
const record = (step: string, requests: number) => {
  const memory = processMemory(server.pid);
  if (memory) rows.push({ step, rssMb: mb(memory.rss), peakMb: mb(memory.hwm), requests });
};
const random = (n: number) => 1 + Math.floor(Math.random() * n);
const pages = storyPages();
let counter = 0;
const steps: [
  string,
  () => { method: string; path: string; headers?: Record<string, string>; body?: string },
][] = [
  ['GET /v1/articles/{id}', () => ({ method: 'GET', path: `/v1/articles/${random(articles)}` })],
  [
    'GET /v1/articles/{id} as text/html',
    () => ({ method: 'GET', path: `/v1/articles/${random(articles)}`, headers: { accept: 'text/html' } }),
  ],
  [
    'GET /v1/articles/{id}/source',
    () => ({ method: 'GET', path: `/v1/articles/${random(articles)}/source` }),
  ],
  ['GET /v1/articles (page 1)', () => ({ method: 'GET', path: '/v1/articles?limit=100' })],
  [
    'GET /v1/editions, /v1/publications',
    () => ({
      method: 'GET',
      path: random(2) === 1 ? '/v1/editions?limit=100' : '/v1/publications?limit=100',
    }),
  ],
  [`GET /v1/articles?q=${meta.rare}`, () => ({ method: 'GET', path: `/v1/articles?q=${meta.rare}` })],
  [
    `GET /v1/articles?q=${meta.common} (common)`,
    () => ({ method: 'GET', path: `/v1/articles?q=${meta.common}&limit=100` }),
  ],
  ['GET /v1/teasers?q=', () => ({ method: 'GET', path: `/v1/teasers?q=${meta.common}&limit=100` })],
  [
    'POST /v1/articles',
    () => ({
      method: 'POST',
      path: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: variants(pages, 1, counter++)[0] ?? '',
    }),
  ],
  ['GET /metrics', () => ({ method: 'GET', path: '/metrics' })],
];
try {
  record('after start-up', 0);
  for (const [step, next] of steps) {
    if (!writes && step.startsWith('POST')) continue;
    log(`memory: ${step}`);
    const result = await load({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, next });
    if (result.non2xx > 0 || result.errors > 0) log(`  ${result.non2xx} non-2xx, ${result.errors} errors`);
    record(step, result.ok);
  }
} finally {
  await server.stop();
  // Only the copy: never the database that was given.
  if (copy !== path) for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
}
console.log(
  `\n${articles} articles (${path})\nstep                                      | requests | RSS MB | peak MB | peak rise MB`,
);
let previousPeak = 0;
for (const row of rows) {
  console.log(
    `${row.step.padEnd(41)} | ${String(row.requests).padStart(8)} | ${row.rssMb.toFixed(1).padStart(6)} | ${row.peakMb.toFixed(1).padStart(7)} | ${(previousPeak === 0 ? 0 : row.peakMb - previousPeak).toFixed(1).padStart(12)}`,
  );
  previousPeak = row.peakMb;
}
