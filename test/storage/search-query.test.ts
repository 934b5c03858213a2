import { describe, expect, it } from 'vitest';
import {
  highlightTerms,
  parseSearchQuery,
  searchTermCount,
  shortestPrefix,
  type SearchPhrase,
} from '../../src/storage/search-query.js';

const words = (...list: string[]): SearchPhrase => ({ words: list, prefix: false });
const prefix = (...list: string[]): SearchPhrase => ({ words: list, prefix: true });
/** The query as groups of alternatives (each group required) and exclusions. */
const parsed = (q: string) => parseSearchQuery(q);

describe('parseSearchQuery: words, "phrases", -excluded, OR, prefix*', () => {
  it('reads plain words as required terms, folded as the index folds them', () => {
    expect(parsed('Whales  Café')).toEqual({ required: [[words('whales')], [words('cafe')]], excluded: [] });
    expect(parsed('北朝鮮 ソウル')).toEqual({
      required: [[words('北朝鮮')], [words('ソウル')]],
      excluded: [],
    });
  });

  it('cuts a word with punctuation inside into the phrase the index holds', () => {
    const cases: [string, string[][]][] = [
      ['inter-Korean', [['inter', 'korean']]],
      ['Kim Jong-un', [['kim'], ['jong', 'un']]],
      ['e-mail', [['e', 'mail']]],
      ["North Korea's", [['north'], ['korea', 's']]],
      ["S'pore", [['s', 'pore']]],
      ['U.S.', [['u', 's']]],
      ['12,000', [['12', '000']]],
      ['C++', [['c']]],
      ['title:korea', [['title', 'korea']]],
      ['NEAR(orca', [['near', 'orca']]],
    ];
    for (const [q, phrases] of cases) {
      expect(parsed(q), q).toEqual({ required: phrases.map((list) => [words(...list)]), excluded: [] });
    }
  });

  it('reads "quoted text" as one phrase; an unclosed quote runs to the end', () => {
    expect(parsed('"Blue Whale" fjord')).toEqual({
      required: [[words('blue', 'whale')], [words('fjord')]],
      excluded: [],
    });
    expect(parsed('fjord "blue whale')).toEqual({
      required: [[words('fjord')], [words('blue', 'whale')]],
      excluded: [],
    });
    // Inside quotes, operators are words.
    expect(parsed('"to be OR not -to be"')).toEqual({
      required: [[words('to', 'be', 'or', 'not', 'to', 'be')]],
      excluded: [],
    });
    // A quote in the middle of a word starts a phrase there.
    expect(parsed('say"hi there"now')).toEqual({
      required: [[words('say')], [words('hi', 'there')], [words('now')]],
      excluded: [],
    });
  });

  it('excludes what follows a leading -, or NOT', () => {
    expect(parsed('whales -budget -"blue whale"')).toEqual({
      required: [[words('whales')]],
      excluded: [words('budget'), words('blue', 'whale')],
    });
    expect(parsed('whales NOT budget')).toEqual({
      required: [[words('whales')]],
      excluded: [words('budget')],
    });
    expect(parsed('-inter-Korean')).toEqual({ required: [], excluded: [words('inter', 'korean')] });
    // Only a leading - excludes; inside a word it is punctuation.
    expect(parsed('well-known')).toEqual({ required: [[words('well', 'known')]], excluded: [] });
  });

  it('joins neighbours with OR into one group of alternatives; AND is implicit', () => {
    expect(parsed('cricket OR budget whales')).toEqual({
      required: [[words('cricket'), words('budget')], [words('whales')]],
      excluded: [],
    });
    expect(parsed('a OR "b c" OR d*')).toEqual({
      required: [[words('a'), words('b', 'c'), prefix('d')]],
      excluded: [],
    });
    expect(parsed('whales AND budget')).toEqual({
      required: [[words('whales')], [words('budget')]],
      excluded: [],
    });
    // Parentheses are punctuation: the grouping they meant is what OR binds anyway.
    expect(parsed('(whales OR seals) budget')).toEqual(parsed('whales OR seals budget'));
    // Lower-case or is a word.
    expect(parsed('this or that')).toEqual({
      required: [[words('this')], [words('or')], [words('that')]],
      excluded: [],
    });
  });

  it('marks a word or phrase followed by * as a prefix', () => {
    expect(parsed('whal* "blue wh"* inter-Kor*')).toEqual({
      required: [[prefix('whal')], [prefix('blue', 'wh')], [prefix('inter', 'kor')]],
      excluded: [],
    });
    // A * not right after a letter or digit is punctuation.
    expect(parsed('C++* foo*bar whale *')).toEqual({
      required: [[words('c')], [words('foo', 'bar')], [words('whale')]],
      excluded: [],
    });
  });

  it('decides the edge cases: nothing here is an error', () => {
    const nothing = { required: [], excluded: [] };
    for (const q of ['', '   ', '*', '-', '- -', '"', '""', 'OR', 'AND', 'NOT', '+++', '( )', '—', '"*"']) {
      expect(parsed(q), q).toEqual(nothing);
    }
    // OR with nothing on one side, or next to an exclusion, joins nothing.
    expect(parsed('OR whales OR')).toEqual({ required: [[words('whales')]], excluded: [] });
    expect(parsed('whales OR OR seals')).toEqual({
      required: [[words('whales'), words('seals')]],
      excluded: [],
    });
    expect(parsed('whales OR -seals')).toEqual({ required: [[words('whales')]], excluded: [words('seals')] });
    expect(parsed('whales OR + seals')).toEqual({
      required: [[words('whales'), words('seals')]],
      excluded: [],
    });
    // NOT with nothing after it is dropped; a lone - is punctuation.
    expect(parsed('whales NOT')).toEqual({ required: [[words('whales')]], excluded: [] });
    expect(parsed('whales - seals')).toEqual({
      required: [[words('whales')], [words('seals')]],
      excluded: [],
    });
    expect(parsed('--whales')).toEqual({ required: [], excluded: [words('whales')] });
    expect(parsed('-budget')).toEqual({ required: [], excluded: [words('budget')] });
  });
});

describe('what the bounds count', () => {
  it('counts every word looked up, required or excluded, not operators', () => {
    expect(searchTermCount(parsed('korea'))).toBe(1);
    expect(searchTermCount(parsed('"special forces" AND korea*'))).toBe(3);
    expect(searchTermCount(parsed('a OR b NOT c'))).toBe(3);
    expect(searchTermCount(parsed('title:korea'))).toBe(2);
    expect(searchTermCount(parsed('北朝鮮 ソウル'))).toBe(2);
    expect(searchTermCount(parsed('12,000 -U.S.'))).toBe(4);
    expect(searchTermCount(parsed('((( )))'))).toBe(0);
  });

  it('measures the shortest prefix in characters of the folded word', () => {
    expect(shortestPrefix(parsed('whales'))).toBe(Number.POSITIVE_INFINITY);
    expect(shortestPrefix(parsed('whal* t*'))).toBe(1);
    expect(shortestPrefix(parsed('-t*'))).toBe(1);
    expect(shortestPrefix(parsed('é*'))).toBe(1);
    expect(shortestPrefix(parsed('"blue w"*'))).toBe(1);
    expect(shortestPrefix(parsed('"blue w" *'))).toBe(Number.POSITIVE_INFINITY);
    expect(shortestPrefix(parsed('北朝*'))).toBe(2);
  });
});

describe('highlightTerms', () => {
  it('marks the words of what is looked for, not of what is excluded', () => {
    expect(highlightTerms(parsed('inter-Korean OR whal* -budget NOT tax'))).toEqual([
      { text: 'inter', prefix: false },
      { text: 'korean', prefix: false },
      { text: 'whal', prefix: true },
    ]);
  });
});
