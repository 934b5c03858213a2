/**
 * What only SQLite's lists have (the cases both engines share are in test/storage/lists.test.ts,
 * totals-and-sort.test.ts and changes.test.ts): FTS5 rowids bound as integers, snippets built for
 * the returned page only under bm25's ranking, and stateless search cursors on a database file
 * (after 300 other searches, a restart, and from a second repository on the file while the
 * first writes; PostgreSQL's other-node case is test/reliability/multi-node.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repository } from '../../../src/storage/repository.js';
import type * as SnippetModule from '../../../src/storage/snippet.js';
import { createSqliteRepository, openDatabase } from '../../../src/storage/sqlite/index.js';
import { ftsRowId } from '../../../src/storage/sqlite/lists.js';
import { migrate } from '../../../src/storage/sqlite/migrate.js';
import { page, record, type PageSpec } from '../../helpers/records.js';

let dir: string;
let path: string;
let repository: Repository;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'masthead-lists-'));
  path = join(dir, 'masthead.db');
  repository = createSqliteRepository(path);
});
afterEach(async () => {
  await repository.close();
  rmSync(dir, { recursive: true, force: true });
});

async function store(spec: PageSpec): Promise<number> {
  return (await repository.ingest(record(page(spec)))).article.id;
}

/** The titles of the articles a snippet was built for, in order: what search work a page did. */
const snippetsBuilt = vi.hoisted(() => [] as (string | null)[]);
vi.mock('../../../src/storage/snippet.js', async (importOriginal) => {
  const actual = await importOriginal<typeof SnippetModule>();
  return {
    ...actual,
    buildSnippet: (...args: Parameters<typeof actual.buildSnippet>) => {
      snippetsBuilt.push(args[1].title);
      return actual.buildSnippet(...args);
    },
  };
});

describe('article ids next to MATCH', () => {
  it('bind as integers: `MATCH ? AND rowid = ?` returns exactly that row', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const insert = db.prepare('INSERT INTO articles_fts (rowid, title, deck, body) VALUES (?, ?, ?, ?)');
    for (let id = 1; id <= 5; id += 1) insert.run(ftsRowId(id), `whale ${id}`, '', 'whale');
    const byId = db.prepare<[string, bigint], { id: number }>(
      'SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?',
    );
    expect(byId.all('whale', ftsRowId(3))).toEqual([{ id: 3 }]);
    db.close();
  });
});

describe('search snippets', () => {
  const WORD = 'walrus';
  /** A page made of one word: tens of thousands of hits in one document. */
  const ONE_WORD_PAGE = `${WORD} `.repeat(40_000); // 280 KB

  beforeEach(async () => {
    await store({ title: 'Big', paragraphs: [ONE_WORD_PAGE, 'bigmarker'] });
    for (let i = 0; i < 8; i += 1) {
      await store({
        title: `The ${WORD} colony ${i}`,
        paragraphs: [`A ${WORD} hauled out on the ice, ${i}.`],
      });
    }
    // Articles without the word, so that it is not in most documents (bm25 then ranks by it).
    for (let i = 0; i < 30; i += 1) await store({ title: `Seal ${i}`, paragraphs: ['A seal on a rock.'] });
  });

  it('are computed for the returned page only: a match left off the page costs nothing', async () => {
    // Both queries read the same postings; only the first has the one-word page among its
    // matches, ranked below the small articles (they match both terms), so off a page of one.
    const q = `${WORD} OR colony`;
    const withBigMatch = await repository.listArticles({ q, limit: 1 });
    expect(withBigMatch.items[0]?.title).toMatch(/colony/);
    // One snippet, for the one article on the page: the one-word page is never read.
    snippetsBuilt.length = 0;
    await repository.listArticles({ q, limit: 1 });
    expect(snippetsBuilt).toEqual([withBigMatch.items[0]?.title]);
  });
});

describe('search cursors', () => {
  beforeEach(async () => {
    for (let i = 0; i < 7; i += 1) {
      await store({ title: `Whale count ${i}`, paragraphs: [`whale ${'whale '.repeat(i)}`] });
    }
    await store({ title: 'Seal', paragraphs: ['a seal'] });
  });

  async function walkAll(q: string, limit: number): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const result = await repository.listArticles({ q, limit, cursor });
      ids.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it('outlive 300 other searches between two pages', async () => {
    const expected = await walkAll('whale', 100);
    expect(expected).toHaveLength(7);
    const first = await repository.listArticles({ q: 'whale', limit: 3 });
    expect(first.items.map((item) => item.id)).toEqual(expected.slice(0, 3));
    for (let i = 0; i < 300; i += 1) await repository.listArticles({ q: `whale OR seal${i}`, limit: 1 });
    const second = await repository.listArticles({ q: 'whale', limit: 3, cursor: first.nextCursor ?? '' });
    expect(second.items.map((item) => item.id)).toEqual(expected.slice(3, 6));
  });

  it('work after a restart on the same database file', async () => {
    const expected = await walkAll('whale', 100);
    const first = await repository.listArticles({ q: 'whale', limit: 4 });
    await repository.close();
    repository = createSqliteRepository(path);
    const second = await repository.listArticles({ q: 'whale', limit: 4, cursor: first.nextCursor ?? '' });
    expect(second.items.map((item) => item.id)).toEqual(expected.slice(4));
    expect(second.nextCursor).toBeNull();
  });

  it('carry all they need: page 2 served by a second repository on the file (another node) while the first goes on writing', async () => {
    const other = createSqliteRepository(path);
    try {
      const expected = await walkAll('whale', 100);
      const first = await repository.listArticles({ q: 'whale', limit: 3 });
      // Matches stored after the walk began are not in it, on whichever node it continues.
      await store({
        title: 'Whale latecomer',
        paragraphs: ['whale whale whale whale whale whale whale whale'],
      });
      const second = await other.listArticles({ q: 'whale', limit: 3, cursor: first.nextCursor ?? '' });
      expect(second.items.map((item) => item.id)).toEqual(expected.slice(3, 6));
      // …and back on the first node for the last page.
      const third = await repository.listArticles({ q: 'whale', limit: 3, cursor: second.nextCursor ?? '' });
      expect(third.items.map((item) => item.id)).toEqual(expected.slice(6));
      expect(third.nextCursor).toBeNull();

      // Teaser searches and plain lists page the same way.
      for (let i = 0; i < 5; i += 1) {
        await store({ title: `Teasing ${i}`, teasers: [{ title: `Narwhal sighting ${i}` }] });
      }
      const teasers = await repository.searchTeasers({ q: 'narwhal', limit: 2 });
      const teasersNext = await other.searchTeasers({
        q: 'narwhal',
        limit: 10,
        cursor: teasers.nextCursor ?? '',
      });
      const allTeasers = await other.searchTeasers({ q: 'narwhal', limit: 10 });
      expect(allTeasers.items).toHaveLength(5);
      expect(teasers.items).toHaveLength(2);
      expect([...teasers.items, ...teasersNext.items].map((item) => item.id)).toEqual(
        allTeasers.items.map((item) => item.id),
      );
      const listed = await repository.listArticles({ limit: 4 });
      const listedNext = await other.listArticles({ limit: 100, cursor: listed.nextCursor ?? '' });
      const allListed = await other.listArticles({ limit: 100 });
      expect(allListed.items).toHaveLength(14);
      expect([...listed.items, ...listedNext.items].map((item) => item.id)).toEqual(
        allListed.items.map((item) => item.id),
      );
    } finally {
      await other.close();
    }
  });
});
