import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { page, record } from '../helpers/records.js';

let repository: Repository;
beforeEach(() => {
  repository = createSqliteRepository(':memory:');
});
afterEach(async () => {
  await repository.close();
});

const autocar = {
  publication: 'Autocar India',
  date: '2025-03',
  label: 'MARCH 2025',
  platform: 'magzter' as const,
};
const story = () => page({ title: 'Harrier EV: the long-term review', edition: autocar });
/** Another page of the same publication whose second teaser announces the story. */
const teasing = () =>
  page({
    title: 'Another story',
    edition: { ...autocar, publication: 'AUTOCAR INDIA' },
    teasers: [
      { title: 'Something else' },
      { title: 'HARRIER EV — THE LONG-TERM REVIEW!', summary: 'Six months on.' },
    ],
  });

/** The article's teasers (these pages have fewer than one page of them); null when it is gone. */
async function teasersOf(articleId: number) {
  return (await repository.listArticleTeasers(articleId, { limit: 100 }))?.items ?? null;
}

describe('teaser links', () => {
  it('link a stored teaser to a story that arrives later', async () => {
    const teaser = await repository.ingest(record(teasing()));
    const target = await repository.ingest(record(story()));
    const teasers = await teasersOf(teaser.article.id);
    expect(teasers?.map((t) => t.linkedArticleId)).toEqual([null, target.article.id]);
    expect((await repository.getArticle(target.article.id))?.teasedBy).toEqual([
      { articleId: teaser.article.id, position: 2 },
    ]);
  });

  it('link a new teaser to a story stored earlier', async () => {
    const target = await repository.ingest(record(story()));
    const teaser = await repository.ingest(record(teasing()));
    expect((await teasersOf(teaser.article.id))?.[1]?.linkedArticleId).toBe(target.article.id);
    expect((await repository.getArticle(target.article.id))?.teasedBy).toEqual([
      { articleId: teaser.article.id, position: 2 },
    ]);
  });

  it('use the teaser’s own publication when the card prints one', async () => {
    const target = await repository.ingest(record(story()));
    const other = page({
      title: 'Elsewhere',
      edition: { publication: 'Bike India', date: '2025-03', label: 'MARCH 2025' },
      teasers: [
        { title: 'Harrier EV: the long-term review', publication: 'Autocar India', date: 'MAR 2025' },
      ],
    });
    const teaser = await repository.ingest(record(other));
    expect((await teasersOf(teaser.article.id))?.[0]?.linkedArticleId).toBe(target.article.id);
  });

  it('never link across publications, nor a page to itself', async () => {
    await repository.ingest(record(story()));
    const foreign = page({
      title: 'Foreign',
      edition: { publication: 'Top Gear', date: '2025-03' },
      teasers: [{ title: 'Harrier EV: the long-term review' }],
    });
    const selfTeasing = page({
      title: 'Self tease',
      edition: { publication: 'Top Gear', date: '2025-04' },
      teasers: [{ title: 'SELF TEASE' }],
    });
    const a = await repository.ingest(record(foreign));
    const b = await repository.ingest(record(selfTeasing));
    expect((await teasersOf(a.article.id))?.[0]?.linkedArticleId).toBeNull();
    expect((await teasersOf(b.article.id))?.[0]?.linkedArticleId).toBeNull();
  });

  it('drop links when either side is deleted', async () => {
    const target = await repository.ingest(record(story()));
    const teaser = await repository.ingest(record(teasing()));
    expect(await repository.deleteArticle(target.article.id)).toBe(true);
    expect((await teasersOf(teaser.article.id))?.[1]?.linkedArticleId).toBeNull();

    const again = await repository.ingest(record(story()));
    expect((await teasersOf(teaser.article.id))?.[1]?.linkedArticleId).toBe(again.article.id);
    expect(await repository.deleteArticle(teaser.article.id)).toBe(true);
    expect((await repository.getArticle(again.article.id))?.teasedBy).toEqual([]);
  });

  it('follow a re-parse that changes the story title', async () => {
    const teaser = await repository.ingest(record(teasing()));
    const stored = record(page({ title: 'Harrier EV long term', edition: autocar }));
    const target = await repository.ingest(stored);
    expect((await teasersOf(teaser.article.id))?.[1]?.linkedArticleId).toBeNull();
    const reparsed = { articleId: target.article.id, documentSha256: stored.document.sha256 };
    expect(await repository.replaceParse(reparsed, story(), '9.9.10')).toBe('updated');
    expect((await teasersOf(teaser.article.id))?.[1]?.linkedArticleId).toBe(target.article.id);
  });
});

describe('delete', () => {
  it('removes the article with its teasers, search rows, raw document and empty edition', async () => {
    const a = await repository.ingest(
      record(page({ title: 'Whales return', teasers: [{ title: 'T' }] }), 'raw a'),
    );
    const b = await repository.ingest(
      record(page({ title: 'Whales again', edition: { publication: 'Other Pub' } }), 'raw b'),
    );
    expect(await repository.deleteArticle(a.article.id)).toBe(true);
    expect(await repository.getArticle(a.article.id)).toBeNull();
    expect(await teasersOf(a.article.id)).toBeNull();
    expect(await repository.getArticleSource(a.article.id)).toBeNull();
    expect((await repository.searchTeasers({ q: 'T', limit: 10 })).items).toEqual([]);
    const search = await repository.listArticles({ q: 'whales', limit: 10 });
    expect(search.items.map((item) => item.id)).toEqual([b.article.id]);
    expect((await repository.listEditions({ limit: 10 })).items.map((e) => e.publication.name)).toEqual([
      'Other Pub',
    ]);
    expect((await repository.listPublications({ limit: 10 })).items.map((p) => p.name)).toEqual([
      'Other Pub',
    ]);
    // The same document can be ingested again: its hash is free.
    expect((await repository.ingest(record(page({ title: 'Whales return' }), 'raw a'))).created).toBe(true);
    expect(await repository.deleteArticle(a.article.id)).toBe(false);
  });
});
