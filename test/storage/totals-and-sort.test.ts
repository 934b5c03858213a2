/**
 * Sort orders and their keysets, bounded totals and teaser search orders, on both engines:
 * behaviour, the same on SQLite and PostgreSQL. Relevance order is the engine's own; the cases here pin what both must agree on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidCursorError,
  type ArticleListQuery,
  type ArticleRecord,
  type ArticleSort,
  type EditionListQuery,
  type EditionRecord,
  type Page,
} from '../../src/storage/repository.js';
import { ENGINES, openEngine, type EngineName, type ReadRepository } from '../helpers/engines.js';
import { page, record } from '../helpers/records.js';
import { mulberry32 } from '../helpers/random.js';

const open: ReadRepository[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((repository) => repository.close()));
});

async function repositoryWith(
  engine: EngineName,
  options: { totalBound?: number } = {},
): Promise<ReadRepository> {
  const repository = await openEngine(engine, options);
  open.push(repository);
  return repository;
}

/** Walks a list to its end, `limit` at a time. */
async function walk<T>(
  list: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ items: T[]; pages: Page<T>[] }> {
  const items: T[] = [];
  const pages: Page<T>[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 200; count += 1) {
    const current = await list(cursor);
    pages.push(current);
    items.push(...current.items);
    if (current.nextCursor === null) return { items, pages };
    cursor = current.nextCursor;
  }
  throw new Error('the walk did not end');
}

const DATES = ['2024-10-23', '2024-10', '2024-09-01', null, '2025-01-02', '2024-10-23'] as const;

/** Articles over a few editions: ties on date, month-precision dates, undated ones. */
async function corpus(repository: ReadRepository, count: number): Promise<ArticleRecord[]> {
  const random = mulberry32(12);
  const stored: ArticleRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = DATES[Math.floor(random() * DATES.length)] ?? null;
    // Some match `whales` more strongly than others, so relevance is not the order stored.
    const words =
      index % 4 === 0 ? 'whales, whales and whales' : index % 3 === 0 ? 'whales and seals' : 'seals alone';
    const outcome = await repository.ingest(
      record(
        page({
          title: `Story ${index}`,
          paragraphs: [`A story about ${words}, number ${index}.`],
          edition: { date, label: date, publication: index % 2 === 0 ? 'The Straits Times' : 'Tempo' },
        }),
      ),
    );
    stored.push(outcome.article);
  }
  return stored;
}

/** What the edition date sorts by: a month before its days, undated lowest. */
const dateKey = (article: ArticleRecord): string => {
  const date = article.edition?.date ?? null;
  if (date === null) return '';
  return date.length === 7 ? `${date}-00` : date;
};

function reference(articles: ArticleRecord[], sort: Exclude<ArticleSort, 'relevance'>): number[] {
  const compare: Record<typeof sort, (a: ArticleRecord, b: ArticleRecord) => number> = {
    '-edition_date': (a, b) => (dateKey(a) < dateKey(b) ? 1 : dateKey(a) > dateKey(b) ? -1 : a.id - b.id),
    edition_date: (a, b) => (dateKey(a) < dateKey(b) ? -1 : dateKey(a) > dateKey(b) ? 1 : b.id - a.id),
    ingested: (a, b) => a.id - b.id,
    '-ingested': (a, b) => b.id - a.id,
  };
  return [...articles].sort(compare[sort]).map((article) => article.id);
}

describe.each(ENGINES)('%s: sort orders', (engine) => {
  const SORTS = ['-edition_date', 'edition_date', 'ingested', '-ingested'] as const;

  it.each(SORTS)('sort=%s paged 4 at a time matches a reference sort of every article', async (sort) => {
    const repository = await repositoryWith(engine);
    const articles = await corpus(repository, 23);
    const { items } = await walk((cursor) => repository.listArticles({ sort, limit: 4, cursor }));
    expect(items.map((item) => item.id)).toEqual(reference(articles, sort));
  });

  it.each(SORTS)(
    'sort=%s with a filter and a search query keeps the order over the matches',
    async (sort) => {
      const repository = await repositoryWith(engine);
      const articles = await corpus(repository, 23);
      const query: Omit<ArticleListQuery, 'limit'> = {
        sort,
        q: 'whales',
        publication: { name: 'The Straits Times' },
      };
      const { items } = await walk((cursor) => repository.listArticles({ ...query, limit: 3, cursor }));
      const matching = articles.filter(
        (article) =>
          article.paragraphs[0]?.includes('whales') && article.edition?.publication === 'The Straits Times',
      );
      expect(matching.length).toBeGreaterThan(2);
      expect(items.map((item) => item.id)).toEqual(reference(matching, sort));
      expect(items.every((item) => item.snippet?.includes('<mark>whales</mark>'))).toBe(true);
    },
  );

  it('refuses a cursor issued for another sort', async () => {
    const repository = await repositoryWith(engine);
    await corpus(repository, 5);
    const first = await repository.listArticles({ sort: 'ingested', limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    await expect(
      repository.listArticles({ sort: '-ingested', limit: 2, cursor: first.nextCursor ?? '' }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it.each(['date', '-date'] as const)('editions sort=%s paged matches a reference sort', async (sort) => {
    const repository = await repositoryWith(engine);
    await corpus(repository, 23);
    const all = (await walk((cursor) => repository.listEditions({ limit: 100, cursor }))).items;
    const key = (edition: EditionRecord): string =>
      edition.date === null ? '' : edition.date.length === 7 ? `${edition.date}-00` : edition.date;
    const expected = [...all]
      .sort((a, b) => (key(a) === key(b) ? a.id - b.id : key(a) < key(b) ? 1 : -1))
      .map((edition) => edition.id);
    if (sort === 'date') expected.reverse();
    const query: EditionListQuery = { sort, limit: 2 };
    const { items } = await walk((cursor) => repository.listEditions({ ...query, cursor }));
    expect(items.map((edition) => edition.id)).toEqual(expected);
  });
});

describe.each(ENGINES)('%s: totals', (engine) => {
  it('counts exactly up to the bound, then says it is a lower bound', async () => {
    const repository = await repositoryWith(engine, { totalBound: 5 });
    await corpus(repository, 4);
    expect((await repository.listArticles({ limit: 2 })).total).toEqual({ value: 4, exact: true });
    await corpus(repository, 1);
    expect((await repository.listArticles({ limit: 2 })).total).toEqual({ value: 5, exact: true });
    await corpus(repository, 1);
    expect((await repository.listArticles({ limit: 2 })).total).toEqual({ value: 5, exact: false });
    await corpus(repository, 10);
    const { pages } = await walk((cursor) => repository.listArticles({ limit: 4, cursor }));
    // Every page of the walk says the same.
    expect(pages.map((current) => current.total)).toEqual(pages.map(() => ({ value: 5, exact: false })));
  });

  it('counts what the filters and the search match, in every list', async () => {
    const repository = await repositoryWith(engine, { totalBound: 1000 });
    const articles = await corpus(repository, 17);
    const whales = articles.filter((article) => article.paragraphs[0]?.includes('whales')).length;
    const tempo = articles.filter((article) => article.edition?.publication === 'Tempo').length;
    expect((await repository.listArticles({ limit: 2, q: 'whales' })).total).toEqual({
      value: whales,
      exact: true,
    });
    expect((await repository.listArticles({ limit: 2, q: 'whales', sort: 'ingested' })).total).toEqual({
      value: whales,
      exact: true,
    });
    expect((await repository.listArticles({ limit: 2, publication: { name: 'Tempo' } })).total).toEqual({
      value: tempo,
      exact: true,
    });
    const editions = (await walk((cursor) => repository.listEditions({ limit: 100, cursor }))).items.length;
    expect((await repository.listEditions({ limit: 1 })).total).toEqual({ value: editions, exact: true });
    expect((await repository.listPublications({ limit: 1 })).total).toEqual({ value: 2, exact: true });
    expect((await repository.searchTeasers({ limit: 1 })).total).toEqual({ value: 0, exact: true });
  });

  it('caps every list at the bound', async () => {
    const repository = await repositoryWith(engine, { totalBound: 2 });
    await corpus(repository, 9);
    for (const current of [
      await repository.listArticles({ limit: 1, q: 'seals' }),
      await repository.listEditions({ limit: 1 }),
    ]) {
      expect(current.total).toEqual({ value: 2, exact: false });
    }
  });
});

describe.each(ENGINES)('%s: teaser search order', (engine) => {
  /** Teaser titles that match `whales` more or less strongly, spread over several pages. */
  async function teasers(repository: ReadRepository): Promise<void> {
    const titles = [
      'Seals at dawn',
      'Whales whales whales',
      'Of whales and men, a long story about the sea and seals',
      'Whales return',
      'Nothing here',
      'Whales, whales',
      'A whale of a time with whales',
    ];
    for (let index = 0; index < titles.length; index += 2) {
      await repository.ingest(
        record(page({ teasers: titles.slice(index, index + 2).map((title) => ({ title })) })),
      );
    }
  }

  it('sort=-stored is the exact reverse of the default order stored', async () => {
    const repository = await repositoryWith(engine);
    await teasers(repository);
    const stored = (await walk((cursor) => repository.searchTeasers({ limit: 2, cursor }))).items;
    const newest = (await walk((cursor) => repository.searchTeasers({ limit: 3, sort: '-stored', cursor })))
      .items;
    expect(newest.map((teaser) => teaser.id)).toEqual(stored.map((teaser) => teaser.id).reverse());
  });

  it('sort=relevance pages the best matches first, as one ranking of them all would', async () => {
    const repository = await repositoryWith(engine);
    await teasers(repository);
    const oneRanking = await repository.searchTeasers({ limit: 100, q: 'whales', sort: 'relevance' });
    expect(oneRanking.items.map((teaser) => teaser.title).slice(0, 2)).toEqual([
      'Whales whales whales',
      'Whales, whales',
    ]);
    expect(oneRanking.total).toEqual({ value: 5, exact: true });
    const paged = await walk((cursor) =>
      repository.searchTeasers({ limit: 2, q: 'whales', sort: 'relevance', cursor }),
    );
    expect(paged.items.map((teaser) => teaser.id)).toEqual(oneRanking.items.map((teaser) => teaser.id));
    expect(paged.pages.every((current) => current.total?.value === 5)).toBe(true);
    await expect(
      repository.searchTeasers({
        limit: 2,
        q: 'seals',
        sort: 'relevance',
        cursor: paged.pages[0]?.nextCursor ?? '',
      }),
    ).rejects.toThrow(InvalidCursorError);
  });
});
