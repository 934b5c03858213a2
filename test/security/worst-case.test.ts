/**
 * The parser on hostile 1 MiB inputs returns sane output: no failure, well-formed parts, the
 * text kept (or a warning saying why not). Nothing here is timed: parse time is measured by
 * `npm run bench:worst` (bench/parse-worst-case.ts), on the same inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGE, MiB, WORST_CASES } from '../../bench/lib/worst-case-inputs.js';
import { MAX_INPUT_LINES } from '../../src/parser/settings.js';
import { parsePage, type ParsedPage } from '../../src/parser/index.js';

function input(name: string): string {
  const worstCase = WORST_CASES.find((c) => c.name === name);
  if (worstCase === undefined) throw new Error(`no worst case named ${name}`);
  return worstCase.build(MiB);
}

function expectSane(out: ParsedPage): void {
  expect(Array.isArray(out.teasers)).toBe(true);
  expect(Array.isArray(out.removed)).toBe(true);
  expect(Array.isArray(out.warnings)).toBe(true);
  expect(out.warnings.filter((w) => w.startsWith('parser failed'))).toEqual([]);
  if (out.story !== null) {
    expect(Array.isArray(out.story.paragraphs)).toBe(true);
    for (const paragraph of out.story.paragraphs) {
      expect(paragraph).not.toBe('');
      expect(paragraph).not.toContain('\n');
    }
  }
  for (const teaser of out.teasers) expect(typeof teaser.title).toBe('string');
}

const storyText = (out: ParsedPage) => (out.story?.paragraphs ?? []).join('\n');

describe('parsePage on 1 MiB worst-case inputs', () => {
  it('builds each input at 1 MiB (UTF-8), within a character of it', () => {
    for (const worstCase of WORST_CASES) {
      const bytes = Buffer.byteLength(worstCase.build(MiB), 'utf8');
      expect(bytes, worstCase.name).toBeLessThanOrEqual(MiB);
      expect(bytes, worstCase.name).toBeGreaterThan(MiB - 4);
    }
  });

  it('all spaces: no text, said so', () => {
    const out = parsePage(input('all spaces'));
    expectSane(out);
    expect(out.story).toBeNull();
    expect(out.teasers).toEqual([]);
    expect(out.warnings).toContain('no text to parse');
  });

  // A story needs evidence (running prose, a platform or edition signal, a header): these
  // have none, so they are no story, the warning says why, and the line is accounted for.
  for (const name of ['one line of words', '‹ repeated', 'a×n then !']) {
    it(`${name}: no story, said why, the whole line accounted for in removed`, () => {
      const text = input(name);
      const out = parsePage(text);
      expectSane(out);
      expect(out.story).toBeNull();
      expect(out.warnings.some((w) => w.startsWith('no story:'))).toBe(true);
      expect(out.removed.map((removed) => removed.text)).toEqual([text.trim()]);
    });
  }

  it('mixed scripts: a story that keeps every script', () => {
    const out = parsePage(input('mixed scripts'));
    expectSane(out);
    expect(out.story?.paragraphs.length).toBeGreaterThan(1000);
    const text = storyText(out);
    for (const sample of ['minister', 'الوزير', 'मंत्री', '価格', '👩🏽‍💻']) expect(text).toContain(sample);
  });

  it('one-character lines: every line parsed is a paragraph or removed with a reason', () => {
    const text = input('one-character lines');
    const out = parsePage(text);
    expectSane(out);
    // Past MAX_INPUT_LINES the parser stops, and says so.
    expect(out.warnings.some((w) => w.includes(`more than ${MAX_INPUT_LINES} lines`))).toBe(true);
    const lines = text
      .split('\n')
      .slice(0, MAX_INPUT_LINES)
      .filter((l) => l !== '');
    const kept = out.story === null ? 0 : out.story.paragraphs.length + (out.story.title !== null ? 1 : 0);
    expect(kept + out.removed.length).toBe(lines.length);
    for (const removed of out.removed) expect(typeof removed.reason).toBe('string');
  });

  it('a real capture repeated: its edition, a story and teasers', () => {
    const single = parsePage(readFileSync(FIXTURE_PAGE, 'utf8'));
    const out = parsePage(input('fixture repeated'));
    expectSane(out);
    expect(out.story).not.toBeNull();
    expect(out.edition?.publication).toBe(single.edition?.publication);
    expect(out.edition?.date).toBe(single.edition?.date);
    expect(out.teasers.length).toBeGreaterThan(0);
  });
});
