/**
 * PostgreSQL search: the grammar compiled to a tsquery with every value bound (never raises
 * on user input), what it finds against the same texts as the FTS5 tests
 * (test/storage/sqlite/fts-query.test.ts), the differences between the engines that remain
 * (asserted, so that a change on either side shows), the bounded ranking and cross-node
 * cursors.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { candidatesScan, postgresLists, type Scans } from '../../../src/storage/postgres/lists.js';
import { Binds } from '../../../src/storage/postgres/rows.js';
import { searchVector, tsQuery } from '../../../src/storage/postgres/search.js';
import { parseSearchQuery, type SearchPhrase, type SearchQuery } from '../../../src/storage/search-query.js';
import { indexTokens } from '../../../src/storage/snippet.js';
import { openDatabase } from '../../../src/storage/sqlite/index.js';
import { ftsMatch } from '../../../src/storage/sqlite/fts-query.js';
import { openEngine, type ReadRepository } from '../../helpers/engines.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../../helpers/postgres.js';
import { page, record, type PageSpec } from '../../helpers/records.js';

const compile = (q: string): { sql: string | null; values: unknown[] } => {
  const binds = new Binds();
  const sql = tsQuery(parseSearchQuery(q), binds);
  return { sql, values: binds.values };
};

describe('tsQuery', () => {
  it('binds every phrase and combines them in SQL: no user text is tsquery syntax', () => {
    expect(compile('whales')).toEqual({ sql: `(phraseto_tsquery('masthead', $1))`, values: ['whales'] });
    expect(compile('inter-Korean talks')).toEqual({
      sql: `(phraseto_tsquery('masthead', $1) && phraseto_tsquery('masthead', $2))`,
      values: ['inter korean', 'talks'],
    });
    expect(compile('a OR "b c" OR d*')).toEqual({
      sql: `((phraseto_tsquery('masthead', $1) || phraseto_tsquery('masthead', $2) || to_tsquery('masthead', $3)))`,
      values: ['a', 'b c', 'd:*'],
    });
    expect(compile('whales -budget NOT "blue whale"')).toEqual({
      sql: `((phraseto_tsquery('masthead', $1)) && !!(phraseto_tsquery('masthead', $2) || phraseto_tsquery('masthead', $3)))`,
      values: ['whales', 'budget', 'blue whale'],
    });
    // a prefix phrase: the words before it, then the prefix, next to each other
    expect(compile('"blue wh"*')).toEqual({
      sql: `((phraseto_tsquery('masthead', $1) <-> to_tsquery('masthead', $2)))`,
      values: ['blue', 'wh:*'],
    });
  });

  it('gives no expression for a query with nothing to look for', () => {
    for (const q of ['', '*', '-budget', '- OR', '+++']) expect(compile(q).sql, q).toBeNull();
  });

  it('hands to_tsquery letters and digits only, whatever the prefix word holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64, unit: 'binary' }), (q) => {
        const { sql, values } = compile(`${q}*`);
        if (sql === null) return;
        const prefixes = values.filter(
          (value): value is string => typeof value === 'string' && value.endsWith(':*'),
        );
        for (const prefix of prefixes) expect(prefix).toMatch(/^[\p{L}\p{N}]+:\*$/u);
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Finds on a small table of texts, with the tsvector the repository writes (body as C). */
describe.skipIf(!postgresAvailable)('tsQuery on PostgreSQL', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshPostgresUrl(), max: 2 });
    await pool.query(`CREATE TABLE t (id integer PRIMARY KEY, search tsvector NOT NULL)`);
  });
  afterAll(async () => {
    await pool.end();
  });

  async function fill(texts: string[]): Promise<void> {
    await pool.query('TRUNCATE t');
    await pool.query(
      `INSERT INTO t (id, search) SELECT ordinality, ${searchVector('body')}
         FROM unnest($1::text[]) WITH ORDINALITY AS body`,
      [texts],
    );
  }

  async function ids(q: string): Promise<number[]> {
    const { sql, values } = compile(q);
    if (sql === null) return [];
    const { rows } = await pool.query<{ id: number }>(
      `SELECT id FROM t WHERE search @@ ${sql} ORDER BY id`,
      values,
    );
    return rows.map((row) => row.id);
  }

  it('finds what FTS5 finds on the same texts', async () => {
    await fill([
      "Inter-Korean talks resume Kim Jong-un sent an e-mail to North Korea's allies",
      'U.S. and S’pore sign deal 12,000 C++ programmers; café owners',
      'Whale budget The blue whale costs money',
    ]);
    for (const [q, found] of [
      ['inter-Korean', [1]],
      ['Kim Jong-un', [1]],
      ['e-mail', [1]],
      ["North Korea's", [1]],
      ["S'pore", [2]],
      ['12,000', [2]],
      ['C++', [2]],
      ['CAFÉ', [2]],
      ['inter-Kor*', [1]],
      ['whale -money', []],
      ['whale OR deal -money', [2]],
      ['"blue whale" OR talks', [1, 3]],
      ['"whale blue"', []],
    ] as const) {
      expect(await ids(q), q).toEqual(found);
    }
    // Texts are cut into words as FTS5 cuts them (searchVector): PostgreSQL's own parser kept
    // `u.s` as one token, and a hyphenated word whole before its parts, so these found nothing.
    expect(await ids('U.S.')).toEqual([2]);
    expect(await ids('"Kim Jong-un"')).toEqual([1]);
    expect(await ids('"jong-un sent"')).toEqual([1]);
  });

  it('runs for any input: PostgreSQL never rejects the query', async () => {
    await fill(['whale', 'a b c']);
    const queries = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 128, unit: 'binary' }),
        fc
          .array(
            fc.constantFrom(
              '&',
              '|',
              '!',
              '(',
              ')',
              ':',
              '*',
              "'",
              '\\',
              '<->',
              '<2>',
              'a',
              'OR',
              '-',
              '"',
              ' ',
              '\u0000',
              'é',
            ),
          )
          .map((parts) => parts.join('')),
      ),
      { numRuns: 600, seed: 13 },
    );
    for (const q of [
      ...queries,
      'a'.repeat(3_000),
      `${'a'.repeat(3_000)}*`,
      '\u0000*',
      '\uE000*',
      'x\uD800*',
    ]) {
      await ids(q); // throws on a query PostgreSQL rejects
    }
  });

  it('finds exactly what the grammar means', async () => {
    const holds = (tokens: string[], phrase: SearchPhrase): boolean =>
      tokens.some((_, start) =>
        phrase.words.every((word, index) => {
          const token = tokens[start + index];
          if (token === undefined) return false;
          return phrase.prefix && index === phrase.words.length - 1 ? token.startsWith(word) : token === word;
        }),
      );
    const meaning = (query: SearchQuery, tokens: string[]): boolean =>
      query.required.length > 0 &&
      query.required.every((group) => group.some((phrase) => holds(tokens, phrase))) &&
      !query.excluded.some((phrase) => holds(tokens, phrase));
    // test/storage/sqlite/fts-query.test.ts's vocabulary, without its hyphenated and dotted
    // words (the case above covers those)
    const vocabulary = ['whale', 'Whales', 'café', 'CAFE', 'Korea', '12,000', 'C++', 'blue', 'korean'];
    const operators = ['OR', 'AND', 'NOT', '-', '*', '"', '(', ')', 'wh*', 'kor*', '"blue whale"'];
    const texts = fc.sample(
      fc
        .array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 })
        .map((words) => words.join(' ')),
      { numRuns: 40, seed: 12 },
    );
    await fill(texts);
    const samples = fc.sample(
      fc.tuple(
        fc.array(fc.constantFrom(...vocabulary, ...operators), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
      ),
      { numRuns: 300, seed: 14 },
    );
    for (const [parts, glued] of samples) {
      const q = parts.join(glued ? '' : ' ');
      const query = parseSearchQuery(q);
      const meant = texts.flatMap((text, index) => (meaning(query, indexTokens(text)) ? [index + 1] : []));
      expect(await ids(q), q).toEqual(meant);
    }
  });

  it('agrees with FTS5 on those texts (the grammar compiled for each engine)', async () => {
    const texts = ['whale café blue', 'Whales CAFE', 'C++ korean Korea', 'blue whale korean'];
    await fill(texts);
    const db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE f USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')`);
    texts.forEach((text, index) =>
      db.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)').run(BigInt(index + 1), text),
    );
    const select = db.prepare<[string], { id: number }>(
      'SELECT rowid AS id FROM f WHERE f MATCH ? ORDER BY rowid',
    );
    for (const q of [
      'whale',
      'wha*',
      'cafe',
      'café OR korea',
      '"blue whale"',
      'blue -whale',
      'C++ kor*',
      'k*',
    ]) {
      const expression = ftsMatch(parseSearchQuery(q));
      const sqlite = expression === null ? [] : select.all(expression).map((row) => row.id);
      expect(await ids(q), q).toEqual(sqlite);
    }
    db.close();
  });
});

if (!postgresAvailable) console.warn(`PostgreSQL search cases skipped: ${postgresUnavailableReason}`);

describe('candidatesScan', () => {
  it('walks backwards by id for a common term and takes every match by bitmap for a rarer one', () => {
    // 40% and 3% of 1M articles, 20 of them; 5% and 40% of 100k; 3% of 100k
    expect(candidatesScan(400_000, 1_000_000, 501)).toBe('index order');
    expect(candidatesScan(30_000, 1_000_000, 501)).toBe('index order');
    expect(candidatesScan(3_000, 100_000, 501)).toBe('bitmap');
    expect(candidatesScan(20, 1_000_000, 501)).toBe('bitmap');
    expect(candidatesScan(4_923, 100_000, 501)).toBe('bitmap');
    expect(candidatesScan(40_000, 100_000, 501)).toBe('index order');
    // an empty table, a search estimated to find nothing
    expect(candidatesScan(0, 0, 501)).toBe('bitmap');
    expect(candidatesScan(1, 1, 501)).toBe('bitmap');
  });
});

/** A pool that keeps the text of every statement its clients run. */
function recordingPool(url: string): { pool: pg.Pool; statements: string[] } {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Object.assign(client, {
      query: (...args: unknown[]) => {
        const [text] = args;
        statements.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
        return query(...args);
      },
    });
  });
  return { pool, statements };
}

describe.skipIf(!postgresAvailable)('PostgreSQL relevance', () => {
  let repository: ReadRepository;
  beforeEach(async () => {
    repository = await openEngine('postgres', { rankedCandidates: 4 });
  });
  afterEach(async () => {
    await repository.close();
  });
  const store = async (spec: PageSpec): Promise<number> =>
    (await repository.ingest(record(page(spec)))).article.id;

  it('ranks the newest matches only: an older better match is reached by narrowing the search', async () => {
    const best = await store({ title: 'Whale whale whale', paragraphs: ['whale whale'], language: 'fr' });
    const newer: number[] = [];
    for (let i = 0; i < 6; i += 1)
      newer.push(await store({ title: `Notes ${i}`, paragraphs: [`a whale, ${i}`] }));
    const all: number[] = [];
    let cursor: string | undefined;
    do {
      const current = await repository.listArticles({ q: 'whale', limit: 3, cursor });
      // the walk and its total stop at the candidates ranked
      expect(current.total).toEqual({ value: 4, exact: false });
      all.push(...current.items.map((item) => item.id));
      cursor = current.nextCursor ?? undefined;
    } while (cursor);
    expect([...all].sort((a, b) => a - b)).toEqual(newer.slice(2));
    // the best match is older than the candidates: a filter, or another order, reaches it
    expect((await repository.listArticles({ q: 'whale', language: 'fr', limit: 3 })).items[0]?.id).toBe(best);
    expect((await repository.listArticles({ q: 'whale', sort: 'ingested', limit: 1 })).items[0]?.id).toBe(
      best,
    );
  });

  it('ranks a match in the title over one in the body', async () => {
    const body = await store({ title: 'Notes', paragraphs: ['the whale was seen'] });
    const title = await store({ title: 'Whale seen', paragraphs: ['nothing else'] });
    const ranked = await repository.listArticles({ q: 'whale', limit: 3 });
    expect(ranked.items.map((item) => item.id)).toEqual([title, body]);
  });

  it('a cursor issued through one node is read by another node of the same database', async () => {
    for (let i = 0; i < 5; i += 1)
      await store({ title: `Whale ${i}`, paragraphs: [`whale ${'whale '.repeat(i)}`] });
    const other = new pg.Pool({ connectionString: repository.url, max: 1 });
    try {
      const otherNode = postgresLists(other, { rankedCandidates: 4 });
      const whole = await repository.listArticles({ q: 'whale', limit: 10 });
      const first = await repository.listArticles({ q: 'whale', limit: 2 });
      const second = await otherNode.listArticles({ q: 'whale', limit: 2, cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(
        whole.items.slice(0, 4).map((item) => item.id),
      );
      expect(second.nextCursor).toBeNull();
    } finally {
      await other.end();
    }
  });

  it('reads the matches in one statement, which also gives the total: no count runs first', async () => {
    for (let i = 0; i < 6; i += 1)
      await store({ title: `Whale ${i}`, paragraphs: ['whale'], teasers: [{ title: `Whale teaser ${i}` }] });
    const { pool, statements } = recordingPool(repository.url ?? '');
    try {
      const lists = postgresLists(pool, { rankedCandidates: 4 });
      // statements that read matches; an EXPLAIN only plans
      const reads = () => statements.filter((sql) => sql.includes('@@') && !sql.startsWith('EXPLAIN'));
      const articles = await lists.listArticles({ q: 'whale', limit: 2 });
      expect(articles.total).toEqual({ value: 4, exact: false });
      expect(reads()).toHaveLength(1);
      statements.length = 0;
      const teasers = await lists.searchTeasers({ q: 'whale', sort: 'relevance', limit: 2 });
      expect(teasers.total).toEqual({ value: 4, exact: false });
      expect(reads()).toHaveLength(1);
    } finally {
      await pool.end();
    }
  });

  it('tells an exact total from a capped one by the candidates found: one more than it ranks', async () => {
    const ids: number[] = [];
    const totals = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await store({ title: `Whale ${i}`, paragraphs: ['whale'] }));
      totals.push((await repository.listArticles({ q: 'whale', limit: 10 })).total);
    }
    expect(totals).toEqual([
      { value: 1, exact: true },
      { value: 2, exact: true },
      { value: 3, exact: true },
      { value: 4, exact: true },
      { value: 4, exact: false },
    ]);
    // the fifth match was found, not ranked: the newest four are
    const ranked = await repository.listArticles({ q: 'whale', limit: 10 });
    expect(ranked.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(ids.slice(1));
  });

  it('a cursor past the candidates (articles deleted since) ends the walk with the total found', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await store({ title: `Whale ${i}`, paragraphs: ['whale'] }));
    const first = await repository.listArticles({ q: 'whale', limit: 3 });
    await repository.pool?.query('DELETE FROM articles WHERE id = ANY($1::bigint[])', [ids.slice(0, 2)]);
    const rest = await repository.listArticles({ q: 'whale', limit: 3, cursor: first.nextCursor ?? '' });
    expect(rest).toEqual({
      items: [],
      nextCursor: null,
      total: { value: 2, exact: true },
      rankedWithin: { newestMatches: 4, allMatchesRanked: true },
    });
  });

  it('keeps a copy of each search vector in article_search on every write path', async () => {
    const pool = repository.pool as pg.Pool;
    const copies = async () =>
      (
        await pool.query<{ id: string; same: boolean | null }>(
          `SELECT a.id, s.search = a.search AS same
             FROM articles a LEFT JOIN article_search s ON s.article_id = a.id ORDER BY a.id`,
        )
      ).rows.map((row) => [Number(row.id), row.same]);
    const first = await store({ title: 'Whale seen', paragraphs: ['a whale'] });
    const second = await store({ title: 'Krill', paragraphs: ['krill only'] });
    expect(await copies()).toEqual([
      [first, true],
      [second, true],
    ]);
    await pool.query(`UPDATE articles SET search = to_tsvector('masthead', 'plankton') WHERE id = $1`, [
      second,
    ]);
    expect(await copies()).toEqual([
      [first, true],
      [second, true],
    ]);
    expect((await repository.listArticles({ q: 'plankton', limit: 5 })).items.map((item) => item.id)).toEqual(
      [second],
    );
    await pool.query('DELETE FROM articles WHERE id = $1', [first]);
    expect((await pool.query('SELECT article_id FROM article_search')).rows).toEqual([
      { article_id: String(second) },
    ]);
  });

  it('finds the same pages by either scan of the candidates, by relevance and in keyset orders', async () => {
    for (let i = 0; i < 9; i += 1)
      await store({
        title: i % 3 === 0 ? `Whale report ${i}` : `Notes ${i}`,
        paragraphs: [`a whale ${'whale '.repeat(i % 4)} seen`, i % 2 === 0 ? 'krill' : 'plankton'],
        language: i % 2 === 0 ? 'en' : 'fr',
        teasers: [{ title: `Whale teaser ${i}` }],
      });
    const walk = async (scan: Scans) => {
      const lists = postgresLists(repository.pool as pg.Pool, { rankedCandidates: 4, candidateScan: scan });
      const pages: unknown[] = [];
      for (const query of [
        { q: 'whale' },
        { q: 'whale krill' },
        { q: 'whale -krill', language: 'fr' },
        { q: 'whale', distinct: 'story' as const },
        { q: 'nothing-here' },
        { q: 'whale', sort: '-ingested' as const },
        { q: 'whale krill', sort: '-edition_date' as const },
        { q: 'whale', sort: 'ingested' as const, language: 'fr' },
      ]) {
        let cursor: string | undefined;
        do {
          const page = await lists.listArticles({ ...query, limit: 3, cursor });
          pages.push(page);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      pages.push(await lists.searchTeasers({ q: 'whale', sort: 'relevance', limit: 10 }));
      pages.push(await lists.searchTeasers({ q: 'whale', sort: '-stored', limit: 10 }));
      return pages;
    };
    const byBitmap = await walk('bitmap');
    expect(byBitmap.length).toBeGreaterThan(8);
    expect(await walk('index order')).toEqual(byBitmap);
  });
});
