import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const EXTRA_TEASERS = 240;
/** The seed page followed by 240 more teaser cards: 250 teasers in all. */
const manyTeasersText = `${fixtureText(SEED_ID).trimEnd()}\n${Array.from(
  { length: EXTRA_TEASERS },
  (_, i) =>
    `Harbour story number ${i + 1} makes the news\nA summary sentence about harbour story ${i + 1}, told in a few plain words.`,
).join('\n')}\n`;
const expectedTeasers = parsePage(manyTeasersText, { url: null }).teasers;

interface TeaserPage {
  items: { position: number; title: string; summary: string | null }[];
  next_cursor: string | null;
}

const TEMPLATE = '/v1/articles/{id}/teasers';

let t: TestApp;
let id: number;
let otherId: number;
beforeEach(async () => {
  t = await buildTestApp();
  for (const text of [manyTeasersText, fixtureText(SEED_ID)]) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: text,
    });
    expect(response.statusCode).toBe(201);
  }
  const list = (await t.app.inject('/v1/articles?limit=100')).json<{
    items: { id: number; teaser_count: number }[];
  }>();
  id = list.items.find((article) => article.teaser_count > 100)?.id ?? 0;
  otherId = list.items.find((article) => article.id !== id)?.id ?? 0;
  expect(id).toBeGreaterThan(0);
});
afterEach(async () => {
  await t.close();
});

async function getPage(url: string): Promise<{ body: TeaserPage; link: string | undefined }> {
  const response = await t.app.inject(url);
  expect(response.statusCode, url).toBe(200);
  expectMatchesContract('GET', TEMPLATE, response);
  return { body: response.json<TeaserPage>(), link: response.headers['link'] as string | undefined };
}

describe('GET /v1/articles/{id}/teasers pages like every other list', () => {
  it('serves `limit` teasers a page (20 by default) with a cursor to the next', async () => {
    expect(expectedTeasers.length).toBe(EXTRA_TEASERS + 10);
    const first = await getPage(`/v1/articles/${id}/teasers`);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expect(first.link).toBe(
      `</v1/articles/${id}/teasers?cursor=${encodeURIComponent(first.body.next_cursor ?? '')}>; rel="next"`,
    );
    const hundred = await getPage(`/v1/articles/${id}/teasers?limit=100`);
    expect(hundred.body.items).toHaveLength(100);
    expect(hundred.body.items.map((teaser) => teaser.position)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  it('walking the cursor returns every teaser exactly once, in page order', async () => {
    for (const limit of [100, 7, 1]) {
      const seen: TeaserPage['items'] = [];
      let url: string | null = `/v1/articles/${id}/teasers?limit=${limit}`;
      let pages = 0;
      while (url !== null) {
        const { body, link } = await getPage(url);
        expect(body.items.length, url).toBeLessThanOrEqual(limit);
        seen.push(...body.items);
        pages += 1;
        // The Link header and next_cursor say the same thing.
        if (body.next_cursor === null) expect(link).toBeUndefined();
        else expect(link).toContain(`cursor=${encodeURIComponent(body.next_cursor)}`);
        url =
          body.next_cursor === null
            ? null
            : `/v1/articles/${id}/teasers?limit=${limit}&cursor=${encodeURIComponent(body.next_cursor)}`;
      }
      expect(pages, `limit ${limit}`).toBe(Math.ceil(expectedTeasers.length / limit));
      expect(seen.map((teaser) => teaser.position)).toEqual(expectedTeasers.map((_, i) => i + 1));
      expect(seen.map(({ title, summary }) => ({ title, summary }))).toEqual(
        expectedTeasers.map(({ title, summary }) => ({ title, summary })),
      );
    }
  });

  it('an article with few teasers is one page with a null cursor', async () => {
    const { body, link } = await getPage(`/v1/articles/${otherId}/teasers`);
    expect(body.items).toHaveLength(10);
    expect(body.next_cursor).toBeNull();
    expect(link).toBeUndefined();
  });

  it('rejects a bad limit, and a cursor of another list or another article', async () => {
    for (const limit of ['0', '101', '-1', 'ten']) {
      const response = await t.app.inject(`/v1/articles/${id}/teasers?limit=${limit}`);
      expect(response.statusCode, limit).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
      expectMatchesContract('GET', TEMPLATE, response);
    }
    const cursor = (await getPage(`/v1/articles/${id}/teasers?limit=5`)).body.next_cursor ?? '';
    const teaserSearchCursor = (await t.app.inject('/v1/teasers?limit=1')).json().next_cursor as string;
    for (const [url, reason] of [
      [`/v1/articles/${otherId}/teasers?cursor=${encodeURIComponent(cursor)}`, "another article's cursor"],
      [`/v1/articles/${id}/teasers?cursor=${encodeURIComponent(teaserSearchCursor)}`, '/v1/teasers cursor'],
      [`/v1/teasers?cursor=${encodeURIComponent(cursor)}`, 'used on /v1/teasers'],
      [`/v1/articles/${id}/teasers?cursor=abc`, 'garbage'],
    ] as const) {
      const response = await t.app.inject(url);
      expect(response.statusCode, reason).toBe(400);
      expect(response.json(), reason).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
    }
    // An unknown article is still a 404, cursor or not.
    expect(
      (await t.app.inject(`/v1/articles/9999/teasers?cursor=${encodeURIComponent(cursor)}`)).statusCode,
    ).toBe(404);
  });
});
