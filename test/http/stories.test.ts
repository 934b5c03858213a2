/**
 * One story, many captures over HTTP: `story_id` and `captures` on the article, and
 * `distinct=story` on the list, paged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { page, record, type PageSpec } from '../helpers/records.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A story body long enough to fingerprint; `n` makes a different story. */
function body(n: number): string[] {
  const words = (i: number) =>
    Array.from(
      { length: 40 },
      (_, w) => `story${n} paragraph${i} word${w} ${w % 3 === 0 ? 'the' : 'river'}`,
    ).join(' ');
  return [words(1), words(2), words(3)];
}

async function store(spec: PageSpec): Promise<number> {
  return (await t.repository.ingest(record(page(spec)))).article.id;
}

interface Item {
  id: number;
  story_id: number;
  captures: { article_id: number; platform: string | null; page_locale: string | null }[];
}

async function get(query: string): Promise<{ items: Item[]; next_cursor: string | null }> {
  const response = await t.app.inject(`/v1/articles${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expectMatchesContract('GET', '/v1/articles', response);
  return response.json();
}

/** Follows next_cursor to the end. */
async function walk(query: string): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const separator = query.includes('?') ? '&' : '?';
    const page: { items: Item[]; next_cursor: string | null } = await get(
      cursor === null ? query : `${query}${separator}cursor=${encodeURIComponent(cursor)}`,
    );
    seen.push(...page.items.map((item) => item.id));
    if (page.next_cursor === null) return seen;
    cursor = page.next_cursor;
  }
  throw new Error('walk did not end');
}

describe('story_id and captures', () => {
  it('lists the other captures of the story on the article, with what tells them apart', async () => {
    const german = await store({ paragraphs: body(1), pageLocale: 'de' });
    const english = await store({
      paragraphs: body(1),
      pageLocale: 'en',
      edition: { platform: 'pressreader' },
    });
    const other = await store({ paragraphs: body(2) });

    const response = await t.app.inject(`/v1/articles/${german}`);
    expect(response.statusCode).toBe(200);
    expectMatchesContract('GET', '/v1/articles/{id}', response);
    expect(response.json()).toMatchObject({
      story_id: german,
      captures: [
        {
          article_id: english,
          platform: 'pressreader',
          page_locale: 'en',
          publication: 'The Straits Times',
          edition_date: '2024-10-23',
        },
      ],
    });
    const second = (await t.app.inject(`/v1/articles/${english}`)).json<Item>();
    expect(second.story_id).toBe(german);
    expect(second.captures.map((capture) => capture.article_id)).toEqual([german]);
    const alone = (await t.app.inject(`/v1/articles/${other}`)).json<Item>();
    expect(alone).toMatchObject({ story_id: other, captures: [] });
  });

  it('drops a deleted capture from the others', async () => {
    const first = await store({ paragraphs: body(1) });
    const second = await store({ paragraphs: body(1), pageLocale: 'fr' });
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/articles/${second}` })).statusCode).toBe(204);
    expect((await t.app.inject(`/v1/articles/${first}`)).json<Item>().captures).toEqual([]);
  });
});

describe('GET /v1/articles?distinct=story', () => {
  it('returns one article per story, the first in list order, on every page of a walk', async () => {
    // story 1 in three captures, two of them in the newest edition; story 2 once; story 3 twice
    const s1old = await store({ paragraphs: body(1), edition: { date: '2024-09-01' } });
    const s1a = await store({ paragraphs: body(1), pageLocale: 'de' });
    const s1b = await store({ paragraphs: body(1), pageLocale: 'fr' });
    const s2 = await store({ paragraphs: body(2), edition: { date: '2024-10-01' } });
    const s3a = await store({ paragraphs: body(3), edition: { date: '2024-08-01' } });
    const s3b = await store({ paragraphs: body(3), edition: { date: '2024-08-01' }, pageLocale: 'ja' });

    expect(await walk('?limit=2')).toEqual([s1a, s1b, s2, s1old, s3a, s3b]);
    const distinct = [s1a, s2, s3a];
    expect((await get('?distinct=story')).items.map((item) => item.id)).toEqual(distinct);
    for (const limit of [1, 2]) expect(await walk(`?distinct=story&limit=${limit}`)).toEqual(distinct);
    // The same representatives in every order walked: only the order of the stories changes.
    expect(await walk('?distinct=story&sort=edition_date&limit=1')).toEqual([s3a, s2, s1a]);
    expect(await walk('?distinct=story&sort=ingested&limit=2')).toEqual([s1a, s2, s3a]);
    expect(await walk('?distinct=story&sort=-ingested&limit=1')).toEqual([s3a, s2, s1a]);
    const total = (await t.app.inject('/v1/articles?distinct=story&limit=1')).json<{ total: unknown }>();
    expect(total.total).toEqual({ value: 3, exact: true });
  });

  it('picks the representative among the captures the filters keep', async () => {
    const german = await store({ paragraphs: body(1), pageLocale: 'de' });
    const french = await store({ paragraphs: body(1), pageLocale: 'fr' });
    expect((await get('?distinct=story')).items.map((item) => item.id)).toEqual([german]);
    expect((await get('?distinct=story&page_locale=fr')).items.map((item) => item.id)).toEqual([french]);
  });

  it('does not take a cursor of the plain list', async () => {
    await store({ paragraphs: body(1) });
    await store({ paragraphs: body(2) });
    const plain = await get('?limit=1');
    const replayed = await t.app.inject(`/v1/articles?distinct=story&cursor=${plain.next_cursor}`);
    expect(replayed.statusCode).toBe(400);
  });

  it('combines with a search: one capture per matching story, in any order, paged', async () => {
    const s1a = await store({ paragraphs: body(1), pageLocale: 'de' });
    await store({ paragraphs: body(1), pageLocale: 'fr' });
    const s2 = await store({ paragraphs: body(2), edition: { date: '2024-10-01' } });
    const s3 = await store({ paragraphs: body(3), edition: { date: '2024-08-01' } });
    const idsOf = async (query: string) => (await get(query)).items.map((item) => item.id);

    const ranked = await idsOf('?distinct=story&q=river');
    expect([...ranked].sort((a, b) => a - b)).toEqual([s1a, s2, s3]);
    expect(await walk('?distinct=story&q=river&limit=1')).toEqual(ranked);
    expect(await walk('?distinct=story&q=river&sort=ingested&limit=2')).toEqual([s1a, s2, s3]);
    // Only the stories the search finds, each once.
    expect(await idsOf('?distinct=story&q=story2')).toEqual([s2]);
    const total = (await t.app.inject('/v1/articles?distinct=story&q=river&limit=1')).json<{
      total: unknown;
    }>();
    expect(total.total).toEqual({ value: 3, exact: true });
  });
});
