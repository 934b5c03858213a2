/**
 * The paywall block after a story (part of stage 3, segment): the lines from the story's end
 * that belong to it (trial, sign-in, edition line, lines in no known wording that the block
 * prints twice or in pairs, cut copies), and Scribd-style preview walls with or without the
 * brand named. The teaser cards start where the block ends.
 */

import { relabel, type ClassifiedLine, type LineKind } from './classify.js';
import { isBoilerplate } from './ledger.js';
import { labelledHeaderAt, namesWallBrand } from './platform-grammars.js';
import {
  CARD_PUBLICATION_MAX_CANDIDATES,
  CARD_PUBLICATION_MAX_CHARS,
  PAYWALL_PAIR_MAX_DIFFERENT_WORDS,
  PAYWALL_PAIR_MIN_SHARED_CHARS,
  PAYWALL_PAIR_MIN_SHARED_WORDS,
  PAYWALL_REPEAT_WINDOW,
  PREVIEW_WALL_BUTTON_BLOCK_LINES,
  PREVIEW_WALL_LINE_MAX_CHARS,
  PREVIEW_HEADER_DATE_LINES,
  PREVIEW_WALL_MAX_LINES,
  SIGN_IN_MAX_CHARS,
  TITLE_MAX_CHARS,
} from './settings.js';
import { endsSentence, UNSPACED_SCRIPTS_FROM } from './text.js';
import { namesPublication } from './card-zone.js';
import { isQuestion, STORY_END_KINDS, TEASER_HEADER_KINDS, TIER_KINDS } from './regions.js';

/**
 * The paywall block: boilerplate lines from the story's end, plus lines in no
 * known wording that the page repeats inside the block (its second copy), a
 * short question right after a trial sentence (the sign-in prompt, however it
 * is worded: `¿Ya tienes una cuenta? Ingresa` beside a known es trial), the
 * "More stories from {pub}" header in an unknown wording, the capture's
 * last line when it is cut right after a line of the block (see `cutBlockLine`),
 * and, on a platform whose preview walls need not name the brand, the wall's
 * button under a known wall sentence (see `wallButtonsEnd`).
 */
export function extendPaywallBlock(
  lines: ClassifiedLine[],
  storyEnd: number,
  pubs: readonly string[],
  lastLineOpen: boolean,
  wallWithoutBrand: boolean,
): number {
  let j = storyEnd;
  const editionKey = lines[storyEnd]?.kind === 'edition-line' ? lines[storyEnd]?.key : undefined;
  const blockPrintedTwice = lines.some((l, k) => k > storyEnd && l.key === editionKey);
  while (j < lines.length) {
    const line = lines[j];
    if (line === undefined) break;
    if (isBoilerplate(line)) {
      j++;
      if (TEASER_HEADER_KINDS.has(line.kind)) break;
      continue;
    }
    if (line.kind === 'lost-glyphs') {
      j++;
      continue;
    }
    if (line.kind !== 'text') break;
    const key = line.key.replace(' ?', '?');
    const neighbourIsBlock = [lines[j - 1], lines[j + 1]].some(
      (l) => l !== undefined && STORY_END_KINDS.has(l.kind) && !TEASER_HEADER_KINDS.has(l.kind),
    );
    const copied = lines
      .slice(Math.max(storyEnd, j - PAYWALL_REPEAT_WINDOW), j + PAYWALL_REPEAT_WINDOW)
      .some((l) => l.index !== j && l.kind !== 'edition-line' && l.key.replace(' ?', '?') === key);
    if (neighbourIsBlock && copied) {
      lines[j] = relabel(line, 'paywall');
      j++;
      continue;
    }
    const named = namesPublication(line.text, pubs, lines.slice(j + 1, j + 3), false, j === lines.length - 1);
    if (named !== null) {
      lines[j] = relabel(line, 'more-stories', { publication: named });
      j++;
      break;
    }
    const prev = lines[j - 1];
    // after a known trial sentence the prompt carries its action after the question (a card title
    // that is a question ends with its question mark)
    const unknownTrial = prev !== undefined && (prev.kind === 'brand' || prev.locales.length === 0);
    if (
      isQuestion(line) &&
      prev?.kind !== undefined &&
      TIER_KINDS.has(prev.kind) &&
      (unknownTrial || !endsWithQuestion(line.text))
    ) {
      lines[j] = relabel(line, 'sign-in');
      j++;
      continue;
    }
    const buttons = wallWithoutBrand && prev?.kind === 'paywall' ? wallButtonsEnd(lines, j) : j;
    if (buttons > j) {
      for (let k = j; k < buttons; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'paywall');
      j = buttons;
      continue;
    }
    const cut = lastLineOpen && j === lines.length - 1 ? cutBlockLine(line, prev, blockPrintedTwice) : null;
    if (cut !== null) {
      lines[j] = relabel(line, cut, { cut: true });
      j++;
    }
    break;
  }
  return j;
}

/**
 * A preview wall's button (`Start your free 30 days`, a label, no sentence), maybe with a note,
 * under a wall sentence a table knows and right above the "More from {pub}" header: the short
 * lines from `from` up to that header, at most PREVIEW_WALL_MAX_LINES, one of them no sentence.
 * Returns the header's index, `from` when the lines are not such a run (a card comes first).
 */
function wallButtonsEnd(lines: readonly ClassifiedLine[], from: number): number {
  let k = from;
  let button = false;
  for (; k < lines.length && k - from < PREVIEW_WALL_MAX_LINES; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > PREVIEW_WALL_LINE_MAX_CHARS) break;
    button ||= !endsSentence(line.text);
  }
  const header = lines[k];
  return button && header !== undefined && TEASER_HEADER_KINDS.has(header.kind) ? k : from;
}

function endsWithQuestion(text: string): boolean {
  const last = text.at(-1);
  return last === '?' || last === '؟' || last === '？';
}

/**
 * The capture's last line, cut, right after a line of the paywall block, is the block's next
 * line in whatever language: after the trial sentence the sign-in prompt (`すでにアカウントを
 * お持ちの方`, cut before its question mark), after the sign-in prompt the "More stories from"
 * header (`บทความอื่นๆ จาก BANG`, cut inside the name). Cards only follow that header (where the
 * block is printed once), so such a line is no teaser. Returns the kind it takes, or null.
 */
function cutBlockLine(
  line: ClassifiedLine,
  prev: ClassifiedLine | undefined,
  blockPrintedTwice: boolean,
): LineKind | null {
  if (prev === undefined || line.text.length > SIGN_IN_MAX_CHARS || endsSentence(line.text)) return null;
  if (prev.kind === 'trial' || prev.kind === 'brand') return 'sign-in';
  // the old layout prints the block twice and its cards with no header: there a cut line is a card
  if (prev.kind === 'sign-in' && !blockPrintedTwice) return 'more-stories';
  return null;
}

/** Short lines the page prints at least twice: card publications, when the page names none elsewhere. */
export function repeatedShortLines(
  repeats: ReadonlyMap<string, { first: number; last: number; count: number }>,
  lines: readonly ClassifiedLine[],
): string[] {
  const out: string[] = [];
  for (const [, rep] of repeats) {
    if (rep.count < 2) continue;
    const text = lines[rep.first]?.text ?? '';
    if (text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(text)) out.push(text);
    if (out.length >= CARD_PUBLICATION_MAX_CANDIDATES) break;
  }
  return out;
}

/**
 * The old paywall in an unknown wording: two adjacent short lines, neither a
 * sentence, that say the same thing but for their last word or two
 * (`Fortsätt läsa din berättelse i appen` / `… i tidningen`).
 */
function isPaywallPair(a: ClassifiedLine | undefined, b: ClassifiedLine | undefined): boolean {
  if (a?.kind !== 'text' || b?.kind !== 'text') return false;
  if (a.text.length > SIGN_IN_MAX_CHARS || b.text.length > SIGN_IN_MAX_CHARS) return false;
  if (endsSentence(a.text) || endsSentence(b.text)) return false;
  const wa = a.text.split(' ').filter(Boolean);
  const wb = b.text.split(' ').filter(Boolean);
  if (wa.length <= UNSPACED_MAX_WORDS && wb.length <= UNSPACED_MAX_WORDS)
    return (
      unspacedScript(a.text) &&
      unspacedScript(b.text) &&
      (sharesOpening(a.text, b.text) || sharesOpening(reversed(a.text), reversed(b.text)))
    );
  let shared = 0;
  while (shared < wa.length && shared < wb.length && wa[shared] === wb[shared]) shared++;
  const differ = Math.max(wa.length, wb.length) - shared;
  return (
    shared >= PAYWALL_PAIR_MIN_SHARED_WORDS &&
    differ >= 1 &&
    differ <= PAYWALL_PAIR_MAX_DIFFERENT_WORDS &&
    differ < shared
  );
}

/** A line of at most this many words is in a script written without spaces (Thai, Lao, CJK): compare its characters. */
const UNSPACED_MAX_WORDS = 2;

const LETTER_CHAR = /\p{L}/u;

/** Whether every letter of the text is of a script written without spaces (a Latin name in it is not). */
function unspacedScript(text: string): boolean {
  for (const ch of text)
    if (LETTER_CHAR.test(ch) && (ch.codePointAt(0) ?? 0) < UNSPACED_SCRIPTS_FROM) return false;
  return true;
}

/**
 * `อ่านเรื่องราวของคุณต่อในแอป` / `…ในนิตยสาร`: in a script without spaces there are no words to
 * count; the pair shares its opening characters and differs in a shorter ending (or, reversed,
 * shares its ending: `アプリで…の続きを読む` / `雑誌で…の続きを読む`).
 */
function sharesOpening(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charAt(shared) === b.charAt(shared)) shared++;
  const ending = Math.max(a.length, b.length) - shared;
  return (
    shared >= PAYWALL_PAIR_MIN_SHARED_CHARS &&
    ending >= 1 &&
    ending < shared &&
    shared < Math.min(a.length, b.length)
  );
}

/**
 * The text's characters in reverse order: `アプリで記事の続きを読む` / `雑誌で記事の続きを読む` (a verb-final
 * language) share their ending and differ in a shorter opening, the mirror of `sharesOpening`.
 */
function reversed(text: string): string {
  return [...text].reverse().join('');
}

/**
 * `…la tua storia sull'app` above the known `…la tua storia nella rivista`: the old paywall
 * pair's other line in a wording no table holds, told by its shape beside its known half (same
 * opening words, another ending). It is paywall too, and the story ends above it.
 */
export function pairedPaywallLineAbove(lines: ClassifiedLine[], end: number, topEnd: number): number {
  const known = lines[end];
  const above = lines[end - 1];
  if (known?.kind !== 'paywall' || end - 1 <= topEnd || above === undefined) return end;
  if (!isPaywallPair(above, { ...known, kind: 'text' })) return end;
  lines[end - 1] = relabel(above, 'paywall', { locales: [] });
  return end - 1;
}

export function findPaywallPair(lines: ClassifiedLine[], topEnd: number): number {
  for (let i = topEnd + 1; i + 1 < lines.length; i++) {
    if (!isPaywallPair(lines[i], lines[i + 1])) continue;
    lines[i] = relabel(lines[i] as ClassifiedLine, 'paywall');
    lines[i + 1] = relabel(lines[i + 1] as ClassifiedLine, 'paywall');
    return i;
  }
  return -1;
}

/**
 * A preview wall closing the story (Scribd: `Estás leyendo una vista previa
 * gratuita.` / `Lee el resto… con una prueba gratuita de Scribd.` / `Prueba gratis
 * durante 30 días`), in any language: the run of short lines just above the
 * story's end, at most a few, one of them naming the platform's brand. Returns
 * where the story ends now; the wall's lines are paywall.
 */
export function previewWall(
  lines: ClassifiedLine[],
  topEnd: number,
  storyEnd: number,
  wallWithoutBrand: boolean,
  lastLineOpen = false,
): number {
  let start = storyEnd;
  while (
    start - 1 > topEnd &&
    storyEnd - (start - 1) <= PREVIEW_WALL_MAX_LINES &&
    lines[start - 1]?.kind === 'text' &&
    (lines[start - 1] as ClassifiedLine).text.length <= PREVIEW_WALL_LINE_MAX_CHARS
  )
    start--;
  let brand = -1;
  for (let k = start; k < storyEnd; k++) if (namesWallBrand((lines[k] as ClassifiedLine).text)) brand = k;
  if (brand < 0 && wallWithoutBrand)
    start = unbrandedWallStart(
      lines,
      start,
      storyEnd,
      labelledHeaderAt(lines, topEnd) || previewDateHeaderAt(lines, topEnd),
      lastLineOpen,
    );
  else if (brand < 0) return storyEnd;
  for (let k = start; k < storyEnd; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'paywall');
  return start;
}

/**
 * A preview's own header with its date (Scribd: Pub / `Issue 7 · Winter 2024` / title…, or
 * Title / Pub / date): a date line among the region's first PREVIEW_HEADER_DATE_LINES lines,
 * under short lines that are no sentence (the publication, the title).
 */
function previewDateHeaderAt(lines: readonly ClassifiedLine[], topEnd: number): boolean {
  for (let k = topEnd + 1; k <= topEnd + PREVIEW_HEADER_DATE_LINES && k < lines.length; k++) {
    const above = lines[k - 1] as ClassifiedLine;
    if (above.kind !== 'text' || above.text.length > TITLE_MAX_CHARS || endsSentence(above.text))
      return false;
    if ((lines[k] as ClassifiedLine).kind === 'date') return true;
  }
  return false;
}

/**
 * A preview wall that does not name the brand (`Este artigo é exclusivo para assinantes.` /
 * `Leia o artigo completo com um teste gratuito de 30 dias…` / `Comece seu teste gratuito`),
 * on a platform that closes its stories with one, in any language: a run of at least two short
 * lines between the story and the "More from {pub}" header, or the page's end under a label
 * header (`labelledHeaderAt`) or a dated preview header (`previewDateHeaderAt`). After a preview
 * cut mid-sentence the whole run is the wall; a run holding a button (a label, no sentence)
 * is a wall of the PREVIEW_WALL_BUTTON_BLOCK_LINES lines ending at its last button (the offer
 * and its button) and the notes under it.
 * Returns where the wall starts, `storyEnd` when there is none.
 */
function unbrandedWallStart(
  lines: readonly ClassifiedLine[],
  start: number,
  storyEnd: number,
  previewHeader: boolean,
  lastLineOpen: boolean,
): number {
  const closer = lines[storyEnd];
  // the page's end closes a wall only under a preview's own header (no cards to end at)
  const closed = closer === undefined ? previewHeader : closer.kind === 'more-stories';
  if (storyEnd - start < 2 || !closed) return storyEnd;
  const preview = lines[start - 1];
  if (preview?.kind === 'text' && !endsSentence(preview.text)) return start;
  // the offer's button (a label, no sentence), maybe with a note under it (`Cancel any time.`);
  // at the page's end a line the capture cut open is no button: short paragraphs cut there are body
  let button = closer === undefined && lastLineOpen ? storyEnd - 2 : storyEnd - 1;
  while (button >= start && endsSentence((lines[button] as ClassifiedLine).text)) button--;
  return button < start ? storyEnd : Math.max(start, button + 1 - PREVIEW_WALL_BUTTON_BLOCK_LINES);
}
