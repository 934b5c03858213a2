/**
 * Growth: how reads, search and listing behave as the database grows (issue 6, item 4).
 *
 * For each size (10k and 100k articles with --quick; also 1M in full mode) it builds a
 * database with scripts/generate-db.ts (cached in $TMPDIR/masthead-growth, keyed by size and
 * generator version, so reruns reuse it), then starts the built server (`node dist/server.js`,
 * on core 0 when taskset exists; this process and autocannon on core 1) with rate limits off
 * and measures:
 *   - start-up: spawn → first `/readyz` 200 (median of 3 starts);
 *   - GET /v1/articles/{id} over random ids: autocannon, 10 connections, after reading the
 *     article rows once so that they are in the OS page cache (see warmPageCache);
 *   - GET /v1/articles?q= for a common term and a rare one: 1 connection (service latency;
 *     each request ranks afresh: no cursor, so every one takes a new 10,000-id snapshot);
 *   - GET /v1/articles?limit=20, page 1 vs the page after a cursor at depth 199,980
 *     (page 10,000), or the last full page when the database is smaller: 1 connection;
 *   - database size on disk, server RSS (and its peak) after the measurements;
 * plus, on a read-only connection, the SQL alone: where a ranked search and a deep page
 * spend their time, with EXPLAIN QUERY PLAN. The baseline is the smallest size, measured in
 * the same run. Writes bench/results/growth.json and docs/performance/latency-vs-size.svg,
 * and prints a table with each target met or not.
 *
 *   npx tsx bench/growth.ts --quick          # 10k, 100k
 *   npx tsx bench/growth.ts                  # 10k, 100k, 1M
 *   npx tsx bench/growth.ts --sizes 10000,50000 --seconds 3
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { GENERATOR_VERSION, type GenerateMeta } from '../scripts/generate-db.js';
import { renderChart } from './lib/growth-chart.js';
import {
  getByIdBreakdown,
  listingBreakdown,
  PAGE_SIZE,
  searchBreakdown,
  type GetByIdBreakdown,
  type ListingBreakdown,
  type SearchBreakdown,
} from './lib/growth-diagnostics.js';
import { load, type LoadResult } from './lib/load.js';
import { median } from './lib/stats.js';
import { ROOT } from './lib/report.js';
import { HAS_TASKSET, processMemory, startMasthead, type ServerProcess } from './lib/servers.js';
import { startupBreakdown } from './lib/growth-startup.js';

const TARGETS = {
  getByIdRatio: 1.2,
  searchP99Ms: 20,
  deepPageRatio: 1.5,
  rssBytes: 200 * 1024 * 1024,
  startupMs: 500,
};
/** Page 10,000 of 20: the cursor of the item at this depth. */
const DEEP_DEPTH = 9_999 * PAGE_SIZE;
const STARTS = 3;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    'cache-dir': { type: 'string', default: join(tmpdir(), 'masthead-growth') },
    json: { type: 'string', default: join(ROOT, 'bench/results/growth.json') },
    svg: { type: 'string', default: join(ROOT, 'docs/performance/latency-vs-size.svg') },
    build: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const sizes = values.sizes
  ? values.sizes.split(',').map((s) => Number.parseInt(s, 10))
  : quick
    ? [10_000, 100_000]
    : [10_000, 100_000, 1_000_000];
const seconds = Number.parseFloat(values.seconds ?? (quick ? '2' : '5'));
const roundCount = Math.max(1, Number.parseInt(values.rounds ?? (quick ? '2' : '3'), 10));
const cacheDir = values['cache-dir'];

const log = (message: string): void => console.error(`growth: ${message}`);

// The load generator (this process) on core 1, the server on core 0.
if (HAS_TASKSET) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });

if (values.build || !existsSync(join(ROOT, 'dist/server.js'))) {
  log('building dist/ (npm run build)');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function ensureDatabase(articles: number): { path: string; meta: GenerateMeta; generated: boolean } {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `articles-${articles}-g${GENERATOR_VERSION}.db`);
  const metaPath = `${path}.meta.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as GenerateMeta;
    if (meta.generatorVersion === GENERATOR_VERSION && meta.articles === articles) {
      return { path, meta, generated: false };
    }
  }
  log(`generating ${articles} articles into ${path}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-db.ts', '--articles', String(articles), '--out', path],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`generate-db failed for ${articles}`);
  return { path, meta: JSON.parse(readFileSync(metaPath, 'utf8')) as GenerateMeta, generated: true };
}

function sizeOnDisk(path: string): number {
  return ['', '-wal', '-shm'].reduce(
    (total, suffix) => total + (existsSync(path + suffix) ? statSync(path + suffix).size : 0),
    0,
  );
}

interface RoundResult {
  startupMs: number[];
  getById: LoadResult;
  search: { common: LoadResult & { term: string }; rare: LoadResult & { term: string } };
  listing: { firstPage: LoadResult; deepPage: LoadResult };
  memory: { rssBytes: number; peakRssBytes: number };
}

interface Prepared {
  articles: number;
  path: string;
  meta: GenerateMeta;
  generated: boolean;
  depth: number;
  sql: {
    getById: GetByIdBreakdown;
    listing: ListingBreakdown;
    searchCommon: SearchBreakdown;
    searchRare: SearchBreakdown;
  };
}

interface SizeResult {
  articles: number;
  database: { path: string; bytes: number; generatedSeconds: number | null; meta: GenerateMeta };
  startupMs: { median: number; min: number; samples: number[] };
  getById: LoadResult;
  search: { common: LoadResult & { term: string }; rare: LoadResult & { term: string } };
  listing: { firstPage: LoadResult; deepPage: LoadResult & { depth: number; page: number } };
  memory: { rssBytes: number; peakRssBytes: number };
  sql: Prepared['sql'];
  rounds: RoundResult[];
}

function prepare(articles: number): Prepared {
  const database = ensureDatabase(articles);
  const depth = Math.min(DEEP_DEPTH, Math.floor((articles - PAGE_SIZE) / PAGE_SIZE) * PAGE_SIZE);
  log(`${articles}: SQL breakdown`);
  const db = new Database(database.path, { readonly: true });
  const sql = {
    getById: getByIdBreakdown(db, articles, 20_000),
    listing: listingBreakdown(db, depth, 15),
    searchCommon: searchBreakdown(db, database.meta.commonTerm, 5),
    searchRare: searchBreakdown(db, database.meta.rareTerm, 5),
  };
  db.close();
  return { articles, path: database.path, meta: database.meta, generated: database.generated, depth, sql };
}

/**
 * Reads once what a GET by id reads (the article rows and the index of teaser links), as a
 * server that has been serving for a while has them in the OS page cache. Straight after
 * generating 15 GB, much of the 1M database is not cached, and random GETs then wait for the
 * disk (3.7 KB per request from the disk at 1M, bench/read-io.ts), which measures the cache,
 * not the server.
 */
function warmPageCache(path: string): number {
  const started = performance.now();
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT sum(length(paragraphs)) FROM articles').get();
    // what GET by id reads: the stored representation (migration 014)
    db.prepare('SELECT sum(length(body)) FROM article_representations').get();
    db.prepare('SELECT count(*) FROM teasers INDEXED BY teasers_linked WHERE linked_article_id > 0').get();
  } finally {
    db.close();
  }
  return performance.now() - started;
}

/** The server on core 0, its start-up timed from spawn to the first `/readyz` 200. */
function startTimed(databasePath: string): Promise<ServerProcess> {
  return startMasthead(
    databasePath,
    HAS_TASKSET ? 0 : null,
    { LOG_LEVEL: 'warn' },
    { path: '/readyz', status: 'ok', pollMs: 5, timeoutMs: 60_000 },
  );
}

/** GETs of `path()` for `seconds` over `connections`. */
function get(
  server: ServerProcess,
  options: { connections: number; seconds: number; path: () => string },
): Promise<LoadResult> {
  return load({
    url: server.url,
    connections: options.connections,
    seconds: options.seconds,
    next: () => ({ method: 'GET', path: options.path() }),
  });
}

async function measureRound(size: Prepared): Promise<RoundResult> {
  const { articles, meta } = size;
  log(`${articles}: start-up ×${STARTS}`);
  const startupMs: number[] = [];
  let server = await startTimed(size.path);
  startupMs.push(server.startupMs);
  for (let i = 1; i < STARTS; i += 1) {
    await server.stop();
    server = await startTimed(size.path);
    startupMs.push(server.startupMs);
  }
  try {
    const warm = Math.max(1, seconds / 2);
    log(`${articles}: page cache warmed in ${warmPageCache(size.path).toFixed(0)} ms`);
    const randomId = () => `/v1/articles/${1 + Math.floor(Math.random() * articles)}`;
    log(`${articles}: GET by id (warm-up, then ${seconds} s × 10 connections)`);
    await get(server, { connections: 10, seconds: warm, path: randomId });
    const getById = await get(server, { connections: 10, seconds, path: randomId });

    const once = async (path: string) => {
      await get(server, { connections: 1, seconds: warm, path: () => path });
      return get(server, { connections: 1, seconds, path: () => path });
    };
    log(`${articles}: search "${meta.commonTerm}" and "${meta.rareTerm}"`);
    const common = {
      term: meta.commonTerm,
      ...(await once(`/v1/articles?q=${encodeURIComponent(meta.commonTerm)}`)),
    };
    const rare = {
      term: meta.rareTerm,
      ...(await once(`/v1/articles?q=${encodeURIComponent(meta.rareTerm)}`)),
    };

    log(`${articles}: listing page 1 and the page after depth ${size.depth}`);
    const deepPath = `/v1/articles?limit=${PAGE_SIZE}&cursor=${size.sql.listing.cursor}`;
    const probe = await fetch(`${server.url}${deepPath}`);
    if (probe.status !== 200) throw new Error(`deep page answered ${probe.status}: ${await probe.text()}`);
    const firstPage = await once(`/v1/articles?limit=${PAGE_SIZE}`);
    const deepPage = await once(deepPath);

    const memory = processMemory(server.pid) ?? { rss: 0, hwm: 0 };
    return {
      startupMs,
      getById,
      search: { common, rare },
      listing: { firstPage, deepPage },
      memory: { rssBytes: memory.rss, peakRssBytes: memory.hwm },
    };
  } finally {
    await server.stop();
  }
}

/** Of several rounds, the least disturbed one (lowest p50): other work shares these cores. */
function best<T extends LoadResult>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.p50 - b.p50);
  const first = sorted[0];
  if (!first) throw new Error('no rounds');
  return first;
}

function combine(size: Prepared, rounds: RoundResult[]): SizeResult {
  const samples = rounds.flatMap((r) => r.startupMs);
  return {
    articles: size.articles,
    database: {
      path: size.path,
      bytes: sizeOnDisk(size.path),
      generatedSeconds: size.generated ? size.meta.seconds : null,
      meta: size.meta,
    },
    startupMs: { median: median(samples), min: Math.min(...samples), samples },
    getById: best(rounds.map((r) => r.getById)),
    search: {
      common: best(rounds.map((r) => r.search.common)),
      rare: best(rounds.map((r) => r.search.rare)),
    },
    listing: {
      firstPage: best(rounds.map((r) => r.listing.firstPage)),
      deepPage: {
        ...best(rounds.map((r) => r.listing.deepPage)),
        depth: size.depth,
        page: size.depth / PAGE_SIZE + 1,
      },
    },
    memory: {
      rssBytes: Math.max(...rounds.map((r) => r.memory.rssBytes)),
      peakRssBytes: Math.max(...rounds.map((r) => r.memory.peakRssBytes)),
    },
    sql: size.sql,
    rounds,
  };
}

const loadBefore = loadavg()[0] ?? 0;
const started = performance.now();
const prepared = sizes.map(prepare);
log('start-up breakdown');
const startup = await startupBreakdown(prepared.at(-1)?.path ?? '', 3);
// Rounds alternate the sizes (10k, 100k, …, then again), so that a burst of other work on
// these shared cores hits one round, not one size.
const roundsBySize = prepared.map((): RoundResult[] => []);
for (let round = 0; round < roundCount; round += 1) {
  for (const [index, size] of prepared.entries()) {
    log(`round ${round + 1}/${roundCount}`);
    roundsBySize[index]?.push(await measureRound(size));
  }
}
const results = prepared.map((size, index) => combine(size, roundsBySize[index] ?? []));

// Targets: the largest size against the smallest (the baseline measured in this run).
const base = results[0];
const top = results.at(-1);
if (!base || !top) throw new Error('no sizes measured');
const at = `at ${top.articles.toLocaleString('en')}${quick ? ' (quick)' : ''}`;
const getRatio = top.getById.p50 / base.getById.p50;
const getP99Ratio = top.getById.p99 / base.getById.p99;
const deepRatio = top.listing.deepPage.p50 / top.listing.firstPage.p50;
const maxRss = Math.max(...results.map((r) => r.memory.rssBytes));
const maxStartup = Math.max(...results.map((r) => r.startupMs.median));
const targets = [
  {
    name: `GET by id p50 ${at} / ${base.articles.toLocaleString('en')}`,
    target: `≤ ${TARGETS.getByIdRatio}×`,
    measured: `${getRatio.toFixed(2)}× (p99 ${getP99Ratio.toFixed(2)}×)`,
    met: getRatio <= TARGETS.getByIdRatio,
  },
  {
    name: `search p99 "${top.search.common.term}" ${at}`,
    target: `≤ ${TARGETS.searchP99Ms} ms`,
    measured: `${top.search.common.p99.toFixed(1)} ms`,
    met: top.search.common.p99 <= TARGETS.searchP99Ms,
  },
  {
    name: `search p99 "${top.search.rare.term}" (rare) ${at}`,
    target: `≤ ${TARGETS.searchP99Ms} ms`,
    measured: `${top.search.rare.p99.toFixed(1)} ms`,
    met: top.search.rare.p99 <= TARGETS.searchP99Ms,
  },
  {
    name: `listing page ${top.listing.deepPage.page.toLocaleString('en')} / page 1 (p50) ${at}`,
    target: `≤ ${TARGETS.deepPageRatio}×`,
    measured: `${deepRatio.toFixed(2)}×`,
    met: deepRatio <= TARGETS.deepPageRatio,
  },
  {
    name: 'server RSS after the measurements (largest of all sizes)',
    target: `≤ ${TARGETS.rssBytes / 1024 / 1024} MB`,
    measured: `${(maxRss / 1024 / 1024).toFixed(0)} MB`,
    met: maxRss <= TARGETS.rssBytes,
  },
  {
    name: `start-up, spawn → /readyz 200 (median of ${STARTS * roundCount}; slowest size)`,
    target: `≤ ${TARGETS.startupMs} ms`,
    measured: `${maxStartup.toFixed(0)} ms`,
    met: maxStartup <= TARGETS.startupMs,
  },
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const rows: [string, ...string[]][] = [
  ['articles', ...results.map((r) => r.articles.toLocaleString('en'))],
  ['database on disk', ...results.map((r) => mb(r.database.bytes))],
  ['start-up ms median (min)', ...results.map((r) => `${ms(r.startupMs.median)} (${ms(r.startupMs.min)})`)],
  ['GET by id req/s (10 conn.)', ...results.map((r) => r.getById.rps.toFixed(0))],
  ['GET by id p50 / p99 ms', ...results.map((r) => `${ms(r.getById.p50)} / ${ms(r.getById.p99)}`)],
  ...(['common', 'rare'] as const).map((kind): [string, ...string[]] => [
    `search "${results[0]?.search[kind].term ?? kind}"${kind === 'rare' ? ' (rare*)' : ''} p50 / p99 ms`,
    ...results.map((r) => `${ms(r.search[kind].p50)} / ${ms(r.search[kind].p99)}`),
  ]),
  ['  matches', ...results.map((r) => `${r.sql.searchCommon.matches} / ${r.sql.searchRare.matches}`)],
  [
    'list page 1 p50 / p99 ms',
    ...results.map((r) => `${ms(r.listing.firstPage.p50)} / ${ms(r.listing.firstPage.p99)}`),
  ],
  [
    'list deep page p50 / p99 ms',
    ...results.map((r) => `${ms(r.listing.deepPage.p50)} / ${ms(r.listing.deepPage.p99)}`),
  ],
  ['  deep page number', ...results.map((r) => r.listing.deepPage.page.toLocaleString('en'))],
  ['server RSS (peak)', ...results.map((r) => `${mb(r.memory.rssBytes)} (${mb(r.memory.peakRssBytes)})`)],
  [
    'SQL: GET by id p50 / p99 µs',
    ...results.map((r) => `${r.sql.getById.p50Us.toFixed(0)} / ${r.sql.getById.p99Us.toFixed(0)}`),
  ],
  ['SQL: ranked window, common ms', ...results.map((r) => ms(r.sql.searchCommon.rankedWindowMs))],
  [
    'SQL: deep page / seek fix ms',
    ...results.map((r) => `${ms(r.sql.listing.deepPageMs)} / ${ms(r.sql.listing.seekDeepPageMs)}`),
  ],
];
const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
console.log(
  `\nGrowth (${quick ? 'quick' : 'full'}; server on core 0, load on core 1: ${HAS_TASKSET ? 'yes' : 'no taskset'})`,
);
for (const row of rows) console.log(line(row));
console.log('* the rare term is a different synthetic word per size, each found in about 10 articles.\n');
const tw = Math.max(...targets.map((t) => t.name.length));
for (const t of targets) {
  console.log(
    `${t.met ? 'met   ' : 'MISSED'}  ${t.name.padEnd(tw)}  ${t.measured.padEnd(22)} target ${t.target}`,
  );
}
const heaviest = startup.dependencies
  .slice(0, 4)
  .map((d) => `${d.name} ${d.ms.toFixed(0)}`)
  .join(', ');
console.log(
  `\nstart-up floor: bare node:http server ${startup.bareNodeMs.toFixed(0)} ms; imports alone ${startup.totalImportMs.toFixed(0)} ms ` +
    `(node boot ${startup.nodeBootMs.toFixed(0)}, heaviest: ${heaviest}; application modules ${startup.applicationModulesMs.toFixed(0)}); ` +
    `then open ${startup.openRepositoryMs.toFixed(0)}, buildApp ${startup.buildAppMs.toFixed(0)}, listen ${startup.listenMs.toFixed(0)} ms`,
);

// The chart.
const size = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const svg = renderChart({
  title: 'masthead: read, search and listing latency against database size',
  subtitle: `${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'} run, ${cpus().length} shared cores; GET by id at 10 connections, the rest at 1`,
  xTicks: results.map((r) => ({
    value: r.articles,
    label: r.articles >= 1e6 ? `${r.articles / 1e6}M` : `${r.articles / 1e3}k`,
    sublabel: size(r.database.bytes),
  })),
  series: [
    {
      name: 'GET by id p50',
      color: '#1f77b4',
      points: results.map((r) => ({ x: r.articles, y: r.getById.p50 })),
    },
    {
      name: 'GET by id p99',
      color: '#1f77b4',
      dashed: true,
      points: results.map((r) => ({ x: r.articles, y: r.getById.p99 })),
    },
    {
      name: `search p99, common ("${results[0]?.search.common.term ?? ''}")`,
      color: '#d62728',
      points: results.map((r) => ({ x: r.articles, y: r.search.common.p99 })),
    },
    {
      name: 'search p99, rare term',
      color: '#ff7f0e',
      points: results.map((r) => ({ x: r.articles, y: r.search.rare.p99 })),
    },
    {
      name: 'list page 1 p99',
      color: '#2ca02c',
      points: results.map((r) => ({ x: r.articles, y: r.listing.firstPage.p99 })),
    },
    {
      name: 'list deep page p99',
      color: '#2ca02c',
      dashed: true,
      points: results.map((r) => ({ x: r.articles, y: r.listing.deepPage.p99 })),
    },
  ],
});
mkdirSync(dirname(values.svg), { recursive: true });
writeFileSync(values.svg, svg);

const report = {
  name: 'growth',
  mode: quick ? 'quick' : 'full',
  date: new Date().toISOString(),
  command: `npx tsx bench/growth.ts${quick ? ' --quick' : ''}`,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryBytes: totalmem(),
    node: process.version,
    taskset: HAS_TASKSET,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg()[0] ?? 0,
  },
  settings: {
    seconds,
    rounds: roundCount,
    roundSelection: 'per measurement, the round with the lowest p50 (least disturbed by other work)',
    getByIdConnections: 10,
    searchAndListConnections: 1,
    pageSize: PAGE_SIZE,
    deepDepth: DEEP_DEPTH,
    serverEnv: 'LOG_LEVEL=warn, RATE_LIMIT_*=0, NODE_ENV=production',
  },
  targets: targets.map((t) => ({ ...t })),
  startup,
  sizes: results,
  chart: values.svg,
  elapsedSeconds: (performance.now() - started) / 1000,
};
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${values.json} and ${values.svg} in ${report.elapsedSeconds.toFixed(0)} s`);
