/**
 * Stage 3: segment. Put each classified line in context and cut the page into
 * its regions: the upsell block on top, the story, the paywall block (edition
 * line, trial, sign-in, "More stories from"), and the teaser cards.
 */

import type { ClassifiedLine, LineKind } from './classify.js';
import { findPrintedDate, type EditionLineMatch } from './edition.js';
import { isBoilerplate } from './ledger.js';
import { TRY_GOLD_SHAPE } from './rules/generic.js';
import { CARD_ALT_WINDOW, PAYWALL_REPEAT_WINDOW, SIGN_IN_MAX_CHARS, TRY_GOLD_MAX_CHARS } from './settings.js';
import { foldKey, hasUppercase } from './text.js';

/** Lines that close the story: what follows them is platform text and teasers. */
const STORY_END_KINDS: ReadonlySet<LineKind> = new Set([
  'edition-line',
  'trial',
  'paywall',
  'sign-in',
  'more-stories',
  'issue-contents',
  'brand',
]);
/** Lines that may sit above a story (upsell block, store navigation). */
const TOP_KINDS: ReadonlySet<LineKind> = new Set([
  'try-gold',
  'upsell',
  'promo',
  'price',
  'brand',
  'navigation',
  'chrome',
  'category',
  'issue-count',
]);
/** Boilerplate after which teaser cards start (the paywall block ends there). */
const TEASER_HEADER_KINDS: ReadonlySet<LineKind> = new Set(['more-stories', 'issue-contents']);
/** A generic "More stories from {pub}" header holds at most this much text besides the publication. */
const MORE_STORIES_EXTRA_CHARS = 40;
/** How far below the top label the header's metadata may start. */
const TOP_LABEL_META_LOOKAHEAD = 4;

export interface Segments {
  /** The lines with their kinds refined by context. */
  lines: ClassifiedLine[];
  /** End (exclusive) of the upsell block on top. */
  topEnd: number;
  /** End (exclusive) of the story region. */
  storyEnd: number;
  /** Start of the teaser region (after the paywall block). */
  teaserStart: number;
  /** The page lists an issue's contents (a store page): no main story. */
  issuePage: boolean;
  /** Repetitions of each text line's key (first and last position, count). */
  repeats: ReadonlyMap<string, { first: number; last: number; count: number }>;
}

function relabel(line: ClassifiedLine, kind: LineKind, extra: Partial<ClassifiedLine> = {}): ClassifiedLine {
  return { ...line, kind, ...extra };
}

function isHardMeta(line: ClassifiedLine | undefined): boolean {
  return line !== undefined && (line.kind === 'pipe' || line.kind === 'date');
}

function countRepeats(
  lines: readonly ClassifiedLine[],
): Map<string, { first: number; last: number; count: number }> {
  const map = new Map<string, { first: number; last: number; count: number }>();
  for (const line of lines) {
    if (line.kind !== 'text') continue;
    const key = foldKey(line.text);
    const seen = map.get(key);
    if (seen) {
      seen.last = line.index;
      seen.count++;
    } else map.set(key, { first: line.index, last: line.index, count: 1 });
  }
  return map;
}

/** The upsell block on top: labels, prices, and a price sentence (a text line right above a price). */
function findTopEnd(lines: ClassifiedLine[]): number {
  let t = 0;
  while (t < lines.length) {
    const line = lines[t];
    if (line === undefined) break;
    if (TOP_KINDS.has(line.kind)) {
      if (line.kind === 'brand') lines[t] = relabel(line, 'upsell');
      t++;
      continue;
    }
    if (line.kind === 'text' && lines[t + 1]?.kind === 'price') {
      lines[t] = relabel(line, 'upsell');
      t++;
      continue;
    }
    if (line.kind === 'text' && line.text.length <= TRY_GOLD_MAX_CHARS && TRY_GOLD_SHAPE.test(line.text)) {
      const metaAhead = lines.slice(t + 2, t + 2 + TOP_LABEL_META_LOOKAHEAD).some((l) => isHardMeta(l));
      if (metaAhead) {
        lines[t] = relabel(line, 'try-gold');
        t++;
        continue;
      }
    }
    break;
  }
  return t;
}

/**
 * Publication named by an edition line in an unknown language: the capitalised
 * words after the date, or else the capitalised run just before it.
 */
function guessPublication(text: string, dateStart: number, dateEnd: number): string | null {
  const after = text.slice(dateEnd).split(' ').filter(Boolean);
  const from = after.findIndex((w) => hasUppercase(w.charAt(0)));
  if (from >= 0) {
    const pub = after
      .slice(from)
      .join(' ')
      .replace(/[.。।]$/u, '')
      .trim();
    if (pub !== '') return pub;
  }
  const before = text.slice(0, dateStart).split(' ').filter(Boolean);
  const run: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i] ?? '';
    if (hasUppercase(w.charAt(0))) run.unshift(w);
    else if (run.length > 0) break;
  }
  return run.length > 0 ? run.join(' ') : null;
}

/** An edition line in a language no locale file knows, recognised by its place and its printed date. */
function recogniseGenericEdition(lines: ClassifiedLine[], storyEnd: number, topEnd: number): number {
  if (lines.some((l) => l.kind === 'edition-line')) return storyEnd;
  const prev = lines[storyEnd - 1];
  const end = lines[storyEnd];
  if (prev === undefined || end === undefined || prev.kind !== 'text' || prev.index < topEnd) return storyEnd;
  const date = findPrintedDate(prev.text);
  if (date === null) return storyEnd;
  const key = foldKey(prev.text);
  const repeated = lines.some((l) => l.index > storyEnd && l.kind === 'text' && foldKey(l.text) === key);
  if (!repeated && end.kind !== 'trial' && end.kind !== 'brand') return storyEnd;
  const edition: EditionLineMatch = {
    publication: guessPublication(prev.text, date.start, date.end),
    date: { label: date.label, iso: date.iso },
    issueText: null,
    placeholder: false,
  };
  for (let i = storyEnd - 1; i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && line.kind === 'text' && foldKey(line.text) === key)
      lines[i] = relabel(line, 'edition-line', { edition });
  }
  return storyEnd - 1;
}

/**
 * The paywall block: boilerplate lines from the story's end, plus lines in no
 * known wording that the page repeats inside the block (its second copy), and
 * a short question right after a trial sentence (the sign-in prompt).
 */
function extendPaywallBlock(lines: ClassifiedLine[], storyEnd: number): number {
  const publications = lines
    .filter((l) => l.kind === 'edition-line' && typeof l.edition?.publication === 'string')
    .map((l) => l.edition?.publication ?? '')
    .filter((p) => p !== '');
  let j = storyEnd;
  while (j < lines.length) {
    const line = lines[j];
    if (line === undefined) break;
    if (isBoilerplate(line)) {
      j++;
      if (TEASER_HEADER_KINDS.has(line.kind)) break;
      continue;
    }
    if (line.kind !== 'text') break;
    const key = foldKey(line.text).replace(' ?', '?');
    const neighbourIsBlock = [lines[j - 1], lines[j + 1]].some(
      (l) => l !== undefined && STORY_END_KINDS.has(l.kind) && !TEASER_HEADER_KINDS.has(l.kind),
    );
    const copied = lines
      .slice(Math.max(storyEnd, j - PAYWALL_REPEAT_WINDOW), j + PAYWALL_REPEAT_WINDOW)
      .some((l) => l.index !== j && l.kind !== 'edition-line' && foldKey(l.text).replace(' ?', '?') === key);
    if (neighbourIsBlock && copied) {
      lines[j] = relabel(line, 'paywall');
      j++;
      continue;
    }
    const named = namesPublication(line.text, publications, lines.slice(j + 1, j + 3));
    if (named !== null) {
      lines[j] = relabel(line, 'more-stories', { publication: named });
      j++;
      break;
    }
    const prev = lines[j - 1];
    const question = line.text.includes('?') || line.text.includes('؟');
    if (
      question &&
      line.text.length <= SIGN_IN_MAX_CHARS &&
      prev !== undefined &&
      (prev.kind === 'brand' || (prev.kind === 'trial' && prev.locales.length === 0))
    ) {
      lines[j] = relabel(line, 'sign-in');
      j++;
      continue;
    }
    break;
  }
  return j;
}

/**
 * "More stories from {pub}" in a wording no locale file knows: a short line
 * right after the paywall block that names the edition's publication and more.
 */
function namesPublication(
  text: string,
  publications: readonly string[],
  following: readonly ClassifiedLine[],
): string | null {
  const key = foldKey(text);
  for (const pub of publications) {
    const pubKey = foldKey(pub);
    if (key === pubKey || key.length > pubKey.length + MORE_STORIES_EXTRA_CHARS) continue;
    if (!key.startsWith(pubKey) && !key.endsWith(pubKey) && !key.includes(`${pubKey}view`)) continue;
    if (following.some((l) => foldKey(l.text) === pubKey)) return pub;
  }
  return null;
}

/**
 * A page without a paywall block whose lines are teaser cards (a listing):
 * the cards start at the card holding the first reading time.
 */
function findCardStart(
  lines: readonly ClassifiedLine[],
  from: number,
  repeats: ReadonlyMap<string, { first: number; last: number; count: number }>,
): number | null {
  let r = -1;
  for (let i = from; i < lines.length; i++) {
    const kind = lines[i]?.kind;
    if (kind === 'reading-time' || kind === 'card-publication') {
      r = i;
      break;
    }
  }
  if (r < 0) return null;
  if (lines[r]?.kind === 'card-publication') return r;
  let k = r - 1;
  let texts = 0;
  while (k >= from && texts < 2 && lines[k]?.kind === 'text') {
    texts++;
    k--;
  }
  const titleKey = foldKey(lines[k + 1]?.text ?? '');
  while (k >= from) {
    const line = lines[k];
    if (line === undefined || line.kind !== 'text') break;
    const key = foldKey(line.text);
    const rep = repeats.get(key);
    const far = rep !== undefined && rep.count >= 2 && rep.last - rep.first > CARD_ALT_WINDOW;
    const doubled = foldKey(lines[k + 1]?.text ?? '') === key;
    if (!far && !doubled && key !== titleKey) break;
    k--;
  }
  return k + 1;
}

export function segment(classified: readonly ClassifiedLine[]): Segments {
  const lines = [...classified];
  const topEnd = findTopEnd(lines);
  for (let i = topEnd; i < lines.length; i++) {
    const line = lines[i];
    if (line?.kind === 'category') lines[i] = relabel(line, 'text');
  }
  const repeats = countRepeats(lines);
  const issuePage = lines.some((l) => l.kind === 'issue-contents' || l.kind === 'issue-count');
  let storyEnd = lines.findIndex((l, i) => i >= topEnd && STORY_END_KINDS.has(l.kind));
  let teaserStart: number;
  if (storyEnd >= 0) {
    storyEnd = recogniseGenericEdition(lines, storyEnd, topEnd);
    teaserStart = extendPaywallBlock(lines, storyEnd);
  } else {
    storyEnd = findCardStart(lines, topEnd, repeats) ?? lines.length;
    teaserStart = storyEnd;
  }
  return { lines, topEnd, storyEnd, teaserStart, issuePage, repeats };
}
