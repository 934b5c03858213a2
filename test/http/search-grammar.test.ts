import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { page, record } from '../helpers/records.js';

/** What issue 12 saw answered 400 "no such column: Korean", and what people type like it. */
const TYPED = [
  'inter-Korean',
  'Kim Jong-un',
  'e-mail',
  "North Korea's",
  "S'pore",
  'U.S.',
  '12,000',
  'C++',
  'title:korea',
  'Korea AND',
  '(Korea',
  '"inter-Korean talks',
];

let t: TestApp;
let talksId: number;
let budgetId: number;
let teaserId: number;
beforeAll(async () => {
  t = await buildTestApp({ rateLimits: { writesPerMinute: 0, searchesPerMinute: 0, parsePerMinute: 0 } });
  const talks = await t.repository.ingest(
    record(
      page({
        title: 'Inter-Korean talks resume at the border',
        paragraphs: [
          "Kim Jong-un sent an e-mail to North Korea's neighbours, a title: korea story.",
          "Envoys of the U.S. and S'pore counted 12,000 delegates; C++ was on a banner.",
        ],
        teasers: [
          {
            title: 'Inter-Korean talks: what comes next',
            summary:
              "Kim Jong-un's e-mail, the U.S. and S'pore, 12,000 C++ coders and North Korea's title: korea",
          },
          { title: 'Budget day in pictures' },
        ],
      }),
    ),
  );
  talksId = talks.article.id;
  budgetId = (
    await t.repository.ingest(
      record(
        page({ title: 'Budget day', paragraphs: ['The finance minister presented the budget in Korea.'] }),
      ),
    )
  ).article.id;
  const teasers = await t.app.inject('/v1/teasers?limit=100');
  const found = teasers.json<{ items: { id: number; title: string }[] }>().items;
  teaserId = found.find((teaser) => teaser.title.startsWith('Inter-Korean'))?.id ?? -1;
});
afterAll(async () => {
  await t.close();
});

const search = (path: string, q: string) => t.app.inject(`${path}?q=${encodeURIComponent(q)}&limit=100`);

describe('search takes what people type', () => {
  it.each(TYPED)('articles: %s is searched and finds the article that holds it', async (q) => {
    const response = await search('/v1/articles', q);
    expect(response.statusCode, response.body).toBe(200);
    expectMatchesContract('GET', '/v1/articles', response);
    const ids = response.json<{ items: { id: number }[] }>().items.map((item) => item.id);
    expect(ids).toContain(talksId);
  });

  it.each(TYPED)('teasers: %s is searched and finds the teaser that holds it', async (q) => {
    const response = await search('/v1/teasers', q);
    expect(response.statusCode, response.body).toBe(200);
    expectMatchesContract('GET', '/v1/teasers', response);
    expect(response.json<{ items: { id: number }[] }>().items.map((item) => item.id)).toContain(teaserId);
  });

  it('a hyphenated word is a phrase, not an exclusion: the budget article does not match', async () => {
    const ids = (await search('/v1/articles', 'inter-Korean')).json<{ items: { id: number }[] }>().items;
    expect(ids.map((item) => item.id)).toEqual([talksId]);
  });

  it('excludes, ORs and prefixes as documented', async () => {
    const ids = async (q: string) =>
      (await search('/v1/articles', q))
        .json<{ items: { id: number }[] }>()
        .items.map((item) => item.id)
        .sort((a, b) => a - b);
    expect(await ids('korea -budget')).toEqual([talksId]);
    expect(await ids('korea NOT budget')).toEqual([talksId]);
    expect(await ids('delegates OR minister')).toEqual([talksId, budgetId].sort((a, b) => a - b));
    expect(await ids('deleg* minister')).toEqual([]);
    expect(await ids('-budget')).toEqual([]);
    expect(await ids('*')).toEqual([]);
  });

  it.each(['/v1/articles', '/v1/teasers'])(
    '%s: a search that requires nothing still has its cursor checked',
    async (path) => {
      const response = await t.app.inject(`${path}?q=-budget&cursor=bm90LWEtY3Vyc29y`);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
    },
  );

  it('marks the words of the phrase in the snippet', async () => {
    const item = (await search('/v1/articles', 'inter-Korean')).json<{ items: { snippet: string }[] }>()
      .items[0];
    expect(item?.snippet).toContain('<mark>Inter</mark>-<mark>Korean</mark>');
    const plus = (await search('/v1/articles', 'C++')).json<{ items: { snippet: string }[] }>().items[0];
    expect(plus?.snippet).toContain('<mark>C</mark>++');
  });
});

/** Grammar pieces, engine syntax and what people paste, to be joined with random text. */
const PIECES = [
  ...TYPED,
  'OR',
  'AND',
  'NOT',
  'NEAR',
  'NEAR(a b, 3)',
  '"',
  '-',
  '*',
  'wh*',
  't*',
  '(',
  ')',
  ':',
  '^',
  '+',
  '{title body}:',
  "'",
  '\u0000',
  'korea',
  'é́',
  '北朝鮮',
];
const anyQuery = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 256 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
    .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')))
    .map((q) => q.slice(0, 256)),
);

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client sends it). */
const encodeQuery = (q: string): string =>
  [...Buffer.from(q, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const LIMIT_DETAILS = [
  /^the search query has \d+ terms; at most 32 are allowed$/,
  /^the search query has a prefix term that is too short; prefix terms need at least 2 characters$/,
];

describe('any string of at most 256 characters', () => {
  it('answers 200, or 400 for the length and term limits only: never 500, never an engine message', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, fc.constantFrom('/v1/articles', '/v1/teasers'), async (q, path) => {
        const response = await t.app.inject(`${path}?q=${encodeQuery(q)}`);
        expect(response.body).not.toMatch(/fts5|sqlite|no such column|syntax error|unterminated/i);
        if (response.statusCode === 200) return;
        expect(response.statusCode, response.body).toBe(400);
        const problem = response.json<{ type: string; detail: string; errors?: { path: string }[] }>();
        if (problem.type === 'urn:masthead:problem:validation') {
          // Length: empty once trimmed, or over 256 UTF-16 units (astral characters count two).
          const length = Buffer.from(q, 'utf8').toString('utf8').trim().length;
          expect(length === 0 || length > 256, `${JSON.stringify(q)}: ${response.body}`).toBe(true);
          expect(problem.errors?.[0]?.path).toBe('querystring/q');
          return;
        }
        expect(problem.type).toBe('urn:masthead:problem:invalid-search');
        expect(
          LIMIT_DETAILS.some((detail) => detail.test(problem.detail)),
          problem.detail,
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
