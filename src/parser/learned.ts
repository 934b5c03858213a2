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

/** Currency codes printed beside prices, and English month names (printed in every UI language). */
const CURRENCY_CODE = /\b(?:usd|eur|gbp|inr|rs|pln|kr|chf|aud|cad|rp)\b\.?/gu;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gu;
/** Either of them may be in a line only if it holds one of these letters' pairs: skips both regexes for most lines. */
const WORD_FOLD_HINT = /[a-z]{2}/u;

const DIGIT = /\p{Nd}/u;
const CURRENCY_SIGN = /\p{Sc}/u;
const SPACE = /\s/u;
/** Character class of a code unit above ASCII: 1 digit, 2 currency sign, 3 space, 0 other (memoised). */
const wideClass = new Map<number, number>();
function classOf(code: number): number {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return 1;
    if (code === 0x24) return 2;
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return 3;
    return 0;
  }
  let known = wideClass.get(code);
  if (known === undefined) {
    const ch = String.fromCharCode(code);
    known = DIGIT.test(ch) ? 1 : CURRENCY_SIGN.test(ch) ? 2 : SPACE.test(ch) ? 3 : 0;
    if (wideClass.size < 4096) wideClass.set(code, known);
  }
  return known;
}
/** Separators inside a number (`1,299.00`, `23-04-2017`, `10:30`, `1'000`). */
function isNumberSeparator(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3a || code === 0x2f || code === 0x27 || code === 0x2d;
}

/**
 * The shape of a line: lower case, every number `0` (a run of digits with inner separators),
 * currency signs and codes `¤`, English month names `m`, spacing collapsed. `Try 7 days for
 * $1.99` and `Try 14 days for €2,49` share it. One pass over the characters; the two word
 * regexes run only on lines with Latin letters.
 */
export function lineShape(text: string): string {
  const lower = text.toLowerCase();
  const n = lower.length;
  let out = '';
  let from = 0;
  let i = 0;
  let space = true; // at the start: leading spaces are dropped
  while (i < n) {
    const kind = classOf(lower.charCodeAt(i));
    if (kind === 0) {
      space = false;
      i++;
      continue;
    }
    out += lower.slice(from, i);
    if (kind === 1) {
      i++;
      while (i < n) {
        const k = classOf(lower.charCodeAt(i));
        if (k === 1) i++;
        else if (
          i + 1 < n &&
          isNumberSeparator(lower.charCodeAt(i)) &&
          classOf(lower.charCodeAt(i + 1)) === 1
        )
          i += 2;
        else break;
      }
      out += '0';
      space = false;
    } else if (kind === 2) {
      while (i < n && classOf(lower.charCodeAt(i)) === 2) i++;
      out += '¤';
      space = false;
    } else {
      while (i < n && classOf(lower.charCodeAt(i)) === 3) i++;
      if (!space && i < n) out += ' ';
      space = true;
    }
    from = i;
  }
  out += lower.slice(from);
  if (!WORD_FOLD_HINT.test(out)) return out;
  return out.replace(MONTH, 'm').replace(CURRENCY_CODE, '¤');
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

/**
 * Whether a line is one the corpus counts and the parser looks up: not longer than
 * LEARNED_MAX_CHARS, and holding at least LEARNED_MIN_LETTERS letters (a bare number, a list
 * marker or a lone price is never learned: body text has them too). Letters: ASCII letters
 * and any character above ASCII that is not a digit, sign or space.
 */
function countable(text: string): boolean {
  if (text.length === 0 || text.length > LEARNED_MAX_CHARS) return false;
  let letters = 0;
  for (let i = 0; i < text.length && letters < LEARNED_MIN_LETTERS; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
    } else if (classOf(c) === 0 && c !== 0xa0) letters++;
  }
  return letters >= LEARNED_MIN_LETTERS;
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
export function learnedEvidence(text: string, shapes: ReadonlyMap<number, number> | undefined): number {
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
