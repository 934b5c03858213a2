import { describe, expect, it } from 'vitest';
import { SubstringSet } from '../../src/parser/substrings.js';
import { mulberry32 } from '../helpers/random.js';

const found = (set: SubstringSet, text: string): string[] => [...set.foundIn(text)].sort();

describe('SubstringSet', () => {
  it('finds a string at the start, in the middle and at the end of a text', () => {
    const set = new SubstringSet(['magzter gold']);
    expect(found(set, 'magzter gold free trial')).toEqual(['magzter gold']);
    expect(found(set, 'try magzter gold now')).toEqual(['magzter gold']);
    expect(found(set, 'subscribe to magzter gold')).toEqual(['magzter gold']);
    expect(found(set, 'magzter gold')).toEqual(['magzter gold']);
  });

  it('finds nothing (an empty set) in a text holding none of the strings', () => {
    const set = new SubstringSet(['min read', '?']);
    expect(set.foundIn('An ordinary sentence.').size).toBe(0);
    expect(set.foundIn('').size).toBe(0);
    expect(set.foundIn('min rea').size).toBe(0);
  });

  it('finds overlapping strings and strings inside others (failure links)', () => {
    const set = new SubstringSet(['he', 'she', 'his', 'hers']);
    expect(found(set, 'ushers')).toEqual(['he', 'hers', 'she']);
    expect(found(set, 'this')).toEqual(['his']);
    expect(found(set, 'shhe')).toEqual(['he']);
    const nested = new SubstringSet(['aab', 'ab', 'b', 'abc']);
    expect(found(nested, 'aaab')).toEqual(['aab', 'ab', 'b']);
    expect(found(nested, 'xabcx')).toEqual(['ab', 'abc', 'b']);
  });

  it('reports each string once however often it occurs', () => {
    const set = new SubstringSet(['  ']);
    expect([...set.foundIn('a  b    c  ')]).toEqual(['  ']);
  });

  it('is case-sensitive and compares code units', () => {
    const set = new SubstringSet(['gold', 'से और कहानियाँ', 'のその他の記事', '😀', '？']);
    expect(found(set, 'GOLD')).toEqual([]);
    expect(found(set, 'Motoring World से और कहानियाँ')).toEqual(['से और कहानियाँ']);
    expect(found(set, 'NATIONAL GEOGRAPHICのその他の記事')).toEqual(['のその他の記事']);
    expect(found(set, 'smile 😀!')).toEqual(['😀']);
    expect(found(set, '已经是订阅者？登录')).toEqual(['？']);
  });

  it('ignores empty and duplicate strings', () => {
    const set = new SubstringSet(['', 'ab', 'ab']);
    expect(found(set, 'xaby')).toEqual(['ab']);
    expect(found(set, 'xy')).toEqual([]);
    expect(new SubstringSet([]).foundIn('anything').size).toBe(0);
  });

  it('finds exactly what String#includes finds, on random texts', () => {
    const rand = mulberry32(7);
    const alphabet = ['a', 'b', 'c', ' ', 'é', 'ी', '\u3000', '😀'];
    const pick = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const strings = Array.from({ length: 1 + Math.floor(rand() * 12) }, () =>
        pick(1 + Math.floor(rand() * 4)),
      );
      const set = new SubstringSet(strings);
      for (let k = 0; k < 20; k++) {
        const text = pick(Math.floor(rand() * 40));
        const expected = [...new Set(strings.filter((s) => text.includes(s)))].sort();
        expect(found(set, text), `${JSON.stringify(strings)} in ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
  });
});
