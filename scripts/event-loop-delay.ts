/**
 * Event-loop delay while hostile pages are posted, with the parse pool and without it.
 *
 *   npm run measure:event-loop [-- --seconds 10 --budget-ms 2000 --workers N --posters 2 --modes pool,in-process]
 *
 * Each mode builds the real app (buildApp) over a fresh temporary database holding one
 * stored article, listens on a free loopback port, and adds `POST /bench/parse`: the
 * `POST /v1/parse` route (same body schema, same ParsedPage response serializer) with its
 * parse either in the pool ("pool") or on the main thread ("in-process", the baseline),
 * so the script measures the same thing however app.ts wires /v1/parse. A load generator
 * in a worker thread (its own event loop, so its work is not counted) then, for the given
 * time, keeps `--posters` hostile 1 MiB pages in flight and sends an open-loop stream of
 * `GET /v1/articles/1` (one every 20 ms, each timed from its send time, so a stall shows
 * in every request it delayed). The server's event loop is sampled with
 * perf_hooks.monitorEventLoopDelay (10 ms resolution: an idle loop reads ~10 ms).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { parsePoolProblem } from '../src/http/parse-budget.js';
import { jsonResponse } from '../src/http/responses.js';
import { submissionFrom } from '../src/http/routes/pages.js';
import { pageBodyContent, ParsedPageSchema } from '../src/http/schemas.js';
import { ingestPage, type PageSubmission } from '../src/ingest/ingest.js';
import { parseSubmission } from '../src/ingest/parse-submission.js';
import { createParsePool } from '../src/ingest/parse-pool.js';
import type { ParsedPage } from '../src/parser/types.js';
import { openRepository } from '../src/storage/open.js';
import { percentile } from '../bench/lib/stats.js';

const MIB = 1024 * 1024;
const EVENT_LOOP_RESOLUTION_MS = 10;
const GET_INTERVAL_MS = 20;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'budget-ms': { type: 'string', default: '2000' },
    workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
    posters: { type: 'string', default: '2' },
    modes: { type: 'string', default: 'pool,in-process' },
  },
});
const seconds = Number(args.seconds);
const budgetMs = Number(args['budget-ms']);
const workers = Number(args.workers);
const posters = Number(args.posters);
const modes = args.modes.split(',').map((mode) => {
  if (mode !== 'pool' && mode !== 'in-process') throw new Error(`unknown mode ${mode}: use pool, in-process`);
  return mode;
});

/** `line` repeated up to `bytes` UTF-8 bytes. */
function fill(line: string, bytes: number): string {
  const unit = Buffer.byteLength(line, 'utf8');
  return line.repeat(Math.floor(bytes / unit));
}

/** The worst inputs the parser has met, each 1 MiB of UTF-8 (the 100k-line page is 200 KiB). */
const HOSTILE_PAGES: { name: string; body: string }[] = [
  { name: 'one 1 MiB line', body: fill('masthead ', MIB) },
  { name: '100k one-char lines', body: 'a\n'.repeat(100_000) },
  { name: '512k one-char lines (1 MiB)', body: fill('a\n', MIB) },
  { name: '‹ × 349k', body: fill('‹', MIB) },
  {
    name: 'mixed scripts',
    body: fill(
      'Der Bürgermeister sagte — Мэр сказал: 市长说 «Le maire a dit» قال رئيس البلدية महापौर ने कहा 市長は言った\n',
      MIB,
    ),
  },
];

const SEED_PAGE = readFileSync(
  new URL('../test/fixtures/pages/000-de-seed/raw.txt', import.meta.url),
  'utf8',
);

interface LoadResult {
  gets: number[];
  getStatuses: Record<string, number>;
  posts: { name: string; status: number; ms: number }[];
}

/** Runs in a worker thread, as plain JavaScript: the clients. */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, seconds, posters, getIntervalMs, getPath, pages } = workerData;
const until = Date.now() + seconds * 1000;
const result = { gets: [], getStatuses: {}, posts: [] };

async function poster(offset) {
  for (let i = offset; Date.now() < until; i += 1) {
    const page = pages[i % pages.length];
    const sent = performance.now();
    const response = await fetch(base + '/bench/parse', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: page.body,
    });
    await response.arrayBuffer();
    result.posts.push({ name: page.name, status: response.status, ms: performance.now() - sent });
  }
}

async function get() {
  const sent = performance.now();
  const response = await fetch(base + getPath);
  await response.arrayBuffer();
  result.gets.push(performance.now() - sent);
  result.getStatuses[response.status] = (result.getStatuses[response.status] ?? 0) + 1;
}

(async () => {
  const inFlight = [];
  const ticker = setInterval(() => inFlight.push(get()), getIntervalMs);
  await Promise.all(Array.from({ length: posters }, (_, i) => poster(i)));
  clearInterval(ticker);
  await Promise.all(inFlight);
  parentPort.postMessage(result);
})();
`;

function runLoad(base: string, getPath: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, {
      eval: true,
      workerData: { base, seconds, posters, getIntervalMs: GET_INTERVAL_MS, getPath, pages: HOSTILE_PAGES },
    });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

interface ModeFigures {
  mode: string;
  loopP50: number;
  loopP99: number;
  loopMax: number;
  getCount: number;
  getP50: number;
  getP99: number;
  getMax: number;
  getStatuses: Record<string, number>;
  posts: Map<string, { statuses: Record<number, number>; medianMs: number }>;
}

async function measure(mode: 'pool' | 'in-process'): Promise<ModeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-event-loop-'));
  const { repository } = await openRepository({ location: join(dir, 'masthead.db') });
  const pool = mode === 'pool' ? createParsePool({ size: workers, budgetMs }) : null;
  const parse = async (submission: PageSubmission): Promise<ParsedPage> =>
    pool ? pool.parse(submission) : parseSubmission(submission);

  const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/bench/parse',
    {
      schema: {
        hide: true,
        body: { content: pageBodyContent } as never,
        response: { 200: jsonResponse('What the parser found.', ParsedPageSchema) },
      },
    },
    async (request) => {
      try {
        return await parse(submissionFrom(request).submission);
      } catch (error) {
        throw parsePoolProblem(error) ?? error;
      }
    },
  );
  try {
    const seeded = await ingestPage(repository, {
      body: SEED_PAGE,
      contentType: 'text/plain',
      sourceUrl: null,
    });
    if (seeded.kind === 'no-story') throw new Error('the seed page has no story');
    // Start the workers before sampling: a worker's start-up is not a request's cost.
    if (pool) await Promise.all(Array.from({ length: workers }, () => pool.parse(seedSubmission())));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');

    const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
    histogram.enable();
    const load = await runLoad(`http://127.0.0.1:${address.port}`, `/v1/articles/${seeded.article.id}`);
    histogram.disable();

    const gets = [...load.gets].sort((a, b) => a - b);
    const posts = new Map<string, { statuses: Record<number, number>; medianMs: number }>();
    for (const { name } of HOSTILE_PAGES) {
      const mine = load.posts.filter((post) => post.name === name);
      const statuses: Record<number, number> = {};
      for (const post of mine) statuses[post.status] = (statuses[post.status] ?? 0) + 1;
      const times = mine.map((post) => post.ms).sort((a, b) => a - b);
      posts.set(name, { statuses, medianMs: percentile(times, 50) });
    }
    return {
      mode,
      loopP50: histogram.percentile(50) / 1e6,
      loopP99: histogram.percentile(99) / 1e6,
      loopMax: histogram.max / 1e6,
      getCount: gets.length,
      getP50: percentile(gets, 50),
      getP99: percentile(gets, 99),
      getMax: gets.at(-1) ?? Number.NaN,
      getStatuses: load.getStatuses,
      posts,
    };
  } finally {
    await app.close();
    await pool?.close();
    await repository.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function seedSubmission(): PageSubmission {
  return { body: SEED_PAGE, contentType: 'text/plain', sourceUrl: null };
}

/** Fastest of three runs of `work`, in ms. */
function fastest(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * What each hostile page costs, alone on an idle loop: its parse (on the main thread in
 * process, in a worker with the pool), and what stays on the main thread with the pool:
 * reading the ParsedPage back from the worker and serializing the response.
 */
function costBreakdown(): string[] {
  const serializeResponse = serializerCompiler({
    schema: ParsedPageSchema,
    method: 'POST',
    url: '/bench/parse',
    httpStatus: '200',
  });
  return HOSTILE_PAGES.map(({ name, body }) => {
    const submission: PageSubmission = { body, contentType: 'text/plain', sourceUrl: null };
    const page = parseSubmission(submission);
    const cloned = serialize(page);
    const parseMs = fastest(() => parseSubmission(submission));
    const readBackMs = fastest(() => {
      deserialize(cloned);
    });
    const responseMs = fastest(() => serializeResponse(page));
    return `| ${name} | ${ms(parseMs)} | ${ms(readBackMs)} | ${ms(responseMs)} |`;
  });
}

const ms = (value: number): string => value.toFixed(1);
const statusList = (statuses: Record<string | number, number>): string =>
  Object.entries(statuses)
    .map(([status, count]) => `${count}×${status}`)
    .join(' ');

console.log(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); ` +
    `${seconds} s per mode, ${posters} hostile posters, GET every ${GET_INTERVAL_MS} ms; ` +
    `pool: ${workers} worker(s), budget ${budgetMs} ms; event loop sampled every ${EVENT_LOOP_RESOLUTION_MS} ms`,
);
console.log('\n| hostile page | parse (ms) | pool: read back on main (ms) | response serialization (ms) |');
console.log('| --- | --- | --- | --- |');
for (const row of costBreakdown()) console.log(row);

const figures: ModeFigures[] = [];
for (const mode of modes) figures.push(await measure(mode));

console.log('\n| mode | event loop p50 / p99 / max (ms) | GETs | GET p50 / p99 / max (ms) | GET statuses |');
console.log('| --- | --- | --- | --- | --- |');
for (const f of figures) {
  console.log(
    `| ${f.mode} | ${ms(f.loopP50)} / ${ms(f.loopP99)} / ${ms(f.loopMax)} | ${f.getCount} | ` +
      `${ms(f.getP50)} / ${ms(f.getP99)} / ${ms(f.getMax)} | ${statusList(f.getStatuses)} |`,
  );
}
console.log('\n| hostile page | ' + figures.map((f) => `${f.mode}: statuses, median ms`).join(' | ') + ' |');
console.log('| --- |' + figures.map(() => ' --- |').join(''));
for (const { name } of HOSTILE_PAGES) {
  const cells = figures.map((f) => {
    const post = f.posts.get(name);
    return post ? `${statusList(post.statuses)}, ${ms(post.medianMs)}` : '-';
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
