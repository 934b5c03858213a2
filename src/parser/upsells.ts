/**
 * The upsell block above a story (part of stage 3, segment): Magzter GOLD labels, prices and
 * price sentences, a store's menu under its logo, found by kind and by shape in any language,
 * and an upsell printed after the story's header. `findTopEnd` gives where the story may start.
 */

import { relabel, type ClassifiedLine, type LineKind } from './classify.js';
import { bannersOnTop } from './banners.js';
import { logoPlatform } from './platform-grammars.js';
import { TRY_GOLD_SHAPE, TRY_GOLD_WORD_MAX_LETTERS } from './rules/generic.js';
import { PLATFORMS } from './rules/platforms.js';
import {
  DECK_MAX_CHARS,
  MENU_LABEL_MAX_WORDS,
  MENU_MIN_LABELS,
  TIER_LINE_MAX_CHARS,
  TOP_LABEL_META_LOOKAHEAD,
  TRY_GOLD_MAX_CHARS,
  UPSELL_HEADER_WINDOW,
  UPSELL_LINE_MAX_CHARS,
} from './settings.js';
import { endsSentence } from './text.js';
import { isShortLink } from './card-zone.js';
import { isHardMeta, STORY_END_KINDS, TOP_KINDS } from './regions.js';

/** A word in capitals (`ZLATO`, `IGOLIDE`, `ΧΡΥΣΟ`): the tier's name as Magzter prints it in any language. */
const CAPITALS_WORD = /(?:^|\s)\p{Lu}{3,}(?:\s|$)/u;

/**
 * `Vyzkoušejte ZLATO zdarma` above `Title` / `Pub` / `|`: the header's title, publication and
 * bar are a fixed triple, so a short label above it (no sentence, a word in capitals) is the
 * translated "Try GOLD - Free" label, whatever its words and dash.
 */
function labelAboveHeader(lines: readonly ClassifiedLine[], t: number): boolean {
  const line = lines[t];
  const bar = lines[t + 3];
  return (
    line?.kind === 'text' &&
    line.text.length <= TRY_GOLD_MAX_CHARS &&
    !endsSentence(line.text) &&
    CAPITALS_WORD.test(line.text) &&
    bar?.kind === 'pipe' &&
    bar.publication === undefined &&
    bar.date === undefined &&
    lines[t + 1]?.kind === 'text' &&
    lines[t + 2]?.kind === 'text' &&
    isHardMeta(lines[t + 4])
  );
}

/** A Try-GOLD label by its shape: one to four short words, a dash, one word. */
function tryGoldShaped(line: ClassifiedLine | undefined): boolean {
  return (
    line?.kind === 'text' &&
    line.text.length <= TRY_GOLD_MAX_CHARS &&
    TRY_GOLD_SHAPE.test(line.text) &&
    line.text.split(' ').every((word) => letterCount(word) <= TRY_GOLD_WORD_MAX_LETTERS)
  );
}

/** Marks written on a letter (vowel signs, accents): no letter of their own. */
const MARK = /\p{M}/u;

/** Letters of a word, its marks not counted (`ތަޖުރިބާ` is 4 letters in 8 code units). */
function letterCount(word: string): number {
  let letters = 0;
  for (const ch of word) if (!MARK.test(ch)) letters++;
  return letters;
}

/**
 * Where the upsell block may open under site banners: an upsell line, a price, a Try-GOLD
 * label, a platform's logo line (`ZINIO logo`: a Zinio page opens there). (A header's title
 * is not enough: a listing's label lines look like banners.)
 */
function opensUpsellAt(lines: readonly ClassifiedLine[], k: number): boolean {
  const line = lines[k];
  if (line === undefined) return false;
  return (
    UPSELL_KINDS.has(line.kind) ||
    tryGoldShaped(line) ||
    labelAboveHeader(lines, k) ||
    (line.kind === 'chrome' && logoPlatform(line.text) !== null)
  );
}

/** Platform names as their logo prints them alone on a line. */
const PLATFORM_NAMES: ReadonlySet<string> = new Set(PLATFORMS.map((p) => p.displayName));

/**
 * `PressReader` / `Catalogue` / `Publications` / `Sign in`: the site's menu under the platform's
 * logo, in any language: at least MENU_MIN_LABELS short labels right under it, up to the line a
 * date follows (the masthead). They are navigation.
 */
export function menuUnderLogo(lines: ClassifiedLine[]): void {
  const logo = lines[0];
  if (logo?.kind !== 'chrome' || !PLATFORM_NAMES.has(logo.text)) return;
  let k = 1;
  while (
    k < lines.length &&
    lines[k]?.kind === 'text' &&
    isMenuLabel((lines[k] as ClassifiedLine).text) &&
    !isHardMeta(lines[k + 1])
  )
    k++;
  if (k - 1 < MENU_MIN_LABELS) return;
  for (let j = 1; j < k; j++) lines[j] = relabel(lines[j] as ClassifiedLine, 'navigation', { locales: [] });
}

function isMenuLabel(text: string): boolean {
  return isShortLink(text) && text.split(' ').length <= MENU_LABEL_MAX_WORDS && !/\p{Nd}/u.test(text);
}

/** The upsell block on top: labels, prices, and a price sentence (a text line right above a price). */
export function findTopEnd(lines: ClassifiedLine[]): number {
  // site banners above the block count only when the block does open under them
  const banners = bannersOnTop(lines, (k) => opensUpsellAt(lines, k));
  const end = upsellBlockEnd(lines, banners);
  if (banners === 0 || end === banners) return banners === 0 ? end : upsellBlockEnd(lines, 0);
  for (let k = 0; k < banners; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'chrome', { locales: [] });
  return end;
}

/** Where the upsell block that opens at `from` ends (its lines relabelled on the way). */
function upsellBlockEnd(lines: ClassifiedLine[], from: number): number {
  let t = from;
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
    if (labelAboveHeader(lines, t)) {
      lines[t] = relabel(line, 'try-gold');
      t++;
      continue;
    }
    if (tryGoldShaped(line)) {
      const metaAhead = lines.slice(t + 2, t + 2 + TOP_LABEL_META_LOOKAHEAD).some((l) => isHardMeta(l));
      // right after the prices, or after the one block line printed under them (`… Gift Now`)
      const above = lines[t - 1];
      const afterPrices =
        above?.kind === 'price' ||
        (above !== undefined && TOP_KINDS.has(above.kind) && lines[t - 2]?.kind === 'price');
      if (metaAhead || afterPrices) {
        lines[t] = relabel(line, 'try-gold');
        t++;
        continue;
      }
    }
    break;
  }
  return t;
}

/** Kinds that show a line block on top is the upsell (not store navigation). */
const UPSELL_KINDS: ReadonlySet<LineKind> = new Set(['price', 'upsell', 'try-gold', 'promo', 'brand']);

/**
 * The upsell block in wording no locale file knows, before a story header
 * (Title / Pub / `|` / date). Only on top of a header whose metadata is within
 * `UPSELL_HEADER_WINDOW` lines, and only when a known upsell line (a price, a
 * "Try GOLD" label) is in the block:
 *  - short lines before the last known upsell line are upsell too
 *    (`Sınırsız erişim` above the price sentence and the prices);
 *  - short labels between the block and the header's title are upsell (an
 *    English `… Gift Now` line on a page in another language).
 */
export function upsellBeforeHeader(lines: ClassifiedLine[], topEnd: number): number {
  const limit = Math.min(lines.length, UPSELL_HEADER_WINDOW);
  let h = -1;
  for (let k = topEnd; k < limit; k++) {
    if (isHardMeta(lines[k])) {
      h = k;
      break;
    }
  }
  if (h < 0) return topEnd;
  let last = -1;
  for (let k = h - 1; k >= topEnd; k--) {
    if (UPSELL_KINDS.has((lines[k] as ClassifiedLine).kind)) {
      last = k;
      break;
    }
  }
  // the known block may end right at `topEnd` (`… Gift Now`): the labels after it are still looked at
  if (last < 0 && topEnd > 0 && UPSELL_KINDS.has((lines[topEnd - 1] as ClassifiedLine).kind))
    last = topEnd - 1;
  if (last < 0) return topEnd;
  for (let k = topEnd; k < last; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'text' && line.text.length > UPSELL_LINE_MAX_CHARS) return topEnd;
  }
  for (let k = topEnd; k < last; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'text') lines[k] = relabel(line, 'upsell');
  }
  let t = last + 1;
  // Title / Pub / `|` or `|Date` (the title two lines above a bar with no publication, the
  // date under it or glued to it) or Title / `Pub|Date` (one line above)
  const meta = lines[h] as ClassifiedLine;
  const titleAt =
    meta.kind === 'pipe' && meta.publication === undefined
      ? h - 2
      : meta.publication !== undefined
        ? h - 1
        : -1;
  if (titleAt > t) {
    // short lines whatever their shape: a gift line may close with a mark (`… - Gift it today!`)
    const labels = lines.slice(t, titleAt);
    if (labels.every((l) => l.kind === 'text' && l.text.length <= TIER_LINE_MAX_CHARS)) {
      for (let k = t; k < titleAt; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'upsell');
      t = titleAt;
    }
  }
  return Math.max(t, topEnd);
}

/** Lines of a known upsell block that say it is one: a price or a "Try GOLD" label. */
const UPSELL_EVIDENCE_KINDS: ReadonlySet<LineKind> = new Set(['price', 'try-gold']);

/**
 * The upsell block printed AFTER a story header (Title / Pub / `|` / date /
 * deck / byline, then `Go Unlimited with Magzter GOLD` / prices / `Try GOLD`,
 * then the story), in wording no locale file knows. A brand line there would
 * end the story before it starts: when the first story-ending line follows a
 * header's date within `UPSELL_HEADER_WINDOW` lines, and the run of short lines
 * from it holds a price or a "Try GOLD" label and is followed by prose, the run
 * is upsell and the story goes on after it.
 */
export function upsellAfterHeader(lines: ClassifiedLine[], topEnd: number): void {
  const limit = Math.min(lines.length, topEnd + UPSELL_HEADER_WINDOW);
  let meta = -1;
  let start = -1;
  for (let k = topEnd; k < limit; k++) {
    const line = lines[k] as ClassifiedLine;
    if (meta < 0 && isHardMeta(line)) meta = k;
    else if (UPSELL_KINDS.has(line.kind) || STORY_END_KINDS.has(line.kind)) {
      start = k;
      break;
    } else if (line.kind === 'text' && line.text.length > DECK_MAX_CHARS) return;
  }
  if (meta < 0 || start < 0 || !UPSELL_KINDS.has((lines[start] as ClassifiedLine).kind)) return;
  let end = start;
  let evidence = false;
  while (end < lines.length) {
    const line = lines[end] as ClassifiedLine;
    if (UPSELL_KINDS.has(line.kind)) evidence ||= UPSELL_EVIDENCE_KINDS.has(line.kind);
    else if (line.kind !== 'text' || line.text.length > UPSELL_LINE_MAX_CHARS || endsSentence(line.text))
      break;
    end++;
  }
  const prose = lines[end];
  if (!evidence || prose?.kind !== 'text' || prose.text.length <= UPSELL_LINE_MAX_CHARS) return;
  for (let k = start; k < end; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'upsell');
}
