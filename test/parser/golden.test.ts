/**
 * Golden pages: each folder under test/fixtures/pages holds a real capture
 * (raw.txt), its source (source.json) and the hand-labelled result
 * (expected.json). Every page must parse without throwing and keep the
 * accounting invariants; every page not listed in KNOWN_GAPS must match its
 * labels exactly.
 */

import { describe, expect, it } from 'vitest';
import {
  expectedShape,
  expectsNoStory,
  loadFixtures,
  missingRemovals,
  toExpectedShape,
  type Fixture,
} from '../helpers/fixtures.js';
import { normalizedLines, parsePage, type ParsedPage } from '../../src/parser/index.js';

/**
 * Fixtures whose output is not yet exactly the expected one. Each still has
 * to pass the invariants; an entry that starts to match exactly fails the
 * suite until it is removed from here, so the list can only shrink.
 */
const KNOWN_GAPS: readonly string[] = [];

const FIXTURES = loadFixtures();

function parseFixture(f: Fixture): ParsedPage {
  return parsePage(f.raw, { url: f.source.url });
}

function isExact(f: Fixture): boolean {
  const out = parseFixture(f);
  const e = f.expected;
  const storyRule = expectsNoStory(e) ? out.story === null : out.story !== null;
  return (
    JSON.stringify(toExpectedShape(out)) === JSON.stringify(expectedShape(e)) &&
    missingRemovals(out, e).length === 0 &&
    storyRule
  );
}

/** Every output field value, as the lines that may have produced it. */
function fieldValues(out: ParsedPage): string[] {
  const values: string[] = [];
  if (out.story) {
    for (const v of [out.story.title, out.story.deck, out.story.byline]) if (v !== null) values.push(v);
    values.push(...out.story.paragraphs);
  }
  for (const t of out.teasers) {
    for (const v of [t.title, t.summary, t.publication, t.date]) if (v !== null) values.push(v);
  }
  return values;
}

/**
 * A first body line whose drop cap was repaired (`A27 de…` → `A 27 de…`,
 * `the bank…` → `The bank…`): the same text once case and spaces are folded.
 */
function dropCapRepair(line: string, value: string): boolean {
  const fold = (s: string): string => s.toLowerCase().replaceAll(' ', '');
  return value.length > 1 && fold(line) === fold(value);
}

/**
 * Lines the parser did not account for: every non-empty normalized line must
 * be a removed line or an output value (or hold one, for glued lines such as
 * `Pub3 min read` or `- By Name`), each removed line used once.
 */
function unaccountedLines(raw: string, out: ParsedPage): { lines: string[]; extraRemoved: string[] } {
  const removed = out.removed.map((r) => r.text);
  const fields = fieldValues(out);
  const unaccounted: string[] = [];
  for (const line of normalizedLines(raw)) {
    const r = removed.indexOf(line);
    if (r >= 0) {
      removed.splice(r, 1);
      continue;
    }
    const f = fields.indexOf(line);
    if (f >= 0) {
      fields.splice(f, 1);
      continue;
    }
    if (!fieldValues(out).some((v) => v !== '' && (line.includes(v) || dropCapRepair(line, v))))
      unaccounted.push(line);
  }
  return { lines: unaccounted, extraRemoved: removed };
}

describe('golden pages', () => {
  it('finds the fixtures, including the seed', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(24);
    expect(FIXTURES.map((f) => f.id)).toContain('000-de-seed');
  });

  it('KNOWN_GAPS names existing fixtures only, and never the seed', () => {
    const ids = FIXTURES.map((f) => f.id);
    for (const id of KNOWN_GAPS) expect(ids).toContain(id);
    expect(KNOWN_GAPS).not.toContain('000-de-seed');
  });

  it('every KNOWN_GAPS fixture is still inexact (the list can only shrink)', () => {
    const nowExact = FIXTURES.filter((f) => KNOWN_GAPS.includes(f.id) && isExact(f)).map((f) => f.id);
    expect(nowExact).toEqual([]);
  });

  for (const fixture of FIXTURES) {
    describe(fixture.id, () => {
      it('parses without throwing, deterministically', () => {
        const first = parseFixture(fixture);
        const second = parseFixture(fixture);
        expect(second).toEqual(first);
        expect(Array.isArray(first.warnings)).toBe(true);
      });

      it('accounts for every non-empty line exactly once', () => {
        const out = parseFixture(fixture);
        const { lines, extraRemoved } = unaccountedLines(fixture.raw, out);
        expect(lines).toEqual([]);
        expect(extraRemoved).toEqual([]);
      });

      it('keeps boilerplate out of the story and the teasers', () => {
        const out = parseFixture(fixture);
        const kept = [
          ...(out.story?.paragraphs ?? []),
          out.story?.title,
          out.story?.deck,
          ...out.teasers.flatMap((t) => [t.title, t.summary]),
        ].filter((v): v is string => typeof v === 'string');
        for (const line of fixture.expected.boilerplate_lines) expect(kept).not.toContain(line);
      });

      it('uses the URL only as a platform hint', () => {
        const withUrl = toExpectedShape(parseFixture(fixture));
        const withoutUrl = toExpectedShape(parsePage(fixture.raw));
        expect(withoutUrl).toEqual(withUrl);
      });

      if (KNOWN_GAPS.includes(fixture.id)) {
        it('is still a known gap (remove it from KNOWN_GAPS once it matches)', () => {
          expect(isExact(fixture)).toBe(false);
        });
      } else {
        it('matches expected.json exactly', () => {
          const out = parseFixture(fixture);
          expect(toExpectedShape(out)).toEqual(expectedShape(fixture.expected));
          expect(missingRemovals(out, fixture.expected)).toEqual([]);
          if (expectsNoStory(fixture.expected)) expect(out.story).toBeNull();
          else expect(out.story).not.toBeNull();
        });
      }
    });
  }

  it('000-de-seed: full edition, platform and the four boilerplate lines', () => {
    const seed = FIXTURES.find((f) => f.id === '000-de-seed');
    expect(seed).toBeDefined();
    if (!seed) return;
    const out = parsePage(seed.raw);
    expect(out.edition).toEqual({
      publication: 'The Straits Times',
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    });
    expect(out.story?.paragraphs).toHaveLength(8);
    expect(out.story?.dateline).toBe('SEOUL');
    expect(out.story?.language).toBe('en');
    expect(out.teasers).toHaveLength(10);
    expect(out.teasers.every((t) => t.publication === null && t.date === null && !t.partial)).toBe(true);
    expect(out.page_locale).toBe('de');
    expect(out.removed.map((r) => r.reason)).toEqual([
      'edition-line',
      'paywall',
      'sign-in',
      'edition-line',
      'paywall',
      'sign-in',
    ]);
  });
});
