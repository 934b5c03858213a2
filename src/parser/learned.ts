/**
 * Stage: corpus-learned boilerplate. A line whose *shape* (its text with numbers, prices,
 * month names, case and spacing folded) the corpus has seen on pages of several distinct
 * publications of the same platform is platform text, whatever its language.
 *
 * The parser stays pure: what the corpus learned comes in as `ParseOptions.learned`, a
 * snapshot the ingest layer builds from the database (`Repository.learnedShapes`). This
 * module also gives the storage side the one definition of a shape (`pageShapes`), so the
 * lines counted at ingest and the lines looked up at parse time are keyed alike.
 */

import {
  LEARNED_MAX_CHARS,
  LEARNED_MAX_LINES_PER_PAGE,
  LEARNED_MIN_LETTERS,
  LEARNED_MIN_PUBLICATIONS,
} from './settings.js';
import type { LearnedBoilerplate, ParsedPage } from './types.js';

/** A run of digits with their separators (`1,299.00`, `23-04-2017`, `10:30`): one number. */
const NUMBER_RUN = /\p{Nd}+(?:[.,:/'-]\p{Nd}+)*/gu;
/** Currency signs and codes printed beside prices. */
const CURRENCY = /\p{Sc}+|\b(?:usd|eur|gbp|inr|rs|pln|kr|chf|aud|cad|rp)\b\.?/gu;
/** English month names and their abbreviations: printed in every UI language. */
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gu;
const SPACES = /\s+/gu;

/**
 * The shape of a line: lower case, every number `0`, currency signs and codes `¤`, month
 * names `m`, spacing collapsed. `Try 7 days for $1.99` and `Try 14 days for €2,49` share it.
 */
export function lineShape(text: string): string {
  return text
    .toLowerCase()
    .replace(MONTH, 'm')
    .replace(CURRENCY, '¤')
    .replace(NUMBER_RUN, '0')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * A 53-bit hash of a shape (two FNV-1a lanes over UTF-16 units): a safe JavaScript integer
 * and an SQLite INTEGER, so the snapshot is a `Map<number, number>` and rows stay small.
 */
export function shapeHash(shape: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < shape.length; i++) {
    const c = shape.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

const LETTER = /\p{L}/gu;

/**
 * Whether a line is one the corpus counts and the parser looks up: not longer than
 * LEARNED_MAX_CHARS, and holding at least LEARNED_MIN_LETTERS letters (a bare number, a list
 * marker or a lone price is never learned: body text has them too).
 */
function countable(text: string): boolean {
  if (text.length === 0 || text.length > LEARNED_MAX_CHARS) return false;
  let letters = 0;
  LETTER.lastIndex = 0;
  while (LETTER.exec(text) !== null) if (++letters >= LEARNED_MIN_LETTERS) return true;
  return false;
}

/**
 * The line shapes of a parsed page, each once: every line the page printed (story fields,
 * teaser lines and removed lines), at most LEARNED_MAX_LINES_PER_PAGE of them, keyed by hash
 * with their shape text. What the store counts per publication at ingest.
 */
export function pageShapes(page: ParsedPage): Map<number, string> {
  const shapes = new Map<number, string>();
  const add = (text: string | null | undefined): void => {
    if (typeof text !== 'string' || !countable(text) || shapes.size >= LEARNED_MAX_LINES_PER_PAGE) return;
    const shape = lineShape(text);
    if (shape === '') return;
    const hash = shapeHash(shape);
    if (!shapes.has(hash)) shapes.set(hash, shape);
  };
  const story = page.story;
  if (story !== null) {
    add(story.title);
    add(story.deck);
    for (const paragraph of story.paragraphs) add(paragraph);
  }
  for (const teaser of page.teasers) {
    add(teaser.title);
    add(teaser.summary);
  }
  for (const line of page.removed) add(line.text);
  return shapes;
}

/** The platform key of the snapshot and the store: the platform, or '' when unknown. */
export function platformKey(platform: string | null | undefined): string {
  return platform ?? '';
}

/**
 * The evidence for a line: how many distinct publications of the page's platform printed
 * its shape, when that is at least LEARNED_MIN_PUBLICATIONS; otherwise 0.
 */
export function learnedEvidence(
  text: string,
  shapes: ReadonlyMap<number, number> | undefined,
): number {
  if (shapes === undefined || shapes.size === 0 || !countable(text)) return 0;
  const count = shapes.get(shapeHash(lineShape(text))) ?? 0;
  return count >= LEARNED_MIN_PUBLICATIONS ? count : 0;
}

/**
 * Relabels the lines the rules left as plain text whose shape the corpus learned as
 * platform text: they become `learned` boilerplate with their evidence count. Lines the
 * rules recognised keep their kind (their context matters to the later stages).
 */
export function applyLearned<L extends { text: string; kind: string }>(
  lines: L[],
  learned: LearnedBoilerplate | null | undefined,
  platform: string | null,
  relabel: (line: L, evidence: number) => L,
): void {
  const shapes = learned?.shapes.get(platformKey(platform));
  if (shapes === undefined || shapes.size === 0) return;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as L;
    if (line.kind !== 'text') continue;
    const evidence = learnedEvidence(line.text, shapes);
    if (evidence > 0) lines[i] = relabel(line, evidence);
  }
}
