/**
 * The parser's output. Field names are part of the public contract (they are
 * served as-is by `POST /v1/parse`): add fields freely, rename none.
 */

import type { Platform } from './rules/platforms.js';

export type { Platform };

export interface Story {
  title: string | null;
  deck: string | null;
  byline: string | null;
  /** Place prefix of the first body paragraph (`SEOUL` in `SEOUL - As …`); the paragraph stays whole. */
  dateline: string | null;
  paragraphs: string[];
  /** Figure captions of an HTML page (`<figcaption>`), never in `paragraphs`; absent for text input. */
  captions?: string[];
  /** BCP 47 language of the story text, detected; null when too short to tell. */
  language: string | null;
}

export interface Edition {
  publication: string | null;
  /** ISO date with the precision printed: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` (an annual), or null. */
  date: string | null;
  /** The date text exactly as printed (`October 23, 2024`). */
  label: string | null;
  platform: Platform | null;
}

export interface Teaser {
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
  /** True when the card was cut by the end of the captured text. */
  partial: boolean;
}

export type RemovalReason =
  | 'paywall'
  | 'edition-line'
  | 'sign-in'
  | 'more-stories'
  | 'upsell'
  | 'reading-time'
  | 'duplicate'
  | 'layout'
  | 'navigation'
  | 'learned-boilerplate';

export interface RemovedLine {
  text: string;
  reason: RemovalReason;
  /**
   * `learned-boilerplate` only: how many distinct publications of the page's platform the
   * corpus saw this line's shape on.
   */
  evidence?: number;
}

export interface ParsedPage {
  story: Story | null;
  edition: Edition | null;
  teasers: Teaser[];
  /** BCP 47 tag of the platform's UI strings on the page, or null when none are printed. */
  page_locale: string | null;
  removed: RemovedLine[];
  warnings: string[];
}

export interface ParseOptions {
  /** Source URL, when known: a hint for the platform, never for the UI language. */
  url?: string | null;
  /**
   * Whether the capture was cut short at its end (its last line may be cut).
   * When omitted, a text of the usual capture size whose last line has no
   * line break is taken as cut.
   */
  truncated?: boolean | null;
  /**
   * What the corpus learned: line shapes seen on pages of several distinct publications.
   * Lines the rules leave as text whose shape is in it are removed as `learned-boilerplate`.
   */
  learned?: LearnedBoilerplate | null;
}

/**
 * A snapshot of corpus-learned boilerplate (built by the ingest layer from the database):
 * per platform (`''` when unknown), shape hash (`shapeHash(lineShape(line))` in learned.ts)
 * → distinct publications that printed it. Plain Maps: it crosses to parse workers by
 * structured clone.
 */
export interface LearnedBoilerplate {
  shapes: ReadonlyMap<string, ReadonlyMap<number, number>>;
}
