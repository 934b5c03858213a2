import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchOverloadedError, type Repository } from '../../../src/storage/repository.js';
import { createSqliteRepository } from '../../../src/storage/sqlite/index.js';
import { MAX_WAITING } from '../../../src/storage/sqlite/search-thread.js';
import { page, record } from '../../helpers/records.js';

let dir: string;
let repository: Repository;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'masthead-search-thread-'));
  repository = createSqliteRepository(join(dir, 'masthead.db'));
  // 60,000 distinct words: a prefix query merges that many lists, long enough to observe.
  const words = (i: number): string => Array.from({ length: 200 }, (_, j) => `w${i}x${j}`).join(' ');
  for (let i = 0; i < 300; i += 1) {
    await repository.ingest(record(page({ title: `Whale ${i}`, paragraphs: [`whales ${words(i)}`] })));
  }
});
afterEach(async () => {
  await repository.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Event-loop turns taken until `work` settles: 0 when it held the main thread throughout. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const spin = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    await work();
    return turns;
  } finally {
    running = false;
  }
}

describe('full-text ranking on a database file', () => {
  it('runs off the main thread: the event loop turns while a search ranks', async () => {
    const q = 'w* OR whales';
    expect((await repository.listArticles({ q, limit: 5 })).items).toHaveLength(5);
    expect(await turnsDuring(() => repository.listArticles({ q, limit: 5 }))).toBeGreaterThan(0);
    expect((await repository.searchTeasers({ q: 'whale', limit: 5 })).items).toEqual([]);
  });

  it(`refuses more than ${MAX_WAITING} waiting searches at once, and serves the rest`, async () => {
    const searches = Array.from({ length: MAX_WAITING + 10 }, () =>
      repository.listArticles({ q: 'w*', limit: 1 }),
    );
    const settled = await Promise.allSettled(searches);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const s of refused) expect(s.reason).toBeInstanceOf(SearchOverloadedError);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(MAX_WAITING + 1);
    expect((await repository.listArticles({ q: 'whales', limit: 1 })).items).toHaveLength(1);
  });

  it('ranks what FTS5 would reject as text, on the thread: w0x1-w0x2 is a phrase, "Whale 7 open', async () => {
    const ids = async (q: string) =>
      (await repository.listArticles({ q, limit: 10 })).items.map((item) => item.title);
    expect(await ids('w0x1-w0x2')).toEqual(['Whale 0']);
    expect(await ids('w0x2-w0x1')).toEqual([]);
    expect(await ids('"whale 7')).toEqual(['Whale 7']);
  });
});
