import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countTextWords, countWithIcu, countWords, FAST_ALPHABET } from '../../src/storage/word-count.js';
import { mulberry32 } from '../helpers/random.js';

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

describe('countTextWords', () => {
  it('counts as ICU does where the word-break rules matter', () => {
    const cases: [string, number][] = [
      ["don't stop", 2],
      ['O’Neil’s', 1],
      ['U.S. troops', 2],
      ['12,000.50 and 1;2', 3],
      ['a:b a.1 1.a', 5],
      ['well-known e-mail', 4],
      ['a..b', 2],
      ["l'homme «qui» rit", 3],
      ['3 p.m. — 40%', 3],
      ['', 0],
      ['… — !', 0],
    ];
    for (const [text, words] of cases) {
      expect(countWithIcu(text), `ICU on ${text}`).toBe(words);
      expect(countTextWords(text), text).toBe(words);
    }
  });

  it('agrees with ICU on every line of the captured pages', () => {
    const lines = fixtureLines();
    expect(lines.length).toBeGreaterThan(2000);
    const fast = lines.filter((line) => FAST_ALPHABET.test(line));
    // Most lines take the fast path; the others (Arabic, Hindi, CJK, …) go to ICU.
    expect(fast.length / lines.length).toBeGreaterThan(0.8);
    expect(fast.length).toBeLessThan(lines.length);
    for (const line of lines) expect(countTextWords(line), line).toBe(countWithIcu(line));
  });

  it('agrees with ICU on random text over the whole fast alphabet', () => {
    const letters = [...'abcxyzAZéüßøłœÆǅªºĳſ'];
    const digits = [...'0123456789'];
    const others = [...'.,;:!?\'"’‘“”«»()[]{}-–—/\\&%$€£@#*+=…|<>~^` \t\n\u00a0'];
    const next = mulberry32(20261130);
    const pick = (from: string[]) => from[Math.floor(next() * from.length)] ?? '';
    for (let run = 0; run < 20_000; run += 1) {
      let text = '';
      const length = 1 + Math.floor(next() * 16);
      for (let i = 0; i < length; i += 1) {
        const r = next();
        text += pick(r < 0.45 ? letters : r < 0.7 ? digits : others);
      }
      expect(FAST_ALPHABET.test(text), JSON.stringify(text)).toBe(true);
      expect(countTextWords(text), JSON.stringify(text)).toBe(countWithIcu(text));
    }
  });

  it('leaves text outside the fast alphabet to ICU', () => {
    for (const text of [
      '東京は日本の首都です',
      'مرحبا بالعالم',
      'e\u0301te\u0301',
      '12\u202f000 €',
      'snake_case',
    ]) {
      expect(FAST_ALPHABET.test(text), text).toBe(false);
      expect(countTextWords(text)).toBe(countWithIcu(text));
    }
    expect(countTextWords('東京は日本の首都です')).toBeGreaterThan(2);
  });
});

describe('countWords', () => {
  it('adds up the paragraphs', () => {
    expect(countWords(['Hello, world!', "It's 12,000 troops."])).toBe(5);
    expect(countWords([])).toBe(0);
  });
});
