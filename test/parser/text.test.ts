import { describe, expect, it } from 'vitest';
import { SubstringSet } from '../../src/parser/substrings.js';
import { foldKey, foldKeyOfLowerCase, IRREGULAR_SPACING, isWhitespace } from '../../src/parser/text.js';
import { mulberry32 } from '../helpers/random.js';

/** `foldKey` as it was written first: the regex the fast checks stand for. */
function referenceFoldKey(s: string): string {
  const folded = s.toLowerCase();
  return /\s\s|[^\S ]|^\s|\s$/u.test(folded) ? folded.split(/\s+/u).filter(Boolean).join(' ') : folded;
}

const WHITESPACE_SAMPLES = [
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
];
const OTHER_SAMPLES = ['a', 'B', 'é', 'İ', 'Σ', '.', '\u0085', '\u180e', '😀'];

function randomTexts(count: number): string[] {
  const rand = mulberry32(11);
  const symbols = [
    ...WHITESPACE_SAMPLES,
    '\u202f',
    '\u3000',
    '\ufeff',
    ...OTHER_SAMPLES,
    'Already a',
    'GOLD',
  ];
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(rand() * 12) }, () => symbols[Math.floor(rand() * symbols.length)]).join(
      '',
    ),
  );
}

describe('isWhitespace', () => {
  it('agrees with the regex class \\s on every code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if (isWhitespace(code) !== /\s/u.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });

  it('is false past the end of a string (NaN)', () => {
    expect(isWhitespace(''.charCodeAt(0))).toBe(false);
  });
});

describe('IRREGULAR_SPACING', () => {
  it('is two spaces and every whitespace character but the space', () => {
    expect(IRREGULAR_SPACING[0]).toBe('  ');
    const singles = IRREGULAR_SPACING.slice(1);
    expect(singles).toContain('\t');
    expect(singles).toContain('\u00a0');
    expect(singles).toContain('\u3000');
    expect(singles).not.toContain(' ');
    for (const s of singles) expect(/^\s$/u.test(s)).toBe(true);
  });
});

describe('foldKey', () => {
  it('lower-cases and irons out whitespace runs and ends', () => {
    expect(foldKey('  Already   a\tSubscriber ')).toBe('already a subscriber');
    expect(foldKey('FORBES INDIA')).toBe('forbes india');
    expect(foldKey('a\u3000b')).toBe('a b');
  });

  it('gives what its first, regex-only form gave, on random texts', () => {
    for (const text of randomTexts(3000))
      expect(foldKey(text), JSON.stringify(text)).toBe(referenceFoldKey(text));
  });
});

describe('foldKeyOfLowerCase', () => {
  it('gives foldKey when told which irregular spacing the lower-cased text holds', () => {
    const spacing = new SubstringSet(IRREGULAR_SPACING);
    for (const text of randomTexts(3000)) {
      const lowerCased = text.toLowerCase();
      expect(foldKeyOfLowerCase(lowerCased, spacing.foundIn(lowerCased)), JSON.stringify(text)).toBe(
        foldKey(text),
      );
    }
  });

  it('irons out spacing only where it was found', () => {
    const spacing = new SubstringSet(IRREGULAR_SPACING);
    expect(foldKeyOfLowerCase('a  b', spacing.foundIn('a  b'))).toBe('a b');
    expect(foldKeyOfLowerCase('a b', spacing.foundIn('a b'))).toBe('a b');
    expect(foldKeyOfLowerCase(' a b', new Set())).toBe('a b');
  });
});
