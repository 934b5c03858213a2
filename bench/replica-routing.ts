/**
 * What spreading list pages over replicas costs (src/storage/postgres/read-routing.ts): the same
 * list walk (articles, 20 a page) through three repositories on one primary with two replicas,
 * rounds interleaved so that the machine's drift hits each alike:
 *
 * - `primary`: no replicas (no watermark, no extra statement);
 * - `replica direct`: replica a as if it were the only server (no routing): what a replica's
 *   read costs, apart from the routing;
 * - `replicas`: both replicas up to date (one extra statement a page: the position read after it);
 * - `one paused`: one replica's replay paused, so every page whose turn falls on it goes to the
 *   other replica instead (cached positions first, then one position read per replica).
 *
 * Prints ms per page (median of rounds) and the ratio to `primary`. Usage:
 * `nice -n 5 npx tsx bench/replica-routing.ts [articles=2000] [rounds=7]`.
 */
import pg from 'pg';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { startReplica, waitForReplay } from '../scripts/lib/postgres-topology.js';
import { sha256Hex } from '../src/ingest/ingest.js';
import { createPostgresRepository } from '../src/storage/postgres/index.js';
import type { Repository } from '../src/storage/repository.js';
import { median } from './lib/stats.js';

const ARTICLES = Number(process.argv[2] ?? 2_000);
const ROUNDS = Number(process.argv[3] ?? 7);
const PAGE = 20;

async function walk(repository: Repository): Promise<number> {
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await repository.listArticles({ limit: PAGE, cursor, sort: 'ingested' });
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor !== undefined);
  return pages;
}

const primaryCluster = await startPostgresCluster();
const url = (base: string): string => `${base}masthead`;
const repositories: Repository[] = [];
const replicas: { stop(): void }[] = [];
try {
  const admin = new pg.Client({ connectionString: `${primaryCluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE masthead');
  await admin.end();
  const writer = await createPostgresRepository({ url: url(primaryCluster.baseUrl) });
  repositories.push(writer);
  for (let n = 0; n < ARTICLES; n += 1) {
    const body = `bench page ${n}`;
    await writer.ingest(
      {
        document: {
          body,
          contentType: 'text/plain',
          sha256: sha256Hex(body),
          sourceUrl: null,
          receivedAt: '2026-01-01T00:00:00.000Z',
        },
        page: {
          story: {
            title: `Story ${n}`,
            deck: null,
            byline: null,
            dateline: null,
            paragraphs: [`Body ${n} of the story.`],
            language: 'en',
          },
          edition: { publication: `Pub ${n % 7}`, date: '2024-10-23', label: null, platform: 'magzter' },
          teasers: [],
          page_locale: 'en',
          removed: [],
          warnings: [],
        },
        parserVersion: 'bench',
        ingestedAt: '2026-01-01T00:00:00.000Z',
      },
      { moreFollow: n + 1 < ARTICLES },
    );
  }
  const a = await startReplica(primaryCluster, 'replica-a');
  const b = await startReplica(primaryCluster, 'replica-b');
  replicas.push(a, b);
  await waitForReplay(url(primaryCluster.baseUrl), url(a.baseUrl));
  await waitForReplay(url(primaryCluster.baseUrl), url(b.baseUrl));
  const onPrimary = await createPostgresRepository({ url: url(primaryCluster.baseUrl), migrate: false });
  const spread = await createPostgresRepository({
    url: url(primaryCluster.baseUrl),
    readUrls: [url(a.baseUrl), url(b.baseUrl)],
    migrate: false,
  });
  const direct = await createPostgresRepository({ url: url(a.baseUrl), migrate: false });
  repositories.push(onPrimary, spread, direct);
  const samples: Record<string, number[]> = {
    primary: [],
    'replica direct': [],
    replicas: [],
    'one paused': [],
  };
  const time = async (name: string, repository: Repository): Promise<void> => {
    const started = performance.now();
    const pages = await walk(repository);
    samples[name]!.push((performance.now() - started) / pages);
  };
  // Warm-up: each server's cache holds the table before anything is timed.
  for (let n = 0; n < 2; n += 1) await Promise.all([walk(onPrimary), walk(spread), walk(direct)]);
  for (let round = 0; round < ROUNDS; round += 1) {
    await time('primary', onPrimary);
    await time('replica direct', direct);
    await time('replicas', spread);
  }
  const pause = new pg.Client({ connectionString: url(b.baseUrl) });
  await pause.connect();
  await pause.query('SELECT pg_wal_replay_pause()');
  // A write after the pause: replica b is now behind every position read from here on.
  await writer.ingest({
    document: {
      body: 'after pause',
      contentType: 'text/plain',
      sha256: sha256Hex('after pause'),
      sourceUrl: null,
      receivedAt: '2026-01-01T00:00:00.000Z',
    },
    page: {
      story: {
        title: 'After',
        deck: null,
        byline: null,
        dateline: null,
        paragraphs: ['After the pause.'],
        language: 'en',
      },
      edition: null,
      teasers: [],
      page_locale: 'en',
      removed: [],
      warnings: [],
    },
    parserVersion: 'bench',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  });
  await waitForReplay(url(primaryCluster.baseUrl), url(a.baseUrl));
  for (let round = 0; round < ROUNDS; round += 1) {
    await time('primary', onPrimary);
    await time('replica direct', direct);
    await time('one paused', spread);
  }
  await pause.query('SELECT pg_wal_replay_resume()');
  await pause.end();
  const base = median(samples.primary!);
  console.log(
    `articles ${ARTICLES}, ${PAGE} a page, ${ROUNDS} rounds (median ms per page, ratio to primary)`,
  );
  for (const [name, values] of Object.entries(samples)) {
    const ms = median(values);
    console.log(`${name.padEnd(12)} ${ms.toFixed(3)} ms  ×${(ms / base).toFixed(2)}`);
  }
} finally {
  for (const repository of repositories.reverse()) await repository.close().catch(() => undefined);
  for (const replica of replicas.reverse()) replica.stop();
  stopPostgresCluster(primaryCluster);
}
