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

async function store(spec: PageSpec): Promise<number> {
  return (await t.repository.ingest(record(page(spec)))).article.id;
}

async function list(
  query: string,
): Promise<{ ids: number[]; body: Record<string, unknown>; link: string | undefined }> {
  const response = await t.app.inject(`/v1/articles${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expectMatchesContract('GET', '/v1/articles', response);
  const body = response.json<{ items: { id: number }[]; next_cursor: string | null }>();
  return {
    ids: body.items.map((item) => item.id),
    body,
    link: response.headers['link'] as string | undefined,
  };
}

/** Follows next_cursor to the end, checking it agrees with the Link header; runs `between` after each page. */
async function walk(query: string, between: () => Promise<void> = async () => undefined): Promise<number[]> {
  const seen: number[] = [];
  let url = `/v1/articles${query}`;
  for (let pages = 0; pages < 100; pages += 1) {
    const response = await t.app.inject(url);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ items: { id: number }[]; next_cursor: string | null }>();
    seen.push(...body.items.map((item) => item.id));
    if (body.next_cursor === null) {
      expect(response.headers['link']).toBeUndefined();
      return seen;
    }
    const link = String(response.headers['link']);
    expect(link).toMatch(/^<\/v1\/articles\?.*>; rel="next"$/);
    url = link.slice(1, link.indexOf('>'));
    expect(new URL(url, 'http://x').searchParams.get('cursor')).toBe(body.next_cursor);
    await between();
  }
  throw new Error('walk did not end');
}

describe('GET /v1/articles', () => {
  it('lists newest edition first, a month before its days, undated last, then by id', async () => {
    const undated = await store({ edition: { date: null, label: null } });
    const sep = await store({ edition: { date: '2024-09-01' } });
    const octMonth = await store({ edition: { date: '2024-10', label: 'October 2024' } });
    const oct23a = await store({ edition: { date: '2024-10-23' } });
    const oct23b = await store({ edition: { date: '2024-10-23' } });
    const noEdition = await store({ edition: null });
    const { ids, body } = await list('');
    expect(ids).toEqual([oct23a, oct23b, octMonth, sep, undated, noEdition]);
    expect(body['next_cursor']).toBeNull();
  });

  it('filters by publication (id or name), edition, dates, language, page locale and platform', async () => {
    const st = await store({
      edition: { publication: 'The Straits Times', date: '2024-10-23' },
      language: 'en',
      pageLocale: 'de',
    });
    const stMonth = await store({
      edition: { publication: 'The Straits Times', date: '2024-10', label: 'October 2024' },
    });
    const it1 = await store({
      edition: { publication: 'India Today', date: '2025-09-01', platform: 'zinio' },
      language: 'hi',
    });
    const { ids: byName } = await list('?publication=The%20Straits%20Times');
    expect(byName).toEqual([st, stMonth]);
    const publicationId = (await t.repository.getArticleEdition(it1))?.edition?.publication.id;
    expect((await list(`?publication=${publicationId}`)).ids).toEqual([it1]);
    const editionId = (await t.repository.getArticle(st))?.edition?.id;
    expect((await list(`?edition_id=${editionId}`)).ids).toEqual([st]);
    // A month-precision edition falls in its month: inside any range that touches October.
    expect((await list('?from=2024-10-24&to=2024-12-31')).ids).toEqual([stMonth]);
    expect((await list('?from=2024-10-01&to=2024-10-31')).ids).toEqual([st, stMonth]);
    expect((await list('?from=2024-10&to=2024-10')).ids).toEqual([st, stMonth]);
    expect((await list('?to=2024-10-22')).ids).toEqual([stMonth]);
    expect((await list('?from=2025-01-01')).ids).toEqual([it1]);
    expect((await list('?language=hi')).ids).toEqual([it1]);
    expect((await list('?page_locale=de')).ids).toEqual([st]);
    expect((await list('?platform=zinio')).ids).toEqual([it1]);
    expect((await list('?publication=Nobody')).ids).toEqual([]);
  });

  it("a year-only edition (an annual) sorts before its year's months and falls in any range touching its year", async () => {
    const dec = await store({ edition: { date: '2023-12-31' } });
    const annual = await store({ edition: { date: '2024', label: '2024' } });
    const march = await store({ edition: { date: '2024-03', label: 'March 2024' } });
    const jan2025 = await store({ edition: { date: '2025-01-02' } });
    expect((await list('')).ids).toEqual([jan2025, march, annual, dec]);
    expect((await list('?from=2024-06-01&to=2024-06-30')).ids).toEqual([annual]);
    expect((await list('?from=2024-03&to=2024-03')).ids).toEqual([march, annual]);
    expect((await list('?from=2024&to=2024')).ids).toEqual([march, annual]);
    expect((await list('?to=2023')).ids).toEqual([dec]);
    expect((await list('?from=2025')).ids).toEqual([jan2025]);
    expect((await list('?to=2024-01-01')).ids).toEqual([annual, dec]);
  });

  it('returns only the fields asked for, id always', async () => {
    await store({ title: 'Fielded' });
    const { body } = await list('?fields=title,edition');
    expect(body['items']).toEqual([
      { id: 1, title: 'Fielded', edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' } },
    ]);
    const bad = await t.app.inject('/v1/articles?fields=title,secret');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
  });

  it('rejects bad parameters with 400 problems', async () => {
    for (const query of [
      '?limit=0',
      '?limit=101',
      '?from=2024-13-01',
      '?to=yesterday',
      '?platform=kindle',
      '?unknown=1',
      '?cursor=nonsense',
    ]) {
      const response = await t.app.inject(`/v1/articles${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await t.app.inject('/v1/articles?cursor=nonsense')).json()).toMatchObject({
      type: 'urn:masthead:problem:invalid-cursor',
    });
  });

  it('walks every page to the end once each, even while articles are ingested meanwhile', async () => {
    const dates = ['2024-10-23', '2024-10', '2024-09-01', null, '2024-10-23', '2025-01-02', '2024-10-23'];
    const before: number[] = [];
    for (const date of dates) before.push(await store({ edition: { date, label: date } }));
    let extra = 0;
    const during: number[] = [];
    const seen = await walk('?limit=2', async () => {
      extra += 1;
      // Newer, older and same-date articles arrive between page requests.
      const date = ['2026-01-01', '2024-10-23', '2023-01-01', null][extra % 4] ?? null;
      during.push(await store({ edition: { date, label: date } }));
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
    expect(seen.every((id) => before.includes(id) || during.includes(id))).toBe(true);
  });
});

describe('GET /v1/articles?q=', () => {
  beforeEach(async () => {
    await store({
      title: 'Whales return to the fjord',
      paragraphs: ['Humpback whales were seen near Tromsø.'],
    });
    await store({
      title: 'Harbour report',
      paragraphs: [
        'A whale-watching boat left the harbour at dawn.',
        'The blue whale is the largest animal.',
      ],
    });
    await store({
      title: 'Budget day',
      paragraphs: ['The finance minister presented the budget; no whales were harmed.'],
    });
    await store({ title: 'Cricket', paragraphs: ['India won the toss and chose to bat.'] });
  });

  it('searches title, deck and body by relevance, with highlighted snippets', async () => {
    const response = await t.app.inject('/v1/articles?q=whales');
    expectMatchesContract('GET', '/v1/articles', response);
    const items = response.json<{ items: { id: number; title: string; snippet: string }[] }>().items;
    expect(items.map((item) => item.title)).toEqual(['Whales return to the fjord', 'Budget day']);
    expect(items[0]?.snippet).toContain('<mark>');
    expect(items.every((item) => /<mark>whales<\/mark>/i.test(item.snippet))).toBe(true);
  });

  it('supports phrases, prefixes and boolean operators', async () => {
    const titles = async (q: string) =>
      (await t.app.inject(`/v1/articles?q=${encodeURIComponent(q)}`))
        .json<{ items: { title: string }[] }>()
        .items.map((i) => i.title)
        .sort();
    expect(await titles('"blue whale"')).toEqual(['Harbour report']);
    expect(await titles('whal*')).toEqual(['Budget day', 'Harbour report', 'Whales return to the fjord']);
    expect(await titles('whales AND budget')).toEqual(['Budget day']);
    expect(await titles('whales NOT budget')).toEqual(['Whales return to the fjord']);
    expect(await titles('cricket OR budget')).toEqual(['Budget day', 'Cricket']);
  });

  it('reads what FTS5 would reject as text: operators without operands are dropped', async () => {
    const titles = async (q: string) => {
      const response = await t.app.inject(`/v1/articles?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      return response
        .json<{ items: { title: string }[] }>()
        .items.map((i) => i.title)
        .sort();
    };
    const whales = ['Budget day', 'Whales return to the fjord'];
    expect(await titles('whales AND')).toEqual(whales);
    expect(await titles('(whales')).toEqual(whales);
    expect(await titles('OR whales OR')).toEqual(whales);
    expect(await titles('"blue whale')).toEqual(['Harbour report']);
    expect(await titles('whale-watching')).toEqual(['Harbour report']);
    for (const q of ['AND', '*', '"', '-', 'title:', '-whales']) expect(await titles(q), q).toEqual([]);
  });

  it('escapes the text around the marks', async () => {
    await store({ title: 'Markup', paragraphs: ['<script>alert(1)</script> orcas & dolphins'] });
    const item = (await t.app.inject('/v1/articles?q=orcas')).json<{ items: { snippet: string }[] }>()
      .items[0];
    expect(item?.snippet).toContain('&#60;script&#62;');
    expect(item?.snippet).toContain('<mark>orcas</mark>');
    expect(item?.snippet).not.toContain('<script>');
  });

  it('pages through a ranked snapshot: every match once, while articles are added', async () => {
    for (let i = 0; i < 7; i += 1)
      await store({ title: `Whale count ${i}`, paragraphs: [`whale ${'whale '.repeat(i)}`] });
    const matching = (await t.app.inject('/v1/articles?q=whale*&limit=100')).json<{ items: unknown[] }>()
      .items.length;
    const seen = await walk('?q=whale*&limit=3', async () => {
      await store({ title: 'Whale newcomer', paragraphs: ['whales whales whales'] });
    });
    expect(seen).toHaveLength(matching);
    expect(new Set(seen).size).toBe(matching);
  });

  it('says which matches a relevance search ranked (ranked_within); other orders rank none', async () => {
    const ranked = await list('?q=whales');
    expect(ranked.body['ranked_within']).toEqual({
      newest_matches: expect.any(Number) as number,
      all_matches_ranked: true,
    });
    expect((await list('?q=whales&sort=ingested')).body).not.toHaveProperty('ranked_within');
    expect((await list('')).body).not.toHaveProperty('ranked_within');
  });

  it('a common term ranks its newest matches only, and says so on every page', async () => {
    const bounded = await buildTestApp({}, { rankedCandidates: 2 });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 4; i += 1)
        ids.push((await bounded.repository.ingest(record(page({ title: `Whale ${i}` })))).article.id);
      const seen: number[] = [];
      let url = '/v1/articles?q=whale&limit=1';
      for (let pages = 0; pages < 10 && url !== ''; pages += 1) {
        const response = await bounded.app.inject(url);
        expectMatchesContract('GET', '/v1/articles', response);
        const body = response.json<{
          items: { id: number }[];
          next_cursor: string | null;
          ranked_within: unknown;
          total: unknown;
        }>();
        expect(body.ranked_within).toEqual({ newest_matches: 2, all_matches_ranked: false });
        expect(body.total).toEqual({ value: 2, exact: false });
        seen.push(...body.items.map((item) => item.id));
        url = body.next_cursor === null ? '' : `/v1/articles?q=whale&limit=1&cursor=${body.next_cursor}`;
      }
      expect(seen.sort((a, b) => a - b)).toEqual(ids.slice(2));
    } finally {
      await bounded.close();
    }
  });

  it('rejects a search cursor replayed against another query', async () => {
    for (let i = 0; i < 3; i += 1) await store({ title: `Whale ${i}` });
    const first = (await t.app.inject('/v1/articles?q=whale*&limit=1')).json<{ next_cursor: string }>();
    const replay = await t.app.inject(`/v1/articles?q=budget&limit=1&cursor=${first.next_cursor}`);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
  });

  it('answers 400 to a tampered search cursor: other list, negative or missing positions', async () => {
    for (let i = 0; i < 3; i += 1) await store({ title: `Whale ${i}` });
    const first = (await t.app.inject('/v1/articles?q=whale*&limit=1')).json<{ next_cursor: string }>();
    const [list, ...position] = JSON.parse(
      Buffer.from(first.next_cursor, 'base64url').toString(),
    ) as unknown[];
    const forge = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');
    const [identity, lastId, served] = position;
    const tampered = [
      forge(['articles', ...position]),
      forge([list, identity, lastId, -1]),
      forge([list, identity, lastId, 0]),
      forge([list, identity, lastId, null]),
      forge([list, identity, -5, served]),
      forge([list, identity, lastId, 1.5]),
      forge([list, identity, lastId, 10_000]),
      forge([list, identity, lastId]),
    ];
    for (const cursor of tampered) {
      const response = await t.app.inject(`/v1/articles?q=whale*&limit=1&cursor=${cursor}`);
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
    }
    const next = await t.app.inject(`/v1/articles?q=whale*&limit=1&cursor=${forge([list, ...position])}`);
    expect(next.statusCode).toBe(200);
  });
});

describe('DELETE /v1/articles/{id}', () => {
  it('removes the article and everything hanging off it, then answers 404', async () => {
    const id = await store({
      title: 'Doomed',
      paragraphs: ['narwhal sighting'],
      teasers: [{ title: 'Tease' }],
    });
    const response = await t.app.inject({ method: 'DELETE', url: `/v1/articles/${id}` });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    for (const url of [
      `/v1/articles/${id}`,
      `/v1/articles/${id}/teasers`,
      `/v1/articles/${id}/edition`,
      `/v1/articles/${id}/source`,
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
    expect((await list('?q=narwhal')).ids).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/articles/${id}` })).statusCode).toBe(404);
  });

  it('needs write access', async () => {
    const guarded = await buildTestApp({ apiTokens: ['tok'] });
    const id = (await guarded.repository.ingest(record(page()))).article.id;
    expect((await guarded.app.inject({ method: 'DELETE', url: `/v1/articles/${id}` })).statusCode).toBe(401);
    const ok = await guarded.app.inject({
      method: 'DELETE',
      url: `/v1/articles/${id}`,
      headers: { authorization: 'Bearer tok' },
    });
    expect(ok.statusCode).toBe(204);
    await guarded.close();
  });
});

describe('teased_by', () => {
  it('lists the pages whose teasers announce the story', async () => {
    const story = await store({ title: 'The micromoguls', edition: { publication: 'India Today' } });
    const teaser = await store({
      title: 'Other',
      edition: { publication: 'India Today', date: '2025-08-25' },
      teasers: [{ title: 'THE MICROMOGULS', summary: 'Small entrepreneurs.' }],
    });
    const article = (await t.app.inject(`/v1/articles/${story}`)).json<{ teased_by: unknown }>();
    expect(article.teased_by).toEqual([{ article_id: teaser, position: 1 }]);
    const teasers = (await t.app.inject(`/v1/articles/${teaser}/teasers`)).json<{
      items: { article_id: number | null }[];
    }>();
    expect(teasers.items[0]?.article_id).toBe(story);
  });
});
