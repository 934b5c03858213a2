import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureText, FIXTURES_DIR, SEED_ID, type TestApp } from '../helpers/app.js';

const FIXTURE_IDS = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Edition {
  id: number;
  publication: { id: number; name: string };
  date: string | null;
  label: string | null;
  platform: string | null;
  article_count: number;
  links: { self: string; articles: string; publication: string };
}

interface Publication {
  id: number;
  name: string;
  edition_count: number;
  article_count: number;
  first_edition_date: string | null;
  last_edition_date: string | null;
  links: { self: string; editions: string; articles: string };
}

interface Article {
  id: number;
  edition: { id: number; publication: string; date: string | null } | null;
}

interface Teaser {
  id: number;
  page_article_id: number;
  position: number;
  title: string;
  summary: string | null;
  publication: string | null;
}

let t: TestApp;
/** Article ids of the fixture pages that were stored (a page with no story is a 422). */
let stored: Map<string, number>;
let seedId: number;

beforeEach(async () => {
  // Every golden page is stored and every list walked a few items at a time: hundreds of writes
  // and searches a minute, which the per-node rate limits (tested elsewhere) would refuse.
  t = await buildTestApp({
    rateLimits: { writesPerMinute: 0, searchesPerMinute: 0, parsePerMinute: 0 },
  });
  stored = new Map();
  for (const fixture of FIXTURE_IDS) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: fixtureText(fixture),
    });
    expect([201, 422], fixture).toContain(response.statusCode);
    if (response.statusCode === 201) stored.set(fixture, response.json().id);
  }
  seedId = stored.get(SEED_ID) ?? 0;
  expect(seedId).toBeGreaterThan(0);
  expect(stored.size).toBeGreaterThanOrEqual(3);
});
afterEach(async () => {
  await t.close();
});

/** The documented path template of a concrete URL, for the contract check. */
function templateOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  return path.replace(/^\/v1\/(articles|editions|publications)\/[^/]+/, '/v1/$1/{id}');
}

async function getOk(url: string) {
  const response = await t.app.inject(url);
  expect(response.statusCode, url).toBe(200);
  expectMatchesContract('GET', templateOf(url), response);
  return response;
}

async function getProblem(url: string, status: number, kind: string) {
  const response = await t.app.inject(url);
  expect(response.statusCode, url).toBe(status);
  expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
  expect(response.json(), url).toMatchObject({ type: `urn:masthead:problem:${kind}`, status });
  expectMatchesContract('GET', templateOf(url), response);
  return response.json();
}

/** The whole list, 100 items a page. */
async function all<T>(url: string): Promise<T[]> {
  const separator = url.includes('?') ? '&' : '?';
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: string = `${url}${separator}limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const body: { items: T[]; next_cursor: string | null } = (await getOk(page)).json<{
      items: T[];
      next_cursor: string | null;
    }>();
    items.push(...body.items);
    cursor = body.next_cursor;
  } while (cursor !== null);
  return items;
}

/**
 * Walks a list two items at a time through the `Link: rel="next"` header, checking at every
 * step that it agrees with `next_cursor`; returns the items in order.
 */
async function walk<T extends { id: number }>(url: string, limit = 2): Promise<T[]> {
  const separator = url.includes('?') ? '&' : '?';
  let next: string | null = `${url}${separator}limit=${limit}`;
  const items: T[] = [];
  for (let pages = 0; next !== null; pages += 1) {
    expect(pages, `${url}: too many pages`).toBeLessThan(500);
    const response = await getOk(next);
    const body = response.json<{ items: T[]; next_cursor: string | null }>();
    expect(body.items.length, next).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    const link = response.headers['link'];
    if (body.next_cursor === null) {
      expect(link, `${next}: no Link on the last page`).toBeUndefined();
      next = null;
    } else {
      expect(body.items.length, next).toBe(limit);
      expect(typeof link, `${next}: Link header`).toBe('string');
      const match = /^<([^>]+)>; rel="next"$/.exec(link as string);
      expect(match, `${next}: Link format`).not.toBeNull();
      const target = new URL(match?.[1] ?? '', 'http://x.invalid');
      expect(target.pathname).toBe(new URL(url, 'http://x.invalid').pathname);
      expect(target.searchParams.get('cursor')).toBe(body.next_cursor);
      expect(target.searchParams.get('limit')).toBe(String(limit));
      // The Link keeps the other parameters of the request.
      for (const [name, value] of new URL(url, 'http://x.invalid').searchParams) {
        expect(target.searchParams.get(name), `${name} kept`).toBe(value);
      }
      next = `${target.pathname}${target.search}`;
    }
  }
  const ids = items.map((item) => item.id);
  expect(new Set(ids).size, `${url}: each item once`).toBe(ids.length);
  return items;
}

const byDate = (dates: (string | null)[]) => dates.filter((date): date is string => date !== null).sort();

/** The first and last day of a date of any printed precision (day, month or year). */
const firstDay = (date: string): string =>
  date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
const lastDay = (date: string): string =>
  date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;

/** Whether an edition date (day, month or year precision) touches [from, to] (any of those precisions). */
function overlaps(date: string | null, from?: string, to?: string): boolean {
  if (date === null) return false;
  const lower = from === undefined ? '0000-00-00' : firstDay(from);
  const upper = to === undefined ? '9999-99-99' : lastDay(to);
  return lastDay(date) >= lower && firstDay(date) <= upper;
}

describe('GET /v1/editions', () => {
  it('lists every edition, newest date first then by id, undated last', async () => {
    const editions = await all<Edition>('/v1/editions');
    expect(editions.length).toBeGreaterThan(0);
    for (let index = 1; index < editions.length; index += 1) {
      const a = editions[index - 1] as Edition;
      const b = editions[index] as Edition;
      const inOrder =
        (a.date !== null && b.date === null) ||
        (a.date !== null && b.date !== null && a.date > b.date) ||
        (a.date === b.date && a.id < b.id);
      expect(inOrder, `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBe(true);
    }
    for (const edition of editions) {
      if (edition.date !== null) expect(edition.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(edition.links).toEqual({
        self: `/v1/editions/${edition.id}`,
        articles: `/v1/editions/${edition.id}/articles`,
        publication: `/v1/publications/${edition.publication.id}`,
      });
    }
    // Every stored article with an edition is in one of them, and the counts add up.
    const articles = await all<Article>('/v1/articles');
    expect(articles).toHaveLength(stored.size);
    const withEdition = articles.filter((article) => article.edition !== null);
    expect(editions.reduce((sum, edition) => sum + edition.article_count, 0)).toBe(withEdition.length);
    const editionIds = new Set(editions.map((edition) => edition.id));
    for (const article of withEdition) expect(editionIds.has(article.edition?.id ?? 0)).toBe(true);
    const seedEditionId = articles.find((article) => article.id === seedId)?.edition?.id;
    const seed = editions.find((edition) => edition.id === seedEditionId);
    expect(seed).toMatchObject({
      publication: { name: 'The Straits Times' },
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    });
  });

  it('filters by publication id and by exact name, with the same result', async () => {
    const editions = await all<Edition>('/v1/editions');
    for (const publication of new Map(editions.map((e) => [e.publication.id, e.publication])).values()) {
      const expected = editions.filter((edition) => edition.publication.id === publication.id);
      const byId = await all<Edition>(`/v1/editions?publication=${publication.id}`);
      expect(byId).toEqual(expected);
      const byName = await all<Edition>(`/v1/editions?publication=${encodeURIComponent(publication.name)}`);
      expect(byName).toEqual(expected);
    }
    expect(await all<Edition>('/v1/editions?publication=No%20Such%20Paper')).toEqual([]);
    expect(await all<Edition>('/v1/editions?publication=999999')).toEqual([]);
  });

  it('filters by date range; a month-precision edition falls in its month', async () => {
    const editions = await all<Edition>('/v1/editions');
    const monthly = editions.find((edition) => edition.date?.length === 7);
    expect(monthly, 'a fixture with a month-precision edition').toBeDefined();
    const month = monthly?.date ?? '';
    const ranges: [string | undefined, string | undefined][] = [
      [`${month}-15`, `${month}-15`],
      [`${month}-01`, undefined],
      [undefined, `${month}-28`],
      [month, month],
      ['2024-10-23', '2024-10-23'],
      ['2024-10', undefined],
      [undefined, '2021-12-31'],
      ['2020-01-01', '2022-12'],
      // a year-only edition (page 375, `2024`) falls in any range that touches its year
      ['2024-06-01', '2024-06-30'],
      ['2024', '2024'],
      [undefined, '2024-01-01'],
      ['2024-12-31', undefined],
    ];
    for (const [from, to] of ranges) {
      const query = [from && `from=${from}`, to && `to=${to}`].filter(Boolean).join('&');
      const filtered = await all<Edition>(`/v1/editions?${query}`);
      const expected = editions.filter((edition) => overlaps(edition.date, from, to));
      expect(
        filtered.map((e) => e.id),
        query,
      ).toEqual(expected.map((e) => e.id));
    }
    const inMonth = await all<Edition>(`/v1/editions?from=${month}-15&to=${month}-15`);
    expect(inMonth.map((edition) => edition.id)).toContain(monthly?.id);
    const nextMonth = await all<Edition>(`/v1/editions?from=${month}-31&to=${month}-31`);
    expect(nextMonth.map((edition) => edition.id)).toContain(monthly?.id);
    const annual = editions.find((edition) => edition.date?.length === 4);
    expect(annual, 'a fixture with a year-only edition').toBeDefined();
    const midYear = await all<Edition>(`/v1/editions?from=${annual?.date}-06-01&to=${annual?.date}-06-30`);
    expect(midYear.map((edition) => edition.id)).toContain(annual?.id);
    await getProblem('/v1/editions?from=2024-13-01', 400, 'validation');
    await getProblem('/v1/editions?to=yesterday', 400, 'validation');
  });

  it('filters by platform', async () => {
    const editions = await all<Edition>('/v1/editions');
    for (const platform of ['magzter', 'pressreader', 'zinio', 'scribd']) {
      const filtered = await all<Edition>(`/v1/editions?platform=${platform}`);
      expect(filtered).toEqual(editions.filter((edition) => edition.platform === platform));
    }
    expect((await all<Edition>('/v1/editions?platform=magzter')).length).toBeGreaterThan(0);
    await getProblem('/v1/editions?platform=kindle', 400, 'validation');
    await getProblem('/v1/editions?colour=red', 400, 'validation');
  });
});

describe('GET /v1/editions/{id} and /v1/editions/{id}/articles', () => {
  it('each edition is served alone as in the list, with its articles', async () => {
    const editions = await all<Edition>('/v1/editions');
    for (const edition of editions) {
      const single = await getOk(`/v1/editions/${edition.id}`);
      expect(single.json()).toEqual(edition);
      const articles = await walk<Article>(`/v1/editions/${edition.id}/articles`);
      expect(articles).toHaveLength(edition.article_count);
      for (const article of articles) expect(article.edition?.id).toBe(edition.id);
      expect(articles.map((article) => article.id)).toEqual(
        [...articles.map((article) => article.id)].sort((a, b) => a - b),
      );
    }
  });

  it('answers 404 for an unknown edition and 400 for a malformed id', async () => {
    await getProblem('/v1/editions/9999', 404, 'not-found');
    await getProblem('/v1/editions/9999/articles', 404, 'not-found');
    await getProblem('/v1/editions/zero', 400, 'validation');
    await getProblem('/v1/editions/0/articles', 400, 'validation');
  });
});

describe('GET /v1/publications', () => {
  it('sorted by name; counts and dates agree with what their lists return', async () => {
    const publications = await all<Publication>('/v1/publications');
    expect(publications.length).toBeGreaterThan(0);
    for (let index = 1; index < publications.length; index += 1) {
      const a = publications[index - 1] as Publication;
      const b = publications[index] as Publication;
      expect(a.name.toLowerCase() <= b.name.toLowerCase(), `${a.name} before ${b.name}`).toBe(true);
    }
    const editions = await all<Edition>('/v1/editions');
    expect(publications.reduce((sum, p) => sum + p.edition_count, 0)).toBe(editions.length);
    expect(new Set(publications.map((p) => p.id))).toEqual(new Set(editions.map((e) => e.publication.id)));

    for (const publication of publications) {
      expect(publication.links).toEqual({
        self: `/v1/publications/${publication.id}`,
        editions: `/v1/publications/${publication.id}/editions`,
        articles: `/v1/articles?publication=${publication.id}`,
      });
      const ownEditions = await walk<Edition>(publication.links.editions);
      expect(ownEditions, publication.name).toHaveLength(publication.edition_count);
      for (const edition of ownEditions) expect(edition.publication.id).toBe(publication.id);
      expect(ownEditions).toEqual(editions.filter((edition) => edition.publication.id === publication.id));

      const articles = await walk<Article>(publication.links.articles);
      expect(articles, publication.name).toHaveLength(publication.article_count);
      for (const article of articles) expect(article.edition?.publication).toBe(publication.name);
      const byName = await walk<Article>(`/v1/articles?publication=${encodeURIComponent(publication.name)}`);
      expect(byName.map((a) => a.id)).toEqual(articles.map((a) => a.id));

      const dates = byDate(ownEditions.map((edition) => edition.date));
      expect(publication.first_edition_date, publication.name).toBe(dates[0] ?? null);
      expect(publication.last_edition_date, publication.name).toBe(dates.at(-1) ?? null);

      const single = await getOk(publication.links.self);
      expect(single.json()).toEqual(publication);
    }
    // Several fixture pages are from The Straits Times; the seed's edition is among its own.
    const straitsTimes = publications.find((p) => p.name === 'The Straits Times');
    const straitsTimesEditions = await all<Edition>(
      straitsTimes?.links.editions ?? '/v1/publications/0/editions',
    );
    expect(straitsTimesEditions.map((edition) => edition.date)).toContain('2024-10-23');
    expect(straitsTimes?.edition_count).toBe(straitsTimesEditions.length);
    expect(straitsTimes?.first_edition_date ?? '').toBeTruthy();
  });

  it('answers 404 for an unknown publication and 400 for a malformed id', async () => {
    await getProblem('/v1/publications/9999', 404, 'not-found');
    await getProblem('/v1/publications/9999/editions', 404, 'not-found');
    await getProblem('/v1/publications/abc', 400, 'validation');
    await getProblem('/v1/publications/-1/editions', 400, 'validation');
  });
});

describe('GET /v1/teasers', () => {
  it('finds a seed teaser by a word of its title, with the page it was printed on', async () => {
    const found = await all<Teaser>('/v1/teasers?q=Seletar');
    const teaser = found.find((item) => item.title === 'Shaw Theatres to close cinema at The Seletar Mall');
    expect(teaser).toMatchObject({ page_article_id: seedId, position: 2, publication: null });
    for (const item of found) {
      expect(`${item.title} ${item.summary ?? ''}`.toLowerCase()).toContain('seletar');
    }
    const prefix = await all<Teaser>('/v1/teasers?q=selet*');
    expect(prefix.map((item) => item.id)).toContain(teaser?.id);
    const phrase = await all<Teaser>(`/v1/teasers?q=${encodeURIComponent('"look at north korea"')}`);
    expect(phrase.map((item) => item.title)).toContain('COFFEE AND A LOOK AT NORTH KOREA');
    expect(await all<Teaser>('/v1/teasers?q=zzzyxqnotaword')).toEqual([]);
  });

  it('lists every teaser in stored order and filters by publication, any case', async () => {
    const teasers = await walk<Teaser>('/v1/teasers');
    expect(teasers.map((teaser) => teaser.id)).toEqual([...teasers.map((t) => t.id)].sort((a, b) => a - b));
    const seedTeasers = teasers.filter((teaser) => teaser.page_article_id === seedId);
    expect(seedTeasers.map((teaser) => teaser.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The seed's cards print no publication: they take the page's, The Straits Times.
    const straitsTimes = await walk<Teaser>(
      `/v1/teasers?publication=${encodeURIComponent('The Straits Times')}`,
    );
    expect(straitsTimes.map((teaser) => teaser.id)).toEqual(
      expect.arrayContaining(seedTeasers.map((t) => t.id)),
    );
    for (const name of ['THE STRAITS TIMES', 'the straits times']) {
      const filtered = await walk<Teaser>(`/v1/teasers?publication=${encodeURIComponent(name)}`);
      expect(
        filtered.map((teaser) => teaser.id),
        name,
      ).toEqual(straitsTimes.map((teaser) => teaser.id));
    }
    const combined = await all<Teaser>('/v1/teasers?q=Seletar&publication=The%20Straits%20Times');
    expect(combined.map((teaser) => teaser.page_article_id)).toContain(seedId);
    expect(combined.every((teaser) => straitsTimes.some((item) => item.id === teaser.id))).toBe(true);
    expect(await all<Teaser>('/v1/teasers?q=Seletar&publication=Filmfare')).toEqual([]);
  });

  it('says which matches a relevance search of teasers ranked (ranked_within); other orders rank none', async () => {
    const ranked = await t.app.inject('/v1/teasers?q=Seletar&sort=relevance');
    expectMatchesContract('GET', '/v1/teasers', ranked);
    expect(ranked.json()).toMatchObject({
      ranked_within: { newest_matches: expect.any(Number) as number, all_matches_ranked: true },
    });
    expect((await t.app.inject('/v1/teasers?q=Seletar')).json()).not.toHaveProperty('ranked_within');
  });

  it('reads what FTS5 would reject as text: an unclosed quote is a phrase to the end', async () => {
    const phrase = await all<Teaser>(`/v1/teasers?q=${encodeURIComponent('"look at north')}`);
    expect(phrase.map((item) => item.title)).toContain('COFFEE AND A LOOK AT NORTH KOREA');
    for (const q of ['AND', 'NOT', '(', '"']) {
      expect(await all<Teaser>(`/v1/teasers?q=${encodeURIComponent(q)}`), q).toEqual([]);
    }
  });
});

describe('pagination', () => {
  it('walking any list two at a time returns each item once, in the order of one big page', async () => {
    const publications = await all<Publication>('/v1/publications');
    const biggest = [...publications].sort((a, b) => b.edition_count - a.edition_count)[0];
    const editions = await all<Edition>('/v1/editions');
    const lists = [
      '/v1/articles',
      '/v1/articles?language=en',
      '/v1/articles?platform=magzter',
      '/v1/articles?from=2021-01&to=2024-12-31',
      '/v1/articles?q=the',
      '/v1/editions',
      '/v1/editions?platform=magzter',
      `/v1/editions/${editions[0]?.id}/articles`,
      '/v1/publications',
      `/v1/publications/${biggest?.id}/editions`,
      `/v1/articles?publication=${encodeURIComponent(biggest?.name ?? '')}`,
      '/v1/teasers',
      '/v1/teasers?publication=The%20Straits%20Times',
      '/v1/teasers?q=the',
    ];
    for (const url of lists) {
      const walked = await walk<{ id: number }>(url);
      const whole = await all<{ id: number }>(url);
      expect(
        walked.map((item) => item.id),
        url,
      ).toEqual(whole.map((item) => item.id));
      const byThree = await walk<{ id: number }>(url, 3);
      expect(
        byThree.map((item) => item.id),
        url,
      ).toEqual(whole.map((item) => item.id));
    }
    expect((await walk('/v1/articles')).length).toBe(stored.size);
  });

  it('a cursor from another list is 400 invalid-cursor', async () => {
    const cursors = new Map<string, string>();
    for (const url of [
      '/v1/articles',
      '/v1/editions',
      '/v1/publications',
      '/v1/teasers',
      '/v1/articles?q=the',
    ]) {
      const separator = url.includes('?') ? '&' : '?';
      const response = await getOk(`${url}${separator}limit=1`);
      const cursor = response.json().next_cursor as string | null;
      expect(cursor, url).not.toBeNull();
      cursors.set(url, cursor ?? '');
    }
    for (const [from, cursor] of cursors) {
      for (const to of cursors.keys()) {
        if (to === from) continue;
        // Browse and search share a path (/v1/articles) but not their cursors.
        const separator = to.includes('?') ? '&' : '?';
        await getProblem(`${to}${separator}cursor=${encodeURIComponent(cursor)}`, 400, 'invalid-cursor');
      }
    }
    // A search cursor replayed against another search.
    await getProblem(
      `/v1/articles?q=korea&cursor=${encodeURIComponent(cursors.get('/v1/articles?q=the') ?? '')}`,
      400,
      'invalid-cursor',
    );
    for (const garbage of ['abc', 'WyJlZGl0aW9ucyJd', Buffer.from('["teasers","x"]').toString('base64url')]) {
      await getProblem(`/v1/teasers?cursor=${garbage}`, 400, 'invalid-cursor');
    }
  });

  it('limit must be 1 to 100', async () => {
    const lists = [
      '/v1/articles',
      '/v1/editions',
      `/v1/editions/1/articles`,
      '/v1/publications',
      '/v1/publications/1/editions',
      '/v1/teasers',
    ];
    for (const url of lists) {
      for (const limit of ['0', '101', '-1', 'ten', '2.5']) {
        const body = await getProblem(`${url}?limit=${limit}`, 400, 'validation');
        expect(
          body.errors.map((error: { path: string }) => error.path),
          `${url} ${limit}`,
        ).toContain('querystring/limit');
      }
      await getOk(`${url}?limit=1`);
      await getOk(`${url}?limit=100`);
    }
  });
});
