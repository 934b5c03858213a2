/**
 * What the segment stage's parts share: the line kinds that open or close a page's regions
 * (the upsell block on top, the story, the paywall block, the teaser cards) and two tests on a
 * single line. Used by segment.ts, upsells.ts and walls.ts.
 */

import { type ClassifiedLine, type LineKind } from './classify.js';
import { SIGN_IN_MAX_CHARS } from './settings.js';

/** Lines that close the story: what follows them is platform text and teasers. */
export const STORY_END_KINDS: ReadonlySet<LineKind> = new Set([
  'edition-line',
  'trial',
  'paywall',
  'sign-in',
  'more-stories',
  'issue-contents',
  'brand',
]);
/** Lines that may sit above a story (upsell block, store navigation). */
export const TOP_KINDS: ReadonlySet<LineKind> = new Set([
  'try-gold',
  'upsell',
  'promo',
  'price',
  'brand',
  'navigation',
  'chrome',
  'category',
  'issue-count',
  'lost-glyphs',
]);
/** Boilerplate after which teaser cards start (the paywall block ends there). */
export const TEASER_HEADER_KINDS: ReadonlySet<LineKind> = new Set(['more-stories', 'issue-contents']);
/** Lines that name the paid tier (Magzter GOLD): platform text only when platform-shaped. */
export const TIER_KINDS: ReadonlySet<LineKind> = new Set(['brand', 'trial']);

export function isHardMeta(line: ClassifiedLine | undefined): boolean {
  return line !== undefined && (line.kind === 'pipe' || line.kind === 'date');
}

/** Greek letters: in Greek text `;` is the question mark (NFC folds U+037E into it). */
const GREEK_LETTER = /\p{Script=Greek}/u;

export function isQuestion(line: ClassifiedLine | undefined): boolean {
  if (line === undefined || line.text.length > SIGN_IN_MAX_CHARS) return false;
  const text = line.text;
  if (text.includes('?') || text.includes('؟') || text.includes('？')) return true;
  return text.includes(';') && GREEK_LETTER.test(text);
}
