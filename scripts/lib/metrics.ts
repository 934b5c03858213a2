/**
 * Extraction-quality metrics over labelled pages, as trafilatura's evaluation measures
 * them: bag-of-words token F1 for the body, exact match for the metadata fields,
 * precision and recall for the teasers, and a count of pages where platform text leaks
 * into what a reader sees.
 */
import type { ParsedPage } from '../../src/parser/types.js';
import {
  expectsNoStory,
  missingRemovals,
  outputTexts,
  type Expected,
  type Fixture,
} from '../../test/helpers/fixtures.js';

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Lower-cased word tokens, segmented per script (CJK has no spaces). */
export function tokens(text: string): string[] {
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(text.toLowerCase())) {
    if (segment.isWordLike) words.push(segment.segment);
  }
  return words;
}

function counts(items: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/** Size of the multiset intersection of two lists. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const left = counts(a);
  let shared = 0;
  for (const item of b) {
    const n = left.get(item) ?? 0;
    if (n > 0) {
      shared += 1;
      left.set(item, n - 1);
    }
  }
  return shared;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of `found` against `wanted` as multisets; both empty is perfect. */
export function precisionRecall(found: readonly string[], wanted: readonly string[]): PrecisionRecall {
  if (found.length === 0 && wanted.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const shared = overlap(found, wanted);
  const precision = found.length === 0 ? 0 : shared / found.length;
  const recall = wanted.length === 0 ? 0 : shared / wanted.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Bag-of-words F1 between two sets of paragraphs. */
export function bodyTokenF1(found: readonly string[], wanted: readonly string[]): number {
  return precisionRecall(tokens(found.join('\n')), tokens(wanted.join('\n'))).f1;
}

/** Metadata fields scored by exact match. */
export const EXACT_FIELDS = [
  'title',
  'deck',
  'byline',
  'dateline',
  'publication',
  'edition_date',
  'edition_label',
  'page_locale',
] as const;
export type ExactField = (typeof EXACT_FIELDS)[number];

function actualField(out: ParsedPage, field: ExactField): string | null {
  switch (field) {
    case 'title':
    case 'deck':
    case 'byline':
    case 'dateline':
      return out.story?.[field] ?? null;
    case 'publication':
      return out.edition?.publication ?? null;
    case 'edition_date':
      return out.edition?.date ?? null;
    case 'edition_label':
      return out.edition?.label ?? null;
    case 'page_locale':
      return out.page_locale;
  }
}

function expectedTexts(expected: Expected): string[] {
  const texts = [expected.title, expected.deck, expected.byline, ...expected.body_paragraphs];
  for (const teaser of [...expected.teasers, ...expected.partial_teasers])
    texts.push(teaser.title, teaser.summary);
  return texts.filter((text): text is string => typeof text === 'string' && text !== '');
}

/** Boilerplate lines shorter than this are matched whole only, never as substrings. */
const MIN_LEAK_SUBSTRING = 10;

/**
 * Output texts the labels do not have that carry platform text: a boilerplate line
 * (whole or inside a longer text) or a layout line (whole).
 */
export function leaks(out: ParsedPage, expected: Expected): string[] {
  const extra = counts(expectedTexts(expected));
  const unexpected: string[] = [];
  for (const text of outputTexts(out)) {
    const n = extra.get(text) ?? 0;
    if (n > 0) extra.set(text, n - 1);
    else unexpected.push(text);
  }
  return unexpected.filter(
    (text) =>
      expected.layout_lines.includes(text) ||
      expected.boilerplate_lines.some(
        (line) => text === line || (line.length >= MIN_LEAK_SUBSTRING && text.includes(line)),
      ),
  );
}

function teaserKeys(
  teasers: readonly {
    title: string;
    summary: string | null;
    publication: string | null;
    date: string | null;
  }[],
  partial: boolean,
): string[] {
  return teasers.map((t) => JSON.stringify([t.title, t.summary, t.publication, t.date, partial]));
}

export interface PageScore {
  id: string;
  bodyF1: number;
  storyPresenceRight: boolean;
  fields: Record<ExactField, boolean>;
  teasers: { found: number; wanted: number; matched: number };
  leaks: string[];
  missingRemovals: string[];
}

export function scorePage(fixture: Fixture, out: ParsedPage): PageScore {
  const { expected } = fixture;
  const fields = Object.fromEntries(
    EXACT_FIELDS.map((field) => [field, actualField(out, field) === expected[field]]),
  ) as Record<ExactField, boolean>;
  const found = [
    ...teaserKeys(
      out.teasers.filter((t) => !t.partial),
      false,
    ),
    ...teaserKeys(
      out.teasers.filter((t) => t.partial),
      true,
    ),
  ];
  const wanted = [...teaserKeys(expected.teasers, false), ...teaserKeys(expected.partial_teasers, true)];
  return {
    id: fixture.id,
    bodyF1: bodyTokenF1(out.story?.paragraphs ?? [], expected.body_paragraphs),
    storyPresenceRight: expectsNoStory(expected) === (out.story === null),
    fields,
    teasers: { found: found.length, wanted: wanted.length, matched: overlap(found, wanted) },
    leaks: leaks(out, expected),
    missingRemovals: missingRemovals(out, expected),
  };
}

export interface Summary {
  pages: number;
  bodyF1Mean: number;
  bodyF1Min: number;
  pagesWithLeaks: number;
  storyPresence: number;
  fieldAccuracy: Record<ExactField, number>;
  teaserPrecision: number;
  teaserRecall: number;
  removalsAccounted: number;
}

export function summarize(scores: readonly PageScore[]): Summary {
  const n = scores.length || 1;
  const share = (predicate: (score: PageScore) => boolean) => scores.filter(predicate).length / n;
  const teaserTotals = scores.reduce(
    (sum, score) => ({
      found: sum.found + score.teasers.found,
      wanted: sum.wanted + score.teasers.wanted,
      matched: sum.matched + score.teasers.matched,
    }),
    { found: 0, wanted: 0, matched: 0 },
  );
  return {
    pages: scores.length,
    bodyF1Mean: scores.reduce((sum, score) => sum + score.bodyF1, 0) / n,
    bodyF1Min: Math.min(1, ...scores.map((score) => score.bodyF1)),
    pagesWithLeaks: scores.filter((score) => score.leaks.length > 0).length,
    storyPresence: share((score) => score.storyPresenceRight),
    fieldAccuracy: Object.fromEntries(
      EXACT_FIELDS.map((field) => [field, share((score) => score.fields[field])]),
    ) as Record<ExactField, number>,
    teaserPrecision:
      teaserTotals.found === 0
        ? teaserTotals.wanted === 0
          ? 1
          : 0
        : teaserTotals.matched / teaserTotals.found,
    teaserRecall: teaserTotals.wanted === 0 ? 1 : teaserTotals.matched / teaserTotals.wanted,
    removalsAccounted: share((score) => score.missingRemovals.length === 0),
  };
}
