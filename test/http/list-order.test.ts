import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { page, record } from '../helpers/records.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

interface List {
  items: { id: number }[];
  next_cursor: string | null;
  total: { value: number; exact: boolean };
}

/** Follows `Link: rel="next"` to the end; checks each page against the contract. */
async function walk(path: string, url: string): Promise<{ ids: number[]; totals: List['total'][] }> {
  const ids: number[] = [];
  const totals: List['total'][] = [];
  for (let pages = 0; pages < 100; pages += 1) {
    const response = await t.app.inject(url);
    expect(response.statusCode, response.body).toBe(200);
    expectMatchesContract('GET', path, response);
    const body = response.json<List>();
    ids.push(...body.items.map((item) => item.id));
    totals.push(body.total);
    if (body.next_cursor === null) return { ids, totals };
    const link = String(response.headers['link']);
    url = link.slice(1, link.indexOf('>'));
  }
  throw new Error('walk did not end');
}

const DATES = ['2024-10-23', '2024-09-01', null, '2024-10', '2024-10-23'] as const;

async function corpus(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = DATES[index % DATES.length] ?? null;
    const outcome = await t.repository.ingest(record(page({ edition: { date, label: date } })));
    ids.push(outcome.article.id);
  }
  return ids;
}

describe('sort= and total on lists', () => {
  it('walks each article order with its own cursors, every page carrying the exact total', async () => {
    const ids = await corpus(11);
    const walks: Record<string, number[]> = {};
    for (const sort of ['-edition_date', 'edition_date', 'ingested', '-ingested']) {
      const { ids: seen, totals } = await walk('/v1/articles', `/v1/articles?limit=3&sort=${sort}`);
      expect(totals.every((total) => total.value === 11 && total.exact)).toBe(true);
      walks[sort] = seen;
    }
    expect(walks['ingested']).toEqual(ids);
    expect(walks['-ingested']).toEqual([...ids].reverse());
    expect(walks['edition_date']).toEqual([...(walks['-edition_date'] ?? [])].reverse());
    // The default is -edition_date.
    expect((await walk('/v1/articles', '/v1/articles?limit=3')).ids).toEqual(walks['-edition_date']);
  });

  it('answers 400 for an unknown sort, relevance without q, and a cursor of another order', async () => {
    await corpus(4);
    const unknown = await t.app.inject('/v1/articles?sort=date');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
    expect(JSON.stringify(unknown.json())).toMatch(/sort/);
    expect(JSON.stringify(unknown.json())).toMatch(/-edition_date/);

    const relevance = await t.app.inject('/v1/articles?sort=relevance');
    expect(relevance.statusCode).toBe(400);
    expect(relevance.json<{ detail: string }>().detail).toMatch(/needs a search query/);

    const first = (await t.app.inject('/v1/articles?limit=1&sort=ingested')).json<List>();
    const crossed = await t.app.inject(`/v1/articles?limit=1&sort=-ingested&cursor=${first.next_cursor}`);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
  });

  it('sorts editions both ways and counts editions, publications and teasers', async () => {
    await corpus(5);
    const newest = await walk('/v1/editions', '/v1/editions?limit=1');
    const oldest = await walk('/v1/editions', '/v1/editions?limit=1&sort=date');
    expect(oldest.ids).toEqual([...newest.ids].reverse());
    expect(newest.totals[0]).toEqual({ value: 4, exact: true });
    const publications = await t.app.inject('/v1/publications');
    expect(publications.json<List>().total).toEqual({ value: 1, exact: true });
    const relevance = await t.app.inject('/v1/teasers?sort=relevance');
    expect(relevance.statusCode).toBe(400);
    expect(relevance.json<{ detail: string }>().detail).toMatch(/needs a search query/);
    const ranked = await t.app.inject('/v1/teasers?sort=relevance&q=whales');
    expect(ranked.statusCode).toBe(200);
    expectMatchesContract('GET', '/v1/teasers', ranked);
    const teasers = await t.app.inject('/v1/teasers');
    expectMatchesContract('GET', '/v1/teasers', teasers);
    expect(teasers.json<List>().total).toEqual({ value: 0, exact: true });
  });
});
