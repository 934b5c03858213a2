/**
 * Read path: `GET /v1/articles/{id}` over random ids of a seeded database, autocannon in this
 * process against masthead's built server (dist/server.js, production env) in a child process,
 * and a bare fastify hello-world in the same run with the same settings, in interleaved
 * segments (A B A B) so both see the same moments of a noisy machine. Then a breakdown, one
 * shorter interleaved pass over every server, of what the gap is made of: the same article
 * JSON with plain JSON.stringify, with fast-json-stringify, with the zod serializer, a bare
 * fastify route reading the database, and masthead with its request log off.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIngests } from '../src/ingest/ingest.js';
import { representArticle } from '../src/http/representations.js';
import { openRepository } from '../src/storage/open.js';
import { interleaved, load, type LoadOptions, type LoadResult } from './lib/load.js';
import { storyPages, variants } from './lib/pages.js';
import { fmt, log, ratio, writeResult, type BenchOptions, type Row } from './lib/report.js';
import {
  ensureBuilt,
  startBaseline,
  startMasthead,
  tempDir,
  type BaselineMode,
  type ServerProcess,
} from './lib/servers.js';

const CONNECTIONS = 50;
const ARTICLES = 2000;
const TARGET_SHARE = 0.6;
const TARGET_P99_MS = 10;

const BREAKDOWN: [BaselineMode, string][] = [
  ['json', 'fastify, the same article object, no response schema (plain JSON.stringify)'],
  ['fjs', 'fastify, the same article object, fast-json-stringify compiled from ArticleSchema'],
  ['zod', 'fastify, the same article object, fastify-type-provider-zod serializer (ArticleSchema)'],
  ['db-zod', 'fastify, repository.getArticle(random id) + toArticleResponse + zod serializer'],
];

/**
 * Seeds `count` distinct articles (fixture variants) through the ingest layer and the repository,
 * 16 at a time (they share group commits, as concurrent ingests do).
 */
export async function seedDatabase(path: string, count: number): Promise<{ ids: number[]; ms: number }> {
  // stored as the server stores them: with each article's representation (migration 014)
  const { repository } = await openRepository({
    location: path,
    skipIntegrityCheck: true,
    represent: representArticle,
  });
  const start = performance.now();
  const ids: number[] = [];
  const texts = variants(storyPages(), count);
  try {
    // One set of ingests, so that the 16 at a time are committed together.
    const ingests = createIngests(repository);
    for (let i = 0; i < texts.length; i += 16) {
      const outcomes = await Promise.all(
        texts
          .slice(i, i + 16)
          .map((body) => ingests.ingest({ body, contentType: 'text/plain', sourceUrl: null })),
      );
      for (const outcome of outcomes) if (outcome.kind !== 'no-story') ids.push(outcome.article.id);
    }
  } finally {
    await repository.close();
  }
  return { ids, ms: performance.now() - start };
}

function target(server: ServerProcess, ids: readonly number[]): Omit<LoadOptions, 'seconds'> {
  const next = () => ({ path: `/v1/articles/${ids[Math.floor(Math.random() * ids.length)] ?? 1}` });
  return { url: server.url, connections: CONNECTIONS, next, pid: server.pid };
}

interface Named {
  name: string;
  about: string;
  server: ServerProcess;
}

export async function readPath(options: BenchOptions): Promise<Row[]> {
  const { rebuilt } = ensureBuilt();
  const seconds = options.quick ? 5 : 10;
  // One-second segments, interleaved: a drift of the shared machine hits every server alike.
  const segments = seconds;
  const breakdownSeconds = options.quick ? 1 : 4;
  const warmUp = options.quick ? 0.5 : 1;
  const dir = tempDir('read');
  const servers: Named[] = [];
  try {
    const database = join(dir.path, 'read.db');
    log(`read path: seeding ${ARTICLES} articles`);
    const seeded = await seedDatabase(database, ARTICLES);
    const ids = seeded.ids;
    log(`read path: seeded ${ids.length} in ${fmt(seeded.ms / 1000)} s`);

    const up = async (name: string, about: string, start: Promise<ServerProcess>) => {
      const server = await start;
      servers.push({ name, about, server });
      return server;
    };
    const masthead = await up(
      'masthead',
      'masthead dist/server.js, production env',
      startMasthead(database, options.serverCpu),
    );
    const sample = await fetch(`${masthead.url}/v1/articles/${ids[0] ?? 1}`);
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`GET /v1/articles/${ids[0] ?? 1}: ${sample.status} ${body}`);
    const articleJson = join(dir.path, 'article.json');
    writeFileSync(articleJson, body);
    const hello = await up('hello', 'bare fastify hello-world', startBaseline('hello', options.serverCpu));
    const env = { ARTICLE_JSON: articleJson, DATABASE_PATH: database };
    await Promise.all([
      ...BREAKDOWN.map(([mode, about]) => up(mode, about, startBaseline(mode, options.serverCpu, env))),
      up(
        'masthead-log-warn',
        'masthead dist/server.js with LOG_LEVEL=warn (no per-request log lines)',
        startMasthead(database, options.serverCpu, { LOG_LEVEL: 'warn' }),
      ),
    ]);

    log(`read path: warm-up of ${servers.length} servers, ${warmUp} s each`);
    for (const { server } of servers) await load({ ...target(server, ids), seconds: warmUp });

    log(
      `read path: masthead vs fastify hello-world, ${CONNECTIONS} connections, ${seconds} s each in ${segments} interleaved segments`,
    );
    const [main, baseline] = await interleaved(
      [target(masthead, ids), target(hello, ids)],
      seconds,
      segments,
    );
    if (!main || !baseline) throw new Error('read path: no result');

    log(
      `read path: breakdown, ${servers.length} servers, ${breakdownSeconds} s each in 1 s interleaved segments`,
    );
    const results = await interleaved(
      servers.map(({ server }) => target(server, ids)),
      breakdownSeconds,
      breakdownSeconds,
    );
    const breakdown = servers.map(({ name, about }, i) => ({
      name,
      about,
      result: results[i] as LoadResult,
    }));
    const helloStep = breakdown.find((b) => b.name === 'hello')?.result;
    const breakdownHello = helloStep?.rps ?? 0;
    const helloCpu = helloStep?.cpuUsPerRequest ?? null;

    writeResult('read-path', {
      command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
      rebuilt,
      articles: ids.length,
      seedMs: seeded.ms,
      connections: CONNECTIONS,
      seconds,
      segments,
      breakdownSeconds,
      warmUpSeconds: warmUp,
      serverCpu: options.serverCpu,
      loadCpu: options.loadCpu,
      articleBytes: Buffer.byteLength(body),
      masthead: main,
      baseline: { name: 'bare fastify hello-world', result: baseline },
      breakdown,
      targets: { shareOfBaseline: TARGET_SHARE, p99Ms: TARGET_P99_MS },
    });

    const cpuShare =
      main.cpuUsPerRequest && baseline.cpuUsPerRequest
        ? baseline.cpuUsPerRequest / main.cpuUsPerRequest
        : null;
    const rows: Row[] = [
      {
        metric: 'GET /v1/articles/{id} req/s',
        value: fmt(main.rps),
        baseline: `${fmt(baseline.rps)} (fastify hello)`,
        ratio: ratio(main.rps, baseline.rps),
        target: `≥ ${TARGET_SHARE}×`,
        met: main.rps >= TARGET_SHARE * baseline.rps,
      },
      {
        metric: 'GET /v1/articles/{id} p99 ms',
        value: fmt(main.p99, 1),
        baseline: `${fmt(baseline.p99, 1)} (fastify hello)`,
        ratio: ratio(main.p99, baseline.p99),
        target: `≤ ${TARGET_P99_MS} ms`,
        met: main.p99 <= TARGET_P99_MS,
      },
      {
        // The load generator shares a noisy machine: when it, not the server, is the limit,
        // req/s ratios flatten. Server CPU per request is the steadier measure of the same ratio.
        metric: 'GET share at equal server CPU (hello µs/req ÷ masthead µs/req)',
        value: main.cpuUsPerRequest === null ? '—' : `${fmt(main.cpuUsPerRequest)} µs/req`,
        baseline: baseline.cpuUsPerRequest === null ? '—' : `${fmt(baseline.cpuUsPerRequest)} µs/req (hello)`,
        ratio: cpuShare === null ? '—' : `${fmt(cpuShare, 2)}×`,
        target: `≥ ${TARGET_SHARE}×`,
        met: cpuShare === null ? null : cpuShare >= TARGET_SHARE,
      },
    ];
    for (const step of breakdown) {
      if (step.name === 'hello') continue;
      rows.push({
        metric: `  breakdown: ${step.name} req/s (p99 ${fmt(step.result.p99, 1)} ms, ${
          step.result.cpuUsPerRequest === null ? '—' : fmt(step.result.cpuUsPerRequest)
        } µs CPU/req)`,
        value: fmt(step.result.rps),
        baseline: `${fmt(breakdownHello)} (hello, ${helloCpu === null ? '—' : fmt(helloCpu)} µs)`,
        ratio: ratio(step.result.rps, breakdownHello),
        target: '—',
        met: null,
      });
    }
    return rows;
  } finally {
    await Promise.all(servers.map(({ server }) => server.stop()));
    dir.remove();
  }
}
