/**
 * Storage engines side by side (`npm run bench -- --engine postgres`, or `--only engines`):
 * in ONE run, masthead's built server on SQLite (the baseline: WAL, `synchronous=FULL`) and on
 * a throwaway PostgreSQL cluster with the same durability (`fsync=on`, `synchronous_commit=on`,
 * `full_page_writes=on`: a commit is acknowledged once its WAL is flushed to disk). Both get
 * the same N articles (fixture variants, through the repository); then, interleaved segment by
 * segment (A B A B) so that both see the same moments of a noisy machine:
 *
 * - `GET /v1/articles/{id}` (random ids, 50 connections);
 * - `GET /v1/articles?limit=20` (16 connections);
 * - `GET /v1/articles?q=<term>&limit=20` for a term in ~40% of the articles and for one in
 *   one fixture page only, one connection (latency, no queueing);
 * - `POST /v1/articles` (a distinct page per request, 16 connections);
 * - `POST /v1/articles:batch` (NDJSON bodies).
 *
 * `ENGINES_GET_ONLY=1` stops after the GET by id (seeding, warm-up, GET: about a minute with
 * `--quick`), for comparing a change to the read path in several short runs.
 *
 * Then 1, 2 and 3 API nodes on the same PostgreSQL through pgbouncer (transaction pooling),
 * aggregate req/s of GET and POST. Every server process (API nodes, PostgreSQL, pgbouncer) is
 * pinned to the servers' CPU and the load generator to the other: with 2 cores, more nodes add
 * their overheads on the same core and cannot show scaling. What they show is the CPU each
 * request costs on the API node and on PostgreSQL, which docs/SCALING.md turns into a model.
 */
import { join } from 'node:path';
import pg from 'pg';
import { parsePage } from '../src/parser/index.js';
import {
  findPostgresBinDir,
  startPostgresCluster,
  stopPostgresCluster,
  type PostgresCluster,
} from '../scripts/lib/postgres-cluster.js';
import { pgbouncerAvailable, startPgbouncer, type Pgbouncer } from '../scripts/lib/postgres-topology.js';
import { cpuSeconds, interleaved, load, type LoadOptions, type LoadResult } from './lib/load.js';
import { ndjsonBody, storyPages, variants, type FixturePage } from './lib/pages.js';
import { clusterCpuSeconds, pinCluster, pinProcess, processFamily } from './lib/postgres-processes.js';
import { fmt, log, ratio, writeResult, type BenchOptions, type Row } from './lib/report.js';
import { ensureBuilt, startMasthead, tempDir, type ServerProcess } from './lib/servers.js';
import { seedDatabase } from './read-path.js';

const GET_CONNECTIONS = 50;
const LIST_CONNECTIONS = 16;
const POST_CONNECTIONS = 16;
const SEARCH_CONNECTIONS = 1;
const COMMON_SHARE = 0.4;
/** Issue 13's targets. */
const TARGET_GET_SHARE = 0.5;
const TARGET_INGEST_PAGES_PER_S = 800;
const NODE_COUNTS = [1, 2, 3];
/** Stop after the GET by id measurement (see the header). */
const GET_ONLY = process.env.ENGINES_GET_ONLY === '1';

/** The server-side durability of each engine, as configured here. */
const POSTGRES_SETTINGS = { synchronous_commit: 'on', full_page_writes: 'on', wal_sync_method: 'fdatasync' };

interface Terms {
  common: { term: string; pages: number; share: number };
  rare: { term: string; pages: number; share: number };
}

/**
 * Words of the stored stories (title, deck, paragraphs), by the share of fixture pages holding
 * them: variants cycle through the pages, so a word's share of pages is its share of articles.
 */
function searchTerms(pages: readonly FixturePage[]): Terms {
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    const story = parsePage(page.text).story;
    if (story === null) continue;
    const text = [story.title ?? '', story.deck ?? '', ...story.paragraphs].join('\n').toLowerCase();
    for (const word of new Set(text.match(/\p{L}+/gu) ?? []))
      pagesWith.set(word, (pagesWith.get(word) ?? 0) + 1);
  }
  const words = [...pagesWith]
    .filter(([word]) => /^[a-z]{5,}$/.test(word))
    .sort(([a], [b]) => a.localeCompare(b));
  const byDistance = [...words].sort(
    ([, a], [, b]) => Math.abs(a / pages.length - COMMON_SHARE) - Math.abs(b / pages.length - COMMON_SHARE),
  );
  const [common, commonPages] = byDistance[0] ?? ['the', 0];
  const [rare, rarePages] = words.find(([word, n]) => n === 1 && word.length >= 8) ?? ['zzzz', 0];
  return {
    common: { term: common, pages: commonPages, share: commonPages / pages.length },
    rare: { term: rare, pages: rarePages, share: rarePages / pages.length },
  };
}

interface Engine {
  name: 'sqlite' | 'postgres';
  server: ServerProcess;
}

async function totalOf(server: ServerProcess, q: string): Promise<{ value: number; exact: boolean }> {
  const response = await fetch(`${server.url}/v1/articles?q=${encodeURIComponent(q)}&limit=20`);
  const body = (await response.json()) as { total?: { value: number; exact: boolean } };
  if (response.status !== 200 || body.total === undefined) {
    throw new Error(`search ${q} on ${server.url}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.total;
}

async function postBatch(url: string, body: string): Promise<{ ms: number; created: number }> {
  const start = performance.now();
  const response = await fetch(`${url}/v1/articles:batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`batch: ${response.status} ${text.slice(0, 300)}`);
  const created = text.split('\n').filter((line) => line.includes('"status":201')).length;
  return { ms, created };
}

/** A pool of distinct pages for POSTs: `range` keeps every engine's and pass's documents apart. */
function poster(pages: readonly FixturePage[], range: number) {
  let counter = range;
  return () => ({
    method: 'POST',
    path: '/v1/articles',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: variants(pages, 1, counter++)[0] ?? '',
  });
}

interface Split {
  result: LoadResult;
  /** PostgreSQL CPU per 2xx response, µs (the SQLite segments leave the cluster idle). */
  postgresCpuUs: number | null;
}

/** Interleaved A/B run of SQLite (first) and PostgreSQL, with the cluster's CPU over the run. */
async function compare(
  cluster: PostgresCluster,
  targets: [Omit<LoadOptions, 'seconds'>, Omit<LoadOptions, 'seconds'>],
  seconds: number,
  segments: number,
): Promise<{ sqlite: LoadResult; postgres: Split }> {
  const before = clusterCpuSeconds(cluster);
  const [sqlite, postgres] = await interleaved(targets, seconds, segments);
  const cpu = clusterCpuSeconds(cluster) - before;
  if (!sqlite || !postgres) throw new Error('engines: no result');
  return {
    sqlite,
    postgres: { result: postgres, postgresCpuUs: postgres.ok > 0 ? (cpu / postgres.ok) * 1e6 : null },
  };
}

interface NodesRun {
  nodes: number;
  get: LoadResult[];
  post: LoadResult[];
  getRps: number;
  postRps: number;
  /** CPU per request on each tier during the run, µs. */
  getCpuUs: { api: number; postgres: number; pgbouncer: number };
  postCpuUs: { api: number; postgres: number; pgbouncer: number };
}

/** Loads `nodes` servers at once, `connections` split between them; CPU of each tier per request. */
async function aggregate(
  servers: readonly ServerProcess[],
  cluster: PostgresCluster,
  bouncer: Pgbouncer,
  connections: number,
  seconds: number,
  next: () => { path: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  const apiCpu = () => servers.reduce((sum, s) => sum + (cpuSeconds(s.pid) ?? 0), 0);
  const bouncerPids = bouncer.process.pid === undefined ? [] : processFamily(bouncer.process.pid);
  const bouncerCpu = () => bouncerPids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  const before = { api: apiCpu(), postgres: clusterCpuSeconds(cluster), pgbouncer: bouncerCpu() };
  const results = await Promise.all(
    servers.map((server) =>
      load({
        url: server.url,
        connections: Math.max(1, Math.round(connections / servers.length)),
        seconds,
        next,
      }),
    ),
  );
  const ok = results.reduce((sum, r) => sum + r.ok, 0);
  const per = (seconds: number) => (ok > 0 ? (seconds / ok) * 1e6 : 0);
  return {
    results,
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    cpuUs: {
      api: per(apiCpu() - before.api),
      postgres: per(clusterCpuSeconds(cluster) - before.postgres),
      pgbouncer: per(bouncerCpu() - before.pgbouncer),
    },
  };
}

export async function engines(options: BenchOptions): Promise<Row[]> {
  if (findPostgresBinDir() === null)
    throw new Error('PostgreSQL is not installed (apt-get install postgresql-15)');
  const { rebuilt } = ensureBuilt();
  const articles = options.quick ? 2000 : 10_000;
  const seconds = options.quick ? 4 : 10;
  const searchSeconds = options.quick ? 4 : 10;
  const batches = options.quick ? 2 : 4;
  const batchLines = options.quick ? 500 : 1000;
  const nodeSeconds = options.quick ? 3 : 8;
  const pages = storyPages();
  const terms = searchTerms(pages);
  const dir = tempDir('engines');
  const servers: ServerProcess[] = [];
  let cluster: PostgresCluster | null = null;
  let bouncer: Pgbouncer | null = null;
  try {
    log('engines: PostgreSQL cluster, fsync on, synchronous_commit on');
    cluster = await startPostgresCluster({ fsync: true, settings: POSTGRES_SETTINGS });
    if (options.serverCpu !== null) pinCluster(cluster, options.serverCpu);
    const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE masthead');
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'server_version')`,
    );
    await admin.end();
    const postgresUrl = `${cluster.baseUrl}masthead`;
    const sqlitePath = join(dir.path, 'engines.db');

    log(`engines: seeding ${articles} articles into each engine (repository, 16 at a time)`);
    // Both at once: one engine stores while the other parses (each time then includes the other's work).
    const [seededSqlite, seededPostgres] = await Promise.all([
      seedDatabase(sqlitePath, articles),
      seedDatabase(postgresUrl, articles),
    ]);
    log(
      `engines: seeded SQLite in ${fmt(seededSqlite.ms / 1000)} s, PostgreSQL in ${fmt(seededPostgres.ms / 1000)} s`,
    );

    const sqlite: Engine = { name: 'sqlite', server: await startMasthead(sqlitePath, options.serverCpu) };
    servers.push(sqlite.server);
    const postgres: Engine = {
      name: 'postgres',
      server: await startMasthead(join(dir.path, 'unused.db'), options.serverCpu, {
        DATABASE_URL: postgresUrl,
      }),
    };
    servers.push(postgres.server);
    const engineList = [sqlite, postgres];

    const totals = GET_ONLY
      ? null
      : {
          common: await Promise.all(engineList.map((e) => totalOf(e.server, terms.common.term))),
          rare: await Promise.all(engineList.map((e) => totalOf(e.server, terms.rare.term))),
        };
    if (totals !== null)
      log(
        `engines: common term "${terms.common.term}" (${fmt(terms.common.share * 100, 0)}% of pages; totals ${JSON.stringify(totals.common)}), ` +
          `rare "${terms.rare.term}" (${JSON.stringify(totals.rare)})`,
      );

    const getTarget = (e: Engine, ids: readonly number[]): Omit<LoadOptions, 'seconds'> => ({
      url: e.server.url,
      connections: GET_CONNECTIONS,
      pid: e.server.pid,
      next: () => ({ path: `/v1/articles/${ids[Math.floor(Math.random() * ids.length)] ?? 1}` }),
    });
    const fixed = (e: Engine, path: string, connections: number): Omit<LoadOptions, 'seconds'> => ({
      url: e.server.url,
      connections,
      pid: e.server.pid,
      next: () => ({ path }),
    });
    const search = (q: string) => `/v1/articles?q=${encodeURIComponent(q)}&limit=20`;

    log('engines: warm-up');
    for (const e of engineList) {
      const ids = e.name === 'sqlite' ? seededSqlite.ids : seededPostgres.ids;
      await load({ ...getTarget(e, ids), seconds: 1 });
      if (GET_ONLY) continue;
      await load({ ...fixed(e, '/v1/articles?limit=20', LIST_CONNECTIONS), seconds: 0.5 });
      await load({ ...fixed(e, search(terms.common.term), SEARCH_CONNECTIONS), seconds: 0.5 });
    }

    log(`engines: GET by id, ${GET_CONNECTIONS} connections, ${seconds} s each, interleaved`);
    const get = await compare(
      cluster,
      [getTarget(sqlite, seededSqlite.ids), getTarget(postgres, seededPostgres.ids)],
      seconds,
      seconds,
    );
    const cpuMs = (us: number | null) => (us === null ? '—' : fmt(us / 1000, 3));
    const getCosts = {
      apiMs: cpuMs(get.postgres.result.cpuUsPerRequest),
      postgresMs: cpuMs(get.postgres.postgresCpuUs),
      sqliteMs: cpuMs(get.sqlite.cpuUsPerRequest),
    };
    const getRate: Row = {
      metric: 'PostgreSQL GET /v1/articles/{id} req/s',
      value: fmt(get.postgres.result.rps),
      baseline: `${fmt(get.sqlite.rps)} (SQLite)`,
      ratio: ratio(get.postgres.result.rps, get.sqlite.rps),
      target: `≥ ${TARGET_GET_SHARE}×`,
      met: get.postgres.result.rps >= TARGET_GET_SHARE * get.sqlite.rps,
    };
    const getP99: Row = {
      metric: '  GET p99 ms',
      value: fmt(get.postgres.result.p99, 1),
      baseline: `${fmt(get.sqlite.p99, 1)} (SQLite)`,
      ratio: ratio(get.postgres.result.p99, get.sqlite.p99),
      target: '—',
      met: null,
    };
    const getCpu: Row = {
      metric: `  CPU ms per GET: API node ${getCosts.apiMs}, PostgreSQL ${getCosts.postgresMs}`,
      value: getCosts.apiMs,
      baseline: `${getCosts.sqliteMs} (SQLite node)`,
      ratio: '—',
      target: '—',
      met: null,
    };
    if (GET_ONLY) {
      writeResult('engines-get', {
        command: `ENGINES_GET_ONLY=1 npm run bench -- --engine postgres${options.quick ? ' --quick' : ''}`,
        rebuilt,
        articles,
        serverCpu: options.serverCpu,
        loadCpu: options.loadCpu,
        seconds,
        get,
        cpuPerRequestMs: getCosts,
        targets: { getShare: TARGET_GET_SHARE },
      });
      return [getRate, getP99, getCpu];
    }
    log('engines: list, common-term and rare-term search');
    const list = await compare(
      cluster,
      [
        fixed(sqlite, '/v1/articles?limit=20', LIST_CONNECTIONS),
        fixed(postgres, '/v1/articles?limit=20', LIST_CONNECTIONS),
      ],
      seconds,
      seconds,
    );
    const common = await compare(
      cluster,
      [
        fixed(sqlite, search(terms.common.term), SEARCH_CONNECTIONS),
        fixed(postgres, search(terms.common.term), SEARCH_CONNECTIONS),
      ],
      searchSeconds,
      searchSeconds,
    );
    const rare = await compare(
      cluster,
      [
        fixed(sqlite, search(terms.rare.term), SEARCH_CONNECTIONS),
        fixed(postgres, search(terms.rare.term), SEARCH_CONNECTIONS),
      ],
      searchSeconds,
      searchSeconds,
    );

    log(`engines: POST /v1/articles, ${POST_CONNECTIONS} connections, ${seconds} s each, interleaved`);
    const post = await compare(
      cluster,
      [
        {
          url: sqlite.server.url,
          connections: POST_CONNECTIONS,
          pid: sqlite.server.pid,
          next: poster(pages, 30_000_000),
        },
        {
          url: postgres.server.url,
          connections: POST_CONNECTIONS,
          pid: postgres.server.pid,
          next: poster(pages, 40_000_000),
        },
      ],
      seconds,
      seconds,
    );

    log(`engines: POST :batch, ${batches} × ${batchLines} lines each, alternating`);
    const batch = { sqlite: { ms: 0, created: 0 }, postgres: { ms: 0, created: 0 } };
    for (let i = 0; i < batches; i += 1) {
      for (const e of engineList) {
        const start = (e.name === 'sqlite' ? 50_000_000 : 60_000_000) + i * batchLines;
        const run = await postBatch(e.server.url, ndjsonBody(variants(pages, batchLines, start)));
        batch[e.name].ms += run.ms;
        batch[e.name].created += run.created;
      }
    }
    const batchRate = (b: { ms: number; created: number }) => (b.created / Math.max(b.ms, 1e-9)) * 1000;
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    // 1, 2, 3 API nodes on one PostgreSQL through pgbouncer.
    const nodeRuns: NodesRun[] = [];
    let nodesSkipped: string | null = null;
    if (!pgbouncerAvailable()) {
      nodesSkipped = 'pgbouncer is not installed (apt-get install pgbouncer)';
    } else {
      log('engines: pgbouncer (transaction pooling) and 3 API nodes');
      bouncer = await startPgbouncer(cluster);
      if (options.serverCpu !== null && bouncer.process.pid !== undefined) {
        // runuser and its child, pgbouncer itself.
        for (const pid of processFamily(bouncer.process.pid)) pinProcess(pid, options.serverCpu);
      }
      const bouncerUrl = `${bouncer.baseUrl}masthead`;
      const nodes: ServerProcess[] = [];
      for (let i = 0; i < Math.max(...NODE_COUNTS); i += 1) {
        const node = await startMasthead(join(dir.path, 'unused.db'), options.serverCpu, {
          DATABASE_URL: bouncerUrl,
        });
        nodes.push(node);
        servers.push(node);
      }
      const ids = seededPostgres.ids;
      const getNext = () => ({ path: `/v1/articles/${ids[Math.floor(Math.random() * ids.length)] ?? 1}` });
      for (const node of nodes) await load({ url: node.url, connections: 8, seconds: 0.5, next: getNext });
      for (const [i, count] of NODE_COUNTS.entries()) {
        const active = nodes.slice(0, count);
        log(`engines: ${count} node(s), GET and POST, ${nodeSeconds} s each`);
        const g = await aggregate(active, cluster, bouncer, GET_CONNECTIONS, nodeSeconds, getNext);
        const p = await aggregate(
          active,
          cluster,
          bouncer,
          POST_CONNECTIONS,
          nodeSeconds,
          poster(pages, 70_000_000 + i * 1_000_000),
        );
        nodeRuns.push({
          nodes: count,
          get: g.results,
          post: p.results,
          getRps: g.rps,
          postRps: p.rps,
          getCpuUs: g.cpuUs,
          postCpuUs: p.cpuUs,
        });
      }
    }

    const costs = {
      get: { apiMs: getCosts.apiMs, postgresMs: getCosts.postgresMs },
      post: {
        apiMs: cpuMs(post.postgres.result.cpuUsPerRequest),
        postgresMs: cpuMs(post.postgres.postgresCpuUs),
      },
      sqliteGetMs: getCosts.sqliteMs,
      sqlitePostMs: cpuMs(post.sqlite.cpuUsPerRequest),
    };
    writeResult('engines', {
      command: `npm run bench -- --engine postgres${options.quick ? ' --quick' : ''}`,
      rebuilt,
      articles,
      postgres: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
      sqlite: 'WAL, synchronous=FULL (src/storage/sqlite)',
      seeded: { sqliteMs: seededSqlite.ms, postgresMs: seededPostgres.ms },
      terms,
      totals,
      serverCpu: options.serverCpu,
      loadCpu: options.loadCpu,
      seconds,
      get,
      list,
      search: { connections: SEARCH_CONNECTIONS, common, rare },
      post: { connections: POST_CONNECTIONS, ...post },
      batch: { lines: batchLines, batches, ...batch },
      cpuPerRequestMs: costs,
      nodes: nodesSkipped === null ? nodeRuns : { skipped: nodesSkipped },
      targets: { getShare: TARGET_GET_SHARE, ingestPagesPerS: TARGET_INGEST_PAGES_PER_S },
    });

    const row = (metric: string, pgValue: number, sqliteValue: number, digits?: number): Row => ({
      metric,
      value: fmt(pgValue, digits),
      baseline: `${fmt(sqliteValue, digits)} (SQLite)`,
      ratio: ratio(pgValue, sqliteValue),
      target: '—',
      met: null,
    });
    const rows: Row[] = [
      getRate,
      getP99,
      {
        ...row(
          `PostgreSQL POST /v1/articles pages/s (${POST_CONNECTIONS} conn.)`,
          post.postgres.result.rps,
          post.sqlite.rps,
        ),
        target: `≥ ${TARGET_INGEST_PAGES_PER_S}`,
        met: post.postgres.result.rps >= TARGET_INGEST_PAGES_PER_S,
      },
      row('  POST p99 ms', post.postgres.result.p99, post.sqlite.p99, 1),
      {
        ...row(
          `PostgreSQL POST :batch pages/s (${batchLines} lines)`,
          batchRate(batch.postgres),
          batchRate(batch.sqlite),
        ),
        target: `≥ ${TARGET_INGEST_PAGES_PER_S}`,
        met: batchRate(batch.postgres) >= TARGET_INGEST_PAGES_PER_S,
      },
      row('PostgreSQL list ?limit=20 req/s', list.postgres.result.rps, list.sqlite.rps),
      row(
        `PostgreSQL search "${terms.common.term}" (${fmt(terms.common.share * 100, 0)}%) p50 ms`,
        common.postgres.result.p50,
        common.sqlite.p50,
        1,
      ),
      row(
        `PostgreSQL search "${terms.common.term}" p99 ms (${articles} articles)`,
        common.postgres.result.p99,
        common.sqlite.p99,
        1,
      ),
      row(`PostgreSQL search rare "${terms.rare.term}" p50 ms`, rare.postgres.result.p50, rare.sqlite.p50, 1),
      row(`PostgreSQL search rare "${terms.rare.term}" p99 ms`, rare.postgres.result.p99, rare.sqlite.p99, 1),
      getCpu,
      {
        metric: `  CPU ms per POST: API node ${costs.post.apiMs}, PostgreSQL ${costs.post.postgresMs}`,
        value: costs.post.apiMs,
        baseline: `${costs.sqlitePostMs} (SQLite node)`,
        ratio: '—',
        target: '—',
        met: null,
      },
    ];
    const one = nodeRuns[0];
    for (const run of nodeRuns) {
      rows.push({
        metric: `${run.nodes} node(s) via pgbouncer, 1 core: GET req/s (POST pages/s ${fmt(run.postRps)})`,
        value: fmt(run.getRps),
        baseline: one ? `${fmt(one.getRps)} (1 node; POST ${fmt(one.postRps)})` : '—',
        ratio: one ? ratio(run.getRps, one.getRps) : '—',
        target: '—',
        met: null,
      });
    }
    if (nodesSkipped !== null) {
      rows.push({
        metric: `nodes: skipped, ${nodesSkipped}`,
        value: '—',
        baseline: '—',
        ratio: '—',
        target: '—',
        met: null,
      });
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await bouncer?.stop();
    if (cluster !== null) stopPostgresCluster(cluster);
    dir.remove();
  }
}
