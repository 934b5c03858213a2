/**
 * `npm run soak`: mixed load against the real server for a while, then three checks.
 *
 * Starts the server as a child process (`node --import tsx src/server.ts`, or
 * `node dist/server.js` with `--dist` after `npm run build`) on a free loopback port over a
 * temporary database, seeds it with the golden pages, and runs autocannon at 50 connections:
 * ~70% reads (an article, its edition or teasers, lists of articles, editions, publications,
 * teasers), ~15% searches (`q=`), ~15% ingests of pages nobody sent before (a golden page
 * with a unique marker in its longest line). The server's RSS is sampled every second.
 *
 * It fails (exit 1) on any 5xx or connection error, on RSS growth of 20% or more after
 * warm-up (the first 20% of the run; median of the last 10% of samples against the median
 * of the samples just before the end of warm-up), and on any lost write: every ingest
 * answered 201 is read back afterwards (the article, and its raw page with its marker). 404/422/429 are expected
 * for some requests and counted apart. Prints a table and writes bench/results/soak.json.
 *
 *   npm run soak                       # 300 s
 *   npm run soak -- --duration 30      # a quick run
 *   npm run soak -- --duration 60 --connections 50 --dist --json /tmp/soak.json
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../bench/lib/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES_DIR = join(ROOT, 'test/fixtures/pages');
const TOKEN = 'soak-token-0123456789abcdef';
const MAX_RSS_GROWTH = 0.2;
const WARM_UP_SHARE = 0.2;

// ---------------------------------------------------------------- autocannon (no bundled types)

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  requests: { total: number; average: number; p99?: number };
  latency: { average: number; p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}
type Context = Record<string, unknown>;
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: {
    setupRequest: (request: AutocannonRequest, context: Context) => AutocannonRequest;
    onResponse: (status: number, body: string, context: Context) => void;
  }[];
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------- arguments

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    connections: { type: 'string', default: '50' },
    dist: { type: 'boolean', default: false },
    json: { type: 'string', default: join(ROOT, 'bench/results/soak.json') },
  },
});
const durationS = Number(args.duration);
const connections = Number(args.connections);
if (!Number.isFinite(durationS) || durationS < 5 || !Number.isInteger(connections) || connections < 1) {
  console.error('usage: npm run soak -- [--duration seconds ≥ 5] [--connections n] [--dist] [--json file]');
  process.exit(2);
}

// ---------------------------------------------------------------- server

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function startServer(port: number, databasePath: string): ChildProcess {
  const entry = args.dist ? ['dist/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: databasePath,
      API_TOKENS: TOKEN,
      LOG_LEVEL: 'warn',
      // The soak measures the server, not the limits: 0 turns each limit off.
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
      RATE_LIMIT_PARSE_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  return child;
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server was not ready within 30 s');
}

/** Resident set size of a process in bytes, from /proc (Linux), else from `ps`. */
function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const line = status.split('\n').find((entry) => entry.startsWith('VmRSS:'));
    const kib = Number(line?.split(/\s+/)[1]);
    return Number.isFinite(kib) ? kib * 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the load

const pages = readdirSync(PAGES_DIR)
  .sort()
  .map((id) => readFileSync(join(PAGES_DIR, id, 'raw.txt'), 'utf8'));

/** A golden page made new: a unique marker at the end of its longest line (a body line). */
function distinctPage(marker: string): { text: string; base: number } {
  const base = Math.floor(Math.random() * pages.length);
  const lines = (pages[base] ?? '').split('\n');
  let longest = 0;
  lines.forEach((line, index) => {
    if (line.length > (lines[longest] ?? '').length) longest = index;
  });
  lines[longest] = `${lines[longest] ?? ''} (${marker})`;
  return { text: lines.join('\n'), base };
}

const SEARCH_WORDS = [
  'korea',
  'market',
  'water',
  'government',
  'school',
  '"special forces"',
  'city*',
  'music',
];

interface Known {
  articles: number[];
  editions: number[];
  publications: number[];
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

type Kind = 'read' | 'search' | 'ingest';

function nextRequest(known: Known, counter: { ingests: number }): { kind: Kind; request: AutocannonRequest } {
  const roll = Math.random();
  if (roll < 0.15) {
    counter.ingests += 1;
    const marker = `soak-${process.pid}-${counter.ingests}`;
    return {
      kind: 'ingest',
      request: {
        method: 'POST',
        path: '/v1/articles',
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          authorization: `Bearer ${TOKEN}`,
          'x-soak-marker': marker,
        },
        body: distinctPage(marker).text,
      },
    };
  }
  if (roll < 0.3) {
    const word = encodeURIComponent(pick(SEARCH_WORDS));
    const path = Math.random() < 0.7 ? `/v1/articles?q=${word}&limit=10` : `/v1/teasers?q=${word}`;
    return { kind: 'search', request: { method: 'GET', path, headers: {} } };
  }
  const id = pick(known.articles);
  const read = pick([
    `/v1/articles/${id}`,
    `/v1/articles/${id}`,
    `/v1/articles/${id}`,
    `/v1/articles/${id}/edition`,
    `/v1/articles/${id}/teasers`,
    '/v1/articles?limit=20',
    `/v1/editions/${pick(known.editions)}`,
    '/v1/editions',
    `/v1/publications/${pick(known.publications)}`,
    '/v1/publications',
    '/v1/teasers',
  ]);
  return { kind: 'read', request: { method: 'GET', path: read, headers: {} } };
}

// ---------------------------------------------------------------- main

interface Acknowledged {
  id: number;
  marker: string;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'masthead-soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startServer(port, join(directory, 'soak.db'));
  const pid = child.pid ?? 0;
  const failures: string[] = [];
  try {
    await waitReady(base, child);

    const known: Known = { articles: [], editions: [], publications: [] };
    for (const text of pages) {
      const response = await fetch(`${base}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', authorization: `Bearer ${TOKEN}` },
        body: text,
      });
      if (response.status === 201) {
        const article = (await response.json()) as { id: number; edition: { id: number } | null };
        known.articles.push(article.id);
        if (article.edition) known.editions.push(article.edition.id);
      }
    }
    const publications = (await (await fetch(`${base}/v1/publications?limit=100`)).json()) as {
      items: { id: number }[];
    };
    known.publications = publications.items.map((item) => item.id);
    known.editions = [...new Set(known.editions)];
    console.log(
      `soak: server pid ${pid} on ${base} (${args.dist ? 'dist/server.js' : 'src/server.ts via tsx'}), ` +
        `seeded ${known.articles.length} articles; ${connections} connections for ${durationS} s`,
    );

    const samples: { t: number; rss: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      const rss = rssBytes(pid);
      if (rss !== null) samples.push({ t: (Date.now() - started) / 1000, rss });
    }, 1000);

    const counter = { ingests: 0 };
    const byKind: Record<Kind, Record<string, number>> = { read: {}, search: {}, ingest: {} };
    const acknowledged: Acknowledged[] = [];
    const result = await autocannon({
      url: base,
      connections,
      duration: durationS,
      timeout: 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const next = nextRequest(known, counter);
            context['kind'] = next.kind;
            context['marker'] = next.request.headers?.['x-soak-marker'];
            return { ...request, ...next.request };
          },
          onResponse: (status, body, context) => {
            const kind = context['kind'] as Kind;
            byKind[kind][status] = (byKind[kind][status] ?? 0) + 1;
            if (kind === 'ingest' && status === 201) {
              const id = (JSON.parse(body) as { id: number }).id;
              acknowledged.push({ id, marker: String(context['marker']) });
              // New articles join the reads.
              known.articles.push(id);
            }
          },
        },
      ],
    });
    clearInterval(sampler);

    // Every acknowledged ingest must be readable: its article, and its raw page with its own marker.
    let lost = 0;
    for (const { id, marker } of acknowledged) {
      const article = await fetch(`${base}/v1/articles/${id}`);
      await article.arrayBuffer();
      const source = await fetch(`${base}/v1/articles/${id}/source`);
      const text = source.status === 200 ? await source.text() : '';
      if (article.status !== 200 || !text.includes(marker)) lost += 1;
    }
    const ready = (await fetch(`${base}/readyz`)).status;

    const warmUpEnd = durationS * WARM_UP_SHARE;
    const afterWarmUp = samples.filter((sample) => sample.t >= warmUpEnd);
    const baselineWindow = samples.filter(
      (sample) => sample.t >= warmUpEnd - Math.max(3, durationS * 0.05) && sample.t < warmUpEnd + 1,
    );
    const tail = afterWarmUp.slice(-Math.max(3, Math.round(afterWarmUp.length * 0.1)));
    const rssBaseline = median(baselineWindow.map((sample) => sample.rss));
    const rssEnd = median(tail.map((sample) => sample.rss));
    const rssMax = Math.max(...samples.map((sample) => sample.rss));
    const rssGrowth = rssBaseline > 0 ? (rssEnd - rssBaseline) / rssBaseline : Number.NaN;

    const statusCounts = Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count]),
    );
    const serverErrors = result['5xx'];
    if (serverErrors > 0) failures.push(`${serverErrors} responses were 5xx`);
    if (result.errors > 0 || result.timeouts > 0)
      failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
    if (!(rssGrowth < MAX_RSS_GROWTH))
      failures.push(`RSS grew ${(rssGrowth * 100).toFixed(1)}% after warm-up`);
    if (lost > 0) failures.push(`${lost} of ${acknowledged.length} acknowledged ingests are not readable`);
    if (acknowledged.length === 0) failures.push('no ingest was acknowledged: the load did not write');
    if (ready !== 200) failures.push(`/readyz answered ${ready} after the run`);

    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const rows: [string, string][] = [
      ['duration', `${durationS} s, ${connections} connections`],
      ['server', args.dist ? 'node dist/server.js' : 'node --import tsx src/server.ts'],
      ['requests', `${result.requests.total} (${result.requests.average.toFixed(0)}/s)`],
      ['latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`],
      [
        'statuses',
        Object.entries(statusCounts)
          .map(([status, n]) => `${status}×${n}`)
          .join(' '),
      ],
      ['reads', JSON.stringify(byKind.read)],
      ['searches', JSON.stringify(byKind.search)],
      ['ingests', JSON.stringify(byKind.ingest)],
      ['5xx', String(serverErrors)],
      ['errors / timeouts', `${result.errors} / ${result.timeouts}`],
      ['RSS after warm-up / end / max', `${mib(rssBaseline)} / ${mib(rssEnd)} / ${mib(rssMax)}`],
      ['RSS growth after warm-up', `${(rssGrowth * 100).toFixed(1)}% (limit ${MAX_RSS_GROWTH * 100}%)`],
      [
        'acknowledged ingests read back',
        `${acknowledged.length - lost}/${acknowledged.length} (lost ${lost})`,
      ],
      ['/readyz after', String(ready)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n'));

    const report = {
      measuredAt: new Date().toISOString(),
      durationS,
      connections,
      server: args.dist ? 'dist/server.js' : 'src/server.ts (tsx)',
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      statuses: statusCounts,
      byKind,
      serverErrors,
      errors: result.errors,
      timeouts: result.timeouts,
      rss: { baselineBytes: rssBaseline, endBytes: rssEnd, maxBytes: rssMax, growth: rssGrowth, samples },
      ingestsAcknowledged: acknowledged.length,
      lostWrites: lost,
      readyAfter: ready,
      failures,
    };
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(null);
      else child.once('exit', resolve);
    });
    rmSync(directory, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`soak: FAILED\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    process.exit(1);
  }
  console.log('soak: passed');
}

main().catch((error: unknown) => {
  console.error('soak:', error);
  process.exit(1);
});
