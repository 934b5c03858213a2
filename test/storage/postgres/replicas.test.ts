/**
 * Lists, searches and the change feed over every replica of DATABASE_READ_URLS
 * (src/storage/postgres/read-routing.ts), with one replica that lags for as long as the test
 * wants (`pg_wal_replay_pause()`): reads go to both replicas, and a walk whose pages alternate
 * between the up-to-date replica and the lagging one neither skips nor repeats a row: a page
 * whose cursor is ahead of a replica is read elsewhere.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinDir,
  startPostgresCluster,
  stopPostgresCluster,
  type PostgresCluster,
} from '../../../scripts/lib/postgres-cluster.js';
import { startReplica, waitForReplay, type Replica } from '../../../scripts/lib/postgres-topology.js';
import { createPostgresRepository } from '../../../src/storage/postgres/index.js';
import type { ChangeRecord, Page, Repository } from '../../../src/storage/repository.js';
import { page, record } from '../../helpers/records.js';

const DATABASE = 'masthead';
/** Articles both replicas hold, then articles only the up-to-date replica holds. */
const BEFORE_PAUSE = 12;
const AFTER_PAUSE = 12;

const missing = findPostgresBinDir() === null;
if (missing && process.env.CI === 'true') {
  throw new Error('CI: PostgreSQL binaries not installed; .ci/run installs them');
}

type ListPage = Page<{ id: number }>;

/**
 * Every page of a list, following cursors, as one array of ids. The first page is asked for
 * again until it comes from a replica that holds `total` rows (the up-to-date one: a walk
 * that starts on the lagging replica rightly shows its older list), so that later pages hop
 * to the lagging replica with a cursor ahead of it.
 */
async function walk(
  read: (cursor: string | undefined) => Promise<ListPage>,
  total: number,
): Promise<{ ids: number[]; pages: number }> {
  let current = await read(undefined);
  for (let tries = 1; current.total?.value !== total && tries < 4; tries += 1)
    current = await read(undefined);
  expect(current.total?.value, 'a first page from the up-to-date replica').toBe(total);
  const ids: number[] = [];
  for (let pages = 1; pages <= 100; pages += 1) {
    ids.push(...current.items.map((item) => item.id));
    if (current.nextCursor === null) return { ids, pages };
    current = await read(current.nextCursor);
  }
  throw new Error('the walk did not end');
}

/** The change feed's seqs from the start, polled until `count` have come (a follower polls on at the end). */
async function followChanges(repository: Repository, count: number): Promise<number[]> {
  const seqs: number[] = [];
  let since: string | undefined;
  for (let polls = 0; seqs.length < count && polls < 100; polls += 1) {
    const current: { items: ChangeRecord[]; next: string } = await repository.listChanges({
      since,
      limit: 5,
    });
    seqs.push(...current.items.map((item) => item.seq));
    since = current.next;
  }
  return seqs;
}

describe.skipIf(missing)('reads over every replica, one of them lagging', () => {
  let primary: PostgresCluster;
  let fresh: Replica;
  let lagging: Replica;
  let writer: Repository;
  /** Reads on the primary only: what every walk must return. */
  let truth: Repository;
  /** Reads over [fresh, lagging]. */
  let spread: Repository;
  const url = (base: string): string => `${base}${DATABASE}`;

  const store = async (n: number): Promise<void> => {
    await writer.ingest(
      record(
        page({
          title: `Whale story ${n}`,
          paragraphs: [`Whales and more whales, number ${n}.`, 'Second paragraph.'],
          edition: {
            publication: `Publication ${n % 3}`,
            date: `2024-10-${String(1 + (n % 28)).padStart(2, '0')}`,
          },
          teasers: [{ title: `Whale teaser ${n}` }],
        }),
      ),
    );
  };

  beforeAll(async () => {
    primary = await startPostgresCluster();
    const admin = new pg.Client({ connectionString: url(primary.baseUrl).replace(/masthead$/, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    writer = await createPostgresRepository({ url: url(primary.baseUrl) });
    for (let n = 0; n < BEFORE_PAUSE; n += 1) await store(n);
    fresh = await startReplica(primary, 'replica-fresh');
    lagging = await startReplica(primary, 'replica-lagging');
    await waitForReplay(url(primary.baseUrl), url(fresh.baseUrl));
    await waitForReplay(url(primary.baseUrl), url(lagging.baseUrl));
    const pause = new pg.Client({ connectionString: url(lagging.baseUrl) });
    await pause.connect();
    await pause.query('SELECT pg_wal_replay_pause()');
    await pause.end();
    for (let n = BEFORE_PAUSE; n < BEFORE_PAUSE + AFTER_PAUSE; n += 1) await store(n);
    await waitForReplay(url(primary.baseUrl), url(fresh.baseUrl));
    truth = await createPostgresRepository({ url: url(primary.baseUrl), migrate: false });
    spread = await createPostgresRepository({
      url: url(primary.baseUrl),
      readUrls: [url(fresh.baseUrl), url(lagging.baseUrl)],
      migrate: false,
      replicaWaitMs: 20,
    });
  });

  afterAll(async () => {
    await spread?.close();
    await truth?.close();
    await writer?.close();
    lagging?.stop();
    fresh?.stop();
    if (primary) stopPostgresCluster(primary);
  });

  it('sends first pages to every replica in turn (the lagging one shows fewer articles)', async () => {
    const totals = new Set<number>();
    for (let n = 0; n < 4; n += 1) totals.add((await spread.listArticles({ limit: 5 })).total?.value ?? -1);
    expect([...totals].sort((a, b) => a - b)).toEqual([BEFORE_PAUSE, BEFORE_PAUSE + AFTER_PAUSE]);
  });

  it('walks every list and search across both replicas without skipping or repeating a row', async () => {
    const lists: [
      string,
      (repository: Repository, cursor: string | undefined) => Promise<Page<{ id: number }>>,
    ][] = [
      ['articles', (r, cursor) => r.listArticles({ limit: 3, cursor })],
      ['articles by ingest', (r, cursor) => r.listArticles({ limit: 3, cursor, sort: 'ingested' })],
      ['article search', (r, cursor) => r.listArticles({ limit: 3, cursor, q: 'whales' })],
      [
        'article search by date',
        (r, cursor) => r.listArticles({ limit: 3, cursor, q: 'whales', sort: '-edition_date' }),
      ],
      ['editions', (r, cursor) => r.listEditions({ limit: 3, cursor })],
      ['publications', (r, cursor) => r.listPublications({ limit: 1, cursor })],
      ['teasers', (r, cursor) => r.searchTeasers({ limit: 3, cursor })],
      ['teaser search', (r, cursor) => r.searchTeasers({ limit: 3, cursor, q: 'whale', sort: 'relevance' })],
    ];
    for (const [name, read] of lists) {
      const expected = await walk(
        (cursor) => read(truth, cursor),
        (await read(truth, undefined)).total?.value ?? -1,
      );
      expect(expected.pages, `${name}: a walk of several pages`).toBeGreaterThan(1);
      for (let n = 0; n < 2; n += 1) {
        const hopped = await walk(
          (cursor) => read(spread, cursor),
          (await read(truth, undefined)).total?.value ?? -1,
        );
        expect(hopped.ids, name).toEqual(expected.ids);
      }
    }
  });

  it('follows the change feed across both replicas: a token never reads as ahead of the database', async () => {
    const expected = await followChanges(truth, BEFORE_PAUSE + AFTER_PAUSE);
    expect(expected).toEqual(Array.from({ length: BEFORE_PAUSE + AFTER_PAUSE }, (_, n) => expected[0]! + n));
    for (let n = 0; n < 2; n += 1) {
      expect(await followChanges(spread, BEFORE_PAUSE + AFTER_PAUSE)).toEqual(expected);
    }
    // `now` read on one replica, followed on the other: no 410 either way round.
    for (let n = 0; n < 2; n += 1) {
      const now = await spread.listChanges({ since: 'now', limit: 5 });
      await expect(spread.listChanges({ since: now.next, limit: 5 })).resolves.toHaveProperty('next');
    }
  });
});
