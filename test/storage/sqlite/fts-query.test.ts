import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchQuery, type SearchPhrase, type SearchQuery } from '../../../src/storage/search-query.js';
import { indexTokens } from '../../../src/storage/snippet.js';
import { openDatabase } from '../../../src/storage/sqlite/index.js';
import { ftsMatch } from '../../../src/storage/sqlite/fts-query.js';

const match = (q: string) => ftsMatch(parseSearchQuery(q));

describe('ftsMatch', () => {
  it('quotes every word, so nothing typed reaches FTS5 as syntax', () => {
    expect(match('whales')).toBe('"whales"');
    expect(match('inter-Korean talks')).toBe('"inter korean" AND "talks"');
    expect(match('a OR "b c" OR d*')).toBe('("a" OR "b c" OR "d"*)');
    expect(match('whales -budget NOT "blue whale"')).toBe('"whales" NOT ("budget" OR "blue whale")');
    expect(match('title:korea NEAR AND')).toBe('"title korea" AND "near"');
  });

  it('gives no expression for a query with nothing to look for: it matches no article', () => {
    for (const q of ['', '*', '-budget', '- OR', '+++']) expect(match(q), q).toBeNull();
  });

  it('is accepted by FTS5 for any input, and finds what the grammar says', () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)');
    insert.run(1n, 'Inter-Korean talks resume', "Kim Jong-un sent an e-mail to North Korea's allies");
    insert.run(2n, 'U.S. and S’pore sign deal', '12,000 C++ programmers; café owners');
    insert.run(3n, 'Whale budget', 'The blue whale costs money');
    const select = db.prepare<[string], { id: number }>(
      'SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid',
    );
    const ids = (q: string): number[] => {
      const expression = match(q);
      return expression === null ? [] : select.all(expression).map((row) => row.id);
    };
    expect(ids('inter-Korean')).toEqual([1]);
    expect(ids('Kim Jong-un')).toEqual([1]);
    expect(ids('e-mail')).toEqual([1]);
    expect(ids("North Korea's")).toEqual([1]);
    expect(ids("S'pore")).toEqual([2]);
    expect(ids('U.S.')).toEqual([2]);
    expect(ids('12,000')).toEqual([2]);
    expect(ids('C++')).toEqual([2]);
    expect(ids('CAFÉ')).toEqual([2]);
    expect(ids('inter-Kor*')).toEqual([1]);
    expect(ids('whale -money')).toEqual([]);
    expect(ids('whale OR deal -money')).toEqual([2]);
    expect(ids('"blue whale" OR talks')).toEqual([1, 3]);
    expect(ids('"whale blue"')).toEqual([]);

    fc.assert(
      fc.property(fc.string({ maxLength: 256, unit: 'binary' }), (q) => {
        const expression = match(q);
        if (expression !== null) select.all(expression); // throws on an expression FTS5 rejects
      }),
      { numRuns: 2_000 },
    );
    db.close();
  });

  it('finds exactly what the grammar means, read over the words of each text', () => {
    /** The grammar's meaning, engine-free: what a PostgreSQL adapter must find too. */
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

    const vocabulary = [
      'whale',
      'Whales',
      'café',
      'CAFE',
      'inter-Korean',
      'Korea',
      'U.S.',
      '12,000',
      'C++',
      'blue',
    ];
    const operators = ['OR', 'AND', 'NOT', '-', '*', '"', '(', ')', 'wh*', 'kor*', '"blue whale"'];
    const texts = fc.sample(
      fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
      { numRuns: 40, seed: 12 },
    );
    const db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    texts.forEach((text, index) => insert.run(BigInt(index + 1), text));
    const select = db.prepare<[string], { id: number }>(
      'SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid',
    );

    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary, ...operators), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (parts, glued) => {
          const q = parts.join(glued ? '' : ' ');
          const query = parseSearchQuery(q);
          const expression = ftsMatch(query);
          const found = expression === null ? [] : select.all(expression).map((row) => row.id);
          const meant = texts.flatMap((text, index) =>
            meaning(query, indexTokens(text)) ? [index + 1] : [],
          );
          expect(found, `${q} → ${expression}`).toEqual(meant);
        },
      ),
      { numRuns: 500 },
    );
    db.close();
  });
});
