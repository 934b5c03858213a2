/** Odd input never throws: it yields empty parts and warnings. */

import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LINES } from '../../src/parser/settings.js';
import { parsePage, type ParsedPage } from '../../src/parser/index.js';

function pseudoRandomText(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(state % 0x10000);
  }
  return out;
}

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function expectWellFormed(out: ParsedPage): void {
  expect(Array.isArray(out.teasers)).toBe(true);
  expect(Array.isArray(out.removed)).toBe(true);
  expect(Array.isArray(out.warnings)).toBe(true);
}

describe('robustness', () => {
  it('empty string', () => {
    const out = parsePage('');
    expect(out).toEqual({
      story: null,
      edition: null,
      teasers: [],
      page_locale: null,
      removed: [],
      warnings: ['no text to parse'],
    });
  });

  it('only whitespace', () => {
    const out = parsePage(' \n\t\r\n\u00A0\u200B \n');
    expect(out.story).toBeNull();
    expect(out.warnings.length).toBeGreaterThan(0);
  });

  it('a 1 MiB single line', () => {
    const out = parsePage('One more sentence of plain prose. '.repeat(1 << 15));
    expectWellFormed(out);
    expect(out.story?.paragraphs).toHaveLength(1);
  });

  it('100k one-character lines: the first MAX_INPUT_LINES are parsed, with a warning', () => {
    const out = parsePage('x\n'.repeat(100_000));
    expectWellFormed(out);
    // no prose, platform or header: not a story, and every parsed line is accounted as removed
    expect(out.story).toBeNull();
    expect(out.removed).toHaveLength(MAX_INPUT_LINES);
    expect(out.warnings).toContain(
      `input has more than ${MAX_INPUT_LINES} lines: only the first ${MAX_INPUT_LINES} were parsed`,
    );
    const under = parsePage('x\n'.repeat(MAX_INPUT_LINES));
    expect(under.removed).toHaveLength(MAX_INPUT_LINES);
    expect(under.warnings.some((w) => w.includes('lines'))).toBe(false);
  });

  it('100k repeated boilerplate and date lines', () => {
    expectWellFormed(parsePage('Already a subscriber ? Sign In\nx\n'.repeat(50_000)));
    expectWellFormed(parsePage('October 23, 2024\n|\n-\n5 min\nPUB\nPUB\n'.repeat(20_000)));
  });

  it('random UTF-16 code units', () => {
    expectWellFormed(parsePage(pseudoRandomText(200_000, 7)));
  });

  it('random bytes decoded as UTF-8', () => {
    expectWellFormed(parsePage(new TextDecoder().decode(pseudoRandomBytes(500_000, 11))));
  });

  it('pathological shapes for the vocabulary', () => {
    expectWellFormed(parsePage(`This story is from the ${'x '.repeat(200_000)} edition of Y.`));
    expectWellFormed(parsePage('October '.repeat(200_000)));
    expectWellFormed(parsePage('&amp;'.repeat(200_000)));
    expectWellFormed(parsePage(`'${'é'.repeat(100_000)}'`));
    expectWellFormed(parsePage(`![${'['.repeat(100_000)}](`));
    expectWellFormed(parsePage(`${'$1'.repeat(100_000)}x`));
    expectWellFormed(parsePage(`${'1 '.repeat(100_000)}min`));
  });

  it('non-string input from untyped callers', () => {
    expectWellFormed(parsePage(undefined as unknown as string));
    expectWellFormed(parsePage(42 as unknown as string, null as unknown as undefined));
  });
});
