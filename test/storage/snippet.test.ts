import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightTerms, parseSearchQuery } from '../../src/storage/search-query.js';
import {
  buildSnippet,
  highlightedSnippet,
  indexTokens,
  SNIPPET_SCAN_CHARS,
  SNIPPET_TOKENS,
  snippetHtml,
} from '../../src/storage/snippet.js';
import { openDatabase } from '../../src/storage/sqlite/index.js';

const FIXTURE_DIRS = ['../fixtures/pages/', '../fixtures/holdout/'].map(
  (dir) => new URL(dir, import.meta.url),
);

/** Every line of every captured page: real text in 17 UI languages and several scripts. */
function fixtureLines(): string[] {
  return FIXTURE_DIRS.flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readFileSync(new URL(`${entry.name}/raw.txt`, dir), 'utf8').split('\n')),
  );
}

const source = (body: string, title = 'A title') => ({ title, deck: null, paragraphs: [body] });
const terms = (q: string) => highlightTerms(parseSearchQuery(q));

describe('indexTokens', () => {
  it('cuts and folds words as FTS5 unicode61 remove_diacritics 2 does, on every captured line', () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab (t, instance);`);
    const lines = fixtureLines().filter((line) => line.trim() !== '');
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    db.transaction(() => lines.forEach((line, index) => insert.run(BigInt(index + 1), line)))();
    const indexed = new Map<number, string[]>();
    for (const row of db
      .prepare<[], { doc: number; term: string }>('SELECT doc, term FROM v ORDER BY doc, offset')
      .all()) {
      indexed.set(row.doc, [...(indexed.get(row.doc) ?? []), row.term]);
    }
    db.close();
    expect(lines.length).toBeGreaterThan(2_000);
    lines.forEach((line, index) => expect(indexTokens(line), line).toEqual(indexed.get(index + 1) ?? []));
  });
  it('strips the combining diacritics after any letter, as unicode61 does, and keeps precomposed non-Latin letters', () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab (t, instance);`);
    const lines = [
      'ж\u0301ук и\u0306 й ё ї',
      'α\u0301βγ ά ж\u0301\u0301\u0301',
      'e\u0301te ab\u0301\u0301c \u0301abc',
      'x\u0335y ж\u0335з कि a\u0308o ǘ ş',
    ];
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    lines.forEach((line, index) => insert.run(BigInt(index + 1), line));
    const rows = db
      .prepare<[], { doc: number; term: string }>('SELECT doc, term FROM v ORDER BY doc, offset')
      .all();
    db.close();
    lines.forEach((line, index) =>
      expect(indexTokens(line), line).toEqual(
        rows.filter((row) => row.doc === index + 1).map((row) => row.term),
      ),
    );
    expect(indexTokens(lines[0] ?? '')).toEqual(['жук', 'и', 'й', 'ё', 'ї']);
  });
});

describe('the terms a snippet marks', () => {
  it('are the words of the grammar: a hyphenated word marks both halves, exclusions none', () => {
    const text = 'Inter-Korean talks on C++ and the U.S. budget; no whales.';
    expect(buildSnippet(terms('inter-Korean C++ -budget NOT whales'), source(text))).toBe(
      '<mark>Inter</mark>-<mark>Korean</mark> talks on <mark>C</mark>++ and the U.S. budget; no whales.',
    );
    expect(buildSnippet(terms('U.S. whal*'), source(text))).toBe(
      'Inter-Korean talks on C++ and the <mark>U</mark>.<mark>S</mark>. budget; no <mark>whales</mark>.',
    );
  });
});

describe('buildSnippet', () => {
  it('shows the window with the matches, escaped, marked, and … where text is left out', () => {
    const before = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const snippet = buildSnippet(terms('orcas'), source(`${before} <b>Orcas</b> & dolphins. ${before}`));
    expect(snippet).toMatch(/^….* &#60;b&#62;<mark>Orcas<\/mark>&#60;\/b&#62; &#38; dolphins\. .*…$/);
    expect(snippet.match(/\bw\d+/g)).toHaveLength(SNIPPET_TOKENS - 4); // b, Orcas, b, dolphins
  });

  it('marks a word written with combining diacritics, as the index matched it (ж́ук is жук)', () => {
    expect(buildSnippet(terms('жук'), source('Большой ж\u0301ук сидел.'))).toBe(
      'Большой <mark>ж\u0301ук</mark> сидел.',
    );
    expect(buildSnippet(terms('ж\u0301у*'), source('Большой жук сидел.'))).toBe(
      'Большой <mark>жук</mark> сидел.',
    );
  });

  it('shows a short field whole, and prefers the field with more distinct terms', () => {
    expect(buildSnippet(terms('fjord'), source('Whales in the fjord.'))).toBe(
      'Whales in the <mark>fjord</mark>.',
    );
    expect(buildSnippet(terms('whale* fjord'), source('Whales in the fjord.', 'Whale news'))).toBe(
      '<mark>Whales</mark> in the <mark>fjord</mark>.',
    );
  });

  it('is bounded: a page of one word gives a short snippet, read only up to SNIPPET_SCAN_CHARS', () => {
    const text = 'walrus '.repeat(Math.ceil((2 * 1024 * 1024) / 7));
    const snippet = buildSnippet(terms('walrus'), source(text));
    expect(snippet.length).toBeLessThan(SNIPPET_TOKENS * 40);
    expect(snippet.startsWith('<mark>walrus</mark> ')).toBe(true);
    // What lies past SNIPPET_SCAN_CHARS changes nothing (the next test shows a match there is
    // not seen): 2 MiB give the snippet of their first SNIPPET_SCAN_CHARS characters.
    expect(snippet).toBe(buildSnippet(terms('walrus'), source(text.slice(0, SNIPPET_SCAN_CHARS))));
  });

  it('falls back to the start of the text when the match is past what it reads', () => {
    const body = `${'a '.repeat(SNIPPET_SCAN_CHARS)} narwhal`;
    const snippet = buildSnippet(terms('narwhal'), source(body));
    expect(snippet).not.toContain('<mark>');
    expect(snippet).toMatch(/^a a a .*…$/);
  });
});

describe('snippetHtml: the one rendering every engine uses', () => {
  it('escapes every part and wraps only the matches in <mark>', () => {
    expect(snippetHtml([{ text: '<b>"Orcas" & ' }, { text: "o'clock", mark: true }, { text: '</b>…' }])).toBe(
      '&#60;b&#62;&#34;Orcas&#34; &#38; <mark>o&#39;clock</mark>&#60;/b&#62;…',
    );
  });
});

describe('highlightedSnippet: an engine highlighter output (ts_headline), rendered the same way', () => {
  const markers = { start: '\u0002', stop: '\u0003' };

  it('turns marker pairs into <mark> and escapes the rest, as buildSnippet would render it', () => {
    const text = '<b>Orcas</b> & dolphins';
    const fromMarkers = highlightedSnippet('&lt;b> \u0002Orcas\u0003 & <i>', markers);
    expect(fromMarkers).toBe('&#38;lt;b&#62; <mark>Orcas</mark> &#38; &#60;i&#62;');
    // The same passage through both paths gives the same HTML.
    const snippet = buildSnippet([{ text: 'orcas', prefix: false }], {
      title: null,
      deck: null,
      paragraphs: [text],
    });
    expect(highlightedSnippet('<b>\u0002Orcas\u0003</b> & dolphins', markers)).toBe(snippet);
  });

  it('leaves out a marker without its pair, and shortens long runs as buildSnippet does', () => {
    expect(highlightedSnippet('a \u0002b c', markers)).toBe('a b c');
    expect(highlightedSnippet('a\u0003 b', markers)).toBe('a b');
    const long = 'x'.repeat(1000);
    expect(highlightedSnippet(`\u0002${long}\u0003`, markers).length).toBeLessThan(100);
  });
});
