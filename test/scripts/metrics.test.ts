import { describe, expect, it } from 'vitest';
import type { Expected, Fixture } from '../helpers/fixtures.js';
import {
  bodyTokenF1,
  leaks,
  precisionRecall,
  scorePage,
  summarize,
  tokens,
} from '../../scripts/lib/metrics.js';
import type { ParsedPage } from '../../src/parser/types.js';

const expected: Expected = {
  title: 'Big Title',
  deck: null,
  byline: null,
  dateline: null,
  publication: 'The Pub',
  edition_date: '2024-04',
  edition_label: 'April 2024',
  page_locale: 'en',
  body_paragraphs: ['One two three.', 'Four five.'],
  boilerplate_lines: [
    'Already a subscriber ? Sign In',
    'This story is from the April 2024 edition of The Pub.',
  ],
  layout_lines: ['Big Title', '|'],
  teasers: [{ title: 'T1', summary: 'S1', publication: null, date: null }],
  partial_teasers: [],
};

function output(overrides: Partial<ParsedPage> = {}): ParsedPage {
  return {
    story: {
      title: 'Big Title',
      deck: null,
      byline: null,
      dateline: null,
      paragraphs: ['One two three.', 'Four five.'],
      language: 'en',
    },
    edition: { publication: 'The Pub', date: '2024-04', label: 'April 2024', platform: 'magzter' },
    teasers: [{ title: 'T1', summary: 'S1', publication: null, date: null, partial: false }],
    page_locale: 'en',
    removed: [
      { text: 'Already a subscriber ? Sign In', reason: 'sign-in' },
      { text: 'This story is from the April 2024 edition of The Pub.', reason: 'edition-line' },
      { text: 'Big Title', reason: 'duplicate' },
      { text: '|', reason: 'layout' },
    ],
    warnings: [],
    ...overrides,
  };
}

const fixture: Fixture = {
  id: 'x',
  raw: '',
  source: { url: null, platform: 'magzter', truncated: false },
  expected,
};

describe('tokens and F1', () => {
  it('tokenizes words per script, lower-cased, without punctuation', () => {
    expect(tokens('Hello, World! 12,000 troops.')).toEqual(['hello', 'world', '12,000', 'troops']);
    expect(tokens('東京は日本').length).toBeGreaterThan(1);
  });

  it('computes multiset precision and recall', () => {
    expect(precisionRecall(['a', 'a', 'b'], ['a', 'b', 'c', 'd'])).toEqual({
      precision: 2 / 3,
      recall: 2 / 4,
      f1: (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5),
    });
    expect(precisionRecall([], [])).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(precisionRecall(['a'], []).f1).toBe(0);
  });

  it('scores body paragraphs as a bag of words', () => {
    expect(bodyTokenF1(['One two three.', 'Four five.'], ['one two three', 'four five'])).toBe(1);
    // 5 tokens found, 3 wanted, 3 shared: precision 0.6, recall 1
    expect(bodyTokenF1(['One two three.', 'Sign In'], ['One two three.'])).toBeCloseTo(0.75);
  });
});

describe('leaks', () => {
  it('finds nothing in a clean output, even when the title equals a layout line', () => {
    expect(leaks(output(), expected)).toEqual([]);
  });

  it('finds a boilerplate line kept as a paragraph, or glued inside one', () => {
    const kept = output({
      story: {
        ...output().story!,
        paragraphs: ['One two three.', 'Four five.', 'Already a subscriber ? Sign In'],
      },
    });
    expect(leaks(kept, expected)).toEqual(['Already a subscriber ? Sign In']);
    const glued = output({
      story: {
        ...output().story!,
        paragraphs: ['One two three.', 'Four five. Already a subscriber ? Sign In'],
      },
    });
    expect(leaks(glued, expected)).toHaveLength(1);
  });

  it('finds a repeated layout line kept as a teaser title', () => {
    const out = output({
      teasers: [
        ...output().teasers,
        { title: 'Big Title', summary: null, publication: null, date: null, partial: false },
      ],
    });
    expect(leaks(out, expected)).toEqual(['Big Title']);
  });
});

describe('scorePage and summarize', () => {
  it('gives a perfect score to a perfect output', () => {
    const score = scorePage(fixture, output());
    expect(score).toMatchObject({
      bodyF1: 1,
      storyPresenceRight: true,
      leaks: [],
      missingRemovals: [],
      teasers: { found: 1, wanted: 1, matched: 1 },
    });
    expect(Object.values(score.fields).every(Boolean)).toBe(true);
  });

  it('counts field misses, teaser misses and missing removals', () => {
    const out = output({
      edition: { publication: 'The Pub', date: '2024-04-01', label: 'April 2024', platform: 'magzter' },
      teasers: [{ title: 'T1', summary: 'S1', publication: null, date: null, partial: true }],
      removed: [],
    });
    const score = scorePage(fixture, out);
    expect(score.fields.edition_date).toBe(false);
    expect(score.fields.title).toBe(true);
    expect(score.teasers.matched).toBe(0);
    expect(score.missingRemovals).toHaveLength(4);
    const summary = summarize([score, scorePage(fixture, output())]);
    expect(summary.fieldAccuracy.edition_date).toBe(0.5);
    expect(summary.teaserPrecision).toBe(0.5);
    expect(summary.removalsAccounted).toBe(0.5);
    expect(summary.pagesWithLeaks).toBe(0);
  });
});
