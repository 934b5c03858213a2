/**
 * Stage 3: segment. Put each classified line in context and cut the page into
 * its regions: the upsell block on top, the story, the paywall block (edition
 * line, trial, sign-in, "More stories from"), and the teaser cards.
 */

import { relabel, type ClassifiedLine, type LineKind } from './classify.js';
import {
  findEditionYear,
  findIssueLabel,
  findIssueNumber,
  findPrintedDate,
  issuePartStart,
  isTemplatePlaceholder,
  matchIssueTitle,
  undoubledName,
  type EditionLineMatch,
} from './edition.js';
import { bannersAtEnd, bannersOnTop, footerLinkPairAtEnd } from './banners.js';
import { isBoilerplate } from './ledger.js';
import {
  labelledHeaderAt,
  labelledHeaderLength,
  logoPlatform,
  namesFooterBrand,
  namesWallBrand,
} from './platform-grammars.js';
import {
  NAME_CONJUNCTIONS,
  NAME_PARTICLES,
  TRY_GOLD_SHAPE,
  TRY_GOLD_WORD_MAX_LETTERS,
} from './rules/generic.js';
import { PLATFORMS } from './rules/platforms.js';
import { isNameLike } from './bylines.js';
import { isQuestionTitle, isQuotedTitle } from './story.js';
import {
  CARD_PUBLICATION_MAX_CANDIDATES,
  CARD_PUBLICATION_MAX_CHARS,
  DECK_MAX_CHARS,
  EDITION_LINE_MAX_CHARS,
  FOOTER_LINE_MAX_CHARS,
  CONTENTS_HEADER_MAX_LINE,
  CONTENTS_LINKS_MAX,
  FOOTER_LINKS_MAX,
  FOOTER_MAX_LINES,
  HEADER_SCAN_LINES,
  MENU_LABEL_MAX_WORDS,
  MENU_MIN_LABELS,
  NAVIGATION_MAX_CHARS,
  PLAYER_MAX_LINES,
  REPEATED_TITLE_MIN_GAP,
  PAYWALL_PAIR_MAX_DIFFERENT_WORDS,
  PAYWALL_PAIR_MIN_SHARED_CHARS,
  PAYWALL_PAIR_MIN_SHARED_WORDS,
  PAYWALL_REPEAT_WINDOW,
  PREVIEW_WALL_BUTTON_BLOCK_LINES,
  PREVIEW_WALL_LINE_MAX_CHARS,
  PREVIEW_HEADER_DATE_LINES,
  PREVIEW_WALL_MAX_LINES,
  SIGN_IN_MAX_CHARS,
  STORE_PANEL_MAX_LINES,
  STORE_PUBLISHER_LINES,
  STORE_PANEL_MIN_SIGNS,
  STORY_HEADER_MAX_LINES,
  TITLE_MAX_CHARS,
  TIER_LINE_MAX_CHARS,
  TOP_LABEL_META_LOOKAHEAD,
  TRY_GOLD_MAX_CHARS,
  UPSELL_HEADER_WINDOW,
  UPSELL_LINE_MAX_CHARS,
} from './settings.js';
import { endsSentence, foldKey, hasUppercase } from './text.js';
import {
  cardsHeading,
  cutRepeat,
  findCardStart,
  findMoreStoriesHeader,
  gluedCardsAfterHeaderName,
  gluedCardsByShape,
  headingOverCards,
  isCardAt,
  isShortLink,
  namesPublication,
  namedIssueDates,
  pageNumbersByRepeat,
  publicationDateCards,
  readingTimesByPlace,
  readingTimesByRepeat,
} from './card-zone.js';

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
  'lost-glyphs',
]);
/** Boilerplate after which teaser cards start (the paywall block ends there). */
const TEASER_HEADER_KINDS: ReadonlySet<LineKind> = new Set(['more-stories', 'issue-contents']);
/** Lines that name the paid tier (Magzter GOLD): platform text only when platform-shaped. */
const TIER_KINDS: ReadonlySet<LineKind> = new Set(['brand', 'trial']);

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

function isHardMeta(line: ClassifiedLine | undefined): boolean {
  return line !== undefined && (line.kind === 'pipe' || line.kind === 'date');
}

function countRepeats(
  lines: readonly ClassifiedLine[],
): Map<string, { first: number; last: number; count: number }> {
  const map = new Map<string, { first: number; last: number; count: number }>();
  for (const line of lines) {
    if (line.kind !== 'text') continue;
    const key = line.key;
    const seen = map.get(key);
    if (seen) {
      seen.last = line.index;
      seen.count++;
    } else map.set(key, { first: line.index, last: line.index, count: 1 });
  }
  return map;
}

/** Greek letters: in Greek text `;` is the question mark (NFC folds U+037E into it). */
const GREEK_LETTER = /\p{Script=Greek}/u;

function isQuestion(line: ClassifiedLine | undefined): boolean {
  if (line === undefined || line.text.length > SIGN_IN_MAX_CHARS) return false;
  const text = line.text;
  if (text.includes('?') || text.includes('؟') || text.includes('？')) return true;
  return text.includes(';') && GREEK_LETTER.test(text);
}

/**
 * A line naming the paid tier is platform text when it is platform-shaped: a
 * short label (`Go Unlimited with Magzter GOLD`), a line the page repeats (the
 * block printed twice), or a line inside the platform block (next to other
 * platform lines, above the sign-in question, after an edition-shaped line, or
 * at the very end of the capture). A body sentence that mentions the brand
 * (`Magzter GOLD alone says it now carries…`) is none of these: it stays text.
 */
function platformShaped(
  lines: readonly ClassifiedLine[],
  i: number,
  keyCounts: ReadonlyMap<string, number>,
): boolean {
  const line = lines[i] as ClassifiedLine;
  if (line.text.length <= TIER_LINE_MAX_CHARS && !endsSentence(line.text)) return true;
  if (i === lines.length - 1) return true;
  if ((keyCounts.get(line.key) ?? 0) > 1) return true;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const platformNeighbour = [prev, next].some(
    (l) => l !== undefined && isBoilerplate(l) && !TIER_KINDS.has(l.kind),
  );
  if (platformNeighbour || isQuestion(next)) return true;
  return prev !== undefined && prev.kind === 'text' && editionShaped(prev.text);
}

/** A line holding a printed date, an issue number or an unrendered template: an edition line's shape. */
function editionShaped(text: string): boolean {
  return isTemplatePlaceholder(text) || findPrintedDate(text) !== null || findIssueLabel(text) !== null;
}

function demoteBodyMentions(lines: ClassifiedLine[]): void {
  const keyCounts = new Map<string, number>();
  for (const line of lines) keyCounts.set(line.key, (keyCounts.get(line.key) ?? 0) + 1);
  const demote: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (TIER_KINDS.has((lines[i] as ClassifiedLine).kind) && !platformShaped(lines, i, keyCounts))
      demote.push(i);
  }
  for (const i of demote) lines[i] = relabel(lines[i] as ClassifiedLine, 'text', { locales: [] });
}

/**
 * Publications the page prints around its metadata: edition lines, `Pub|Date`
 * and `|Pub` lines, and the line above a bare `|` or `|Date` line in the header.
 */
function printedPublications(lines: readonly ClassifiedLine[], topEnd: number): string[] {
  const pubs: string[] = [];
  const add = (p: string | null | undefined): void => {
    if (typeof p === 'string' && p !== '' && p.length <= CARD_PUBLICATION_MAX_CHARS && !pubs.includes(p))
      pubs.push(p);
  };
  for (const line of lines) {
    if (line.kind === 'edition-line') add(line.edition?.publication);
    if (line.kind === 'card-publication' || line.kind === 'credit') add(line.publication);
  }
  for (let i = topEnd; i < Math.min(lines.length, topEnd + HEADER_SCAN_LINES); i++) {
    const line = lines[i] as ClassifiedLine;
    if (line.kind !== 'pipe') continue;
    if (line.publication !== undefined) add(line.publication);
    else {
      const above = lines[i - 1];
      if (above?.kind === 'text' && !endsSentence(above.text)) add(above.text);
    }
  }
  return pubs;
}

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
 * date follows (the issue's masthead). They are navigation.
 */
function menuUnderLogo(lines: ClassifiedLine[]): void {
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
function findTopEnd(lines: ClassifiedLine[]): number {
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
function upsellBeforeHeader(lines: ClassifiedLine[], topEnd: number): number {
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
  // Title / Pub / `|` (the title two lines above a bare bar) or Title / `Pub|Date` (one line above)
  const meta = lines[h] as ClassifiedLine;
  const titleAt =
    meta.kind === 'pipe' && meta.publication === undefined && meta.date === undefined
      ? h - 2
      : meta.publication !== undefined
        ? h - 1
        : -1;
  if (titleAt > t) {
    const labels = lines.slice(t, titleAt);
    if (
      labels.every((l) => l.kind === 'text' && l.text.length <= TIER_LINE_MAX_CHARS && !endsSentence(l.text))
    ) {
      for (let k = t; k < titleAt; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'upsell');
      t = titleAt;
    }
  }
  return Math.max(t, topEnd);
}

/**
 * Publication named by an edition line in an unknown language: the words
 * after the date from the first one holding a capital (`… af Filmfare.`,
 * `… von autoX.`; a suffix glued to the date such as `-Ausgabe` is skipped),
 * or else the run of such words just before the date (`… Nikkei Asia の {date} 版…`).
 */
function guessPublication(text: string, dateStart: number, dateEnd: number): string | null {
  const glued = text.charAt(dateEnd) !== ' ';
  const after = text
    .slice(dateEnd)
    .split(' ')
    .filter(Boolean)
    .slice(glued ? 1 : 0);
  const from = after.findIndex((w) => hasUppercase(w));
  if (from >= 0) {
    const pub = unquoted(
      withoutGluedSuffix(
        nameRun(after, from)
          .join(' ')
          .replace(/[.。।։]$/u, '')
          .trim(),
      ),
    );
    if (pub !== '') return pub;
  }
  const before = text.slice(0, dateStart).split(' ').filter(Boolean);
  const run: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i] ?? '';
    if (hasUppercase(w)) run.unshift(w);
    // a number closing the name (`Pub Words 24`), when a capital comes before it
    else if (
      run.length === 0 &&
      i === before.length - 1 &&
      /^\d+$/u.test(unclosed(w)) &&
      hasUppercase(before[i - 1] ?? '')
    )
      run.unshift(w);
    // a joiner inside the name (`Home & Kitchen Kerala`), when a capital comes before it
    else if (run.length > 0 && JOINERS.has(w.toLowerCase()) && hasUppercase(before[i - 1] ?? ''))
      run.unshift(w);
    else if (run.length > 0) break;
  }
  if (run.length === 0) return null;
  run.push(withoutGluedSuffix(run.pop() ?? ''));
  return unquoted(run.join(' '));
}

/** `24“` → `24`: a word without the closing quote after it. */
function unclosed(word: string): string {
  return NAME_QUOTES.has(word.charAt(word.length - 1)) ? word.slice(0, -1) : word;
}

const NAME_QUOTES: ReadonlySet<string> = new Set(['„', '“', '”', '"', '«', '»']);

/** `„Pub Words 24“` → `Pub Words 24`: the quotes a language prints around a name are not the name's. */
function unquoted(name: string): string {
  return name.length > 2 && NAME_QUOTES.has(name.charAt(0)) && NAME_QUOTES.has(name.charAt(name.length - 1))
    ? name.slice(1, -1)
    : name;
}

const JOINERS: ReadonlySet<string> = new Set([...NAME_PARTICLES, ...NAME_CONJUNCTIONS]);

/**
 * The name that opens at `words[from]`: words with a capital, numbers, and joiners between
 * capitalised words (`Home & Kitchen Kerala`, `Pub Words 24`); the line's own words after it
 * (`… Pub Words 24 numerio.`) are not the name's.
 */
function nameRun(words: readonly string[], from: number): string[] {
  const run: string[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i] ?? '';
    const joined = JOINERS.has(w.toLowerCase()) && hasUppercase(words[i + 1] ?? '');
    if (!hasUppercase(w) && !/^\d+[.,;]?$/u.test(unclosed(w)) && !joined) break;
    run.push(w);
  }
  return run;
}
/** Latin letters: a name in them may carry a case suffix in the line's own script. */
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * `Magazine-ի` → `Magazine`: a case suffix in another script, glued to a Latin name by a hyphen
 * (Armenian, Georgian, Cyrillic genitives). A hyphen inside a Latin name (`Coca-Cola`) stays.
 */
function withoutGluedSuffix(word: string): string {
  const hyphen = word.lastIndexOf('-');
  if (hyphen <= 0) return word;
  const stem = word.slice(0, hyphen);
  const suffix = word.slice(hyphen + 1);
  return LATIN_LETTER.test(stem) && suffix !== '' && !LATIN_LETTER.test(suffix) && !/\d/u.test(suffix)
    ? stem
    : word;
}

/** The longest publication from `pubs` that the text names, or null. */
function namedKnownPublication(text: string, pubs: readonly string[]): string | null {
  const key = foldKey(text);
  let best: string | null = null;
  for (const pub of pubs)
    if (key.includes(foldKey(pub)) && (best === null || pub.length > best.length)) best = pub;
  return best;
}

/**
 * An edition line in a language no locale file knows, recognised by its shape:
 * a short line right before the platform block that prints a date, an issue
 * number or an unrendered template, printed twice or followed by the trial sentence.
 */
function recogniseGenericEdition(
  lines: ClassifiedLine[],
  storyEnd: number,
  topEnd: number,
  pubs: readonly string[],
): number {
  if (lines.some((l) => l.kind === 'edition-line')) return storyEnd;
  const prev = lines[storyEnd - 1];
  const end = lines[storyEnd];
  if (prev === undefined || end === undefined || prev.kind !== 'text' || prev.index < topEnd) return storyEnd;
  if (prev.text.length > EDITION_LINE_MAX_CHARS) return storyEnd;
  const placeholder = isTemplatePlaceholder(prev.text);
  let date = findPrintedDate(prev.text);
  const issue = date === null ? findIssueLabel(prev.text) : null;
  const key = prev.key;
  const repeated = lines.some((l) => l.index > storyEnd && l.kind === 'text' && l.key === key);
  if (!repeated && !TIER_KINDS.has(end.kind)) return storyEnd;
  // an annual's edition line prints the year alone (`… the 2024 edition of …`)
  if (date === null && issue === null) date = findEditionYear(prev.text);
  // an issue number alone where the date would be (`… из номера № 14 (3321) издания Pub.`): only a
  // line the block prints twice; the number is no date and no label (`findIssueNumber`)
  const number =
    date === null && issue === null && !placeholder && repeated ? findIssueNumber(prev.text) : null;
  if (date === null && issue === null && number === null && !placeholder) return storyEnd;
  const dated = date ?? issue;
  const found = dated ?? number;
  const edition: EditionLineMatch = {
    publication: placeholder
      ? null
      : (namedKnownPublication(prev.text, pubs) ??
        (found === null
          ? null
          : guessPublication(
              prev.text,
              date === null ? found.start : issuePartStart(prev.text, found.start),
              found.end,
            ))),
    // an issue printed with its year (`Issue 17, 2023`) is dated to that year
    date: dated === null || dated.iso === null ? null : { label: dated.label, iso: dated.iso },
    issueText: issue?.label ?? null,
    placeholder,
  };
  for (let i = storyEnd - 1; i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && line.kind === 'text' && line.key === key)
      lines[i] = relabel(line, 'edition-line', { edition });
  }
  return storyEnd - 1;
}

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
function extendPaywallBlock(
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
function repeatedShortLines(
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

/** Scripts from Thai on (U+0E00: Thai, Lao, Tibetan, Myanmar, Khmer, CJK, kana) are written without spaces between words. */
const UNSPACED_SCRIPTS_FROM = 0x0e00;
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
function pairedPaywallLineAbove(lines: ClassifiedLine[], end: number, topEnd: number): number {
  const known = lines[end];
  const above = lines[end - 1];
  if (known?.kind !== 'paywall' || end - 1 <= topEnd || above === undefined) return end;
  if (!isPaywallPair(above, { ...known, kind: 'text' })) return end;
  lines[end - 1] = relabel(above, 'paywall', { locales: [] });
  return end - 1;
}

function findPaywallPair(lines: ClassifiedLine[], topEnd: number): number {
  for (let i = topEnd + 1; i + 1 < lines.length; i++) {
    if (!isPaywallPair(lines[i], lines[i + 1])) continue;
    lines[i] = relabel(lines[i] as ClassifiedLine, 'paywall');
    lines[i + 1] = relabel(lines[i + 1] as ClassifiedLine, 'paywall');
    return i;
  }
  return -1;
}

/**
 * A platform's print footer closing the page (`Gedrukt en verspreid door
 * PressReader` / `PressReader.com +1 604 278 4604` / `AUTEURSRECHTELIJK
 * BESCHERMD…`), in any language, whole or cut: among the last lines, the first
 * one signed with the platform's name opens it when every line after it is
 * short and no sentence. Those lines are chrome.
 */
function platformFooter(lines: ClassifiedLine[], lastLineOpen: boolean): void {
  const last = lines.length - 1;
  for (let k = Math.max(1, lines.length - FOOTER_MAX_LINES); k <= last; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || !namesFooterBrand(line.text, lastLineOpen && k === last)) continue;
    const rest = lines.slice(k + 1);
    const closes = rest.every(
      (l) => l.kind !== 'text' || (l.text.length <= FOOTER_LINE_MAX_CHARS && !endsSentence(l.text)),
    );
    if (!closes) continue;
    for (let j = k; j <= last; j++) {
      const footer = lines[j] as ClassifiedLine;
      if (footer.kind === 'text') lines[j] = relabel(footer, 'chrome');
    }
    return;
  }
}

/**
 * Footer links after a platform footer (`© PressReader. All rights reserved.`
 * then `Newspapers in English`, `Newspapers from India`): the short lines that
 * close the page after a chrome line, none of them a sentence, are navigation
 * too, in whatever language they are printed.
 */
function trailingChrome(lines: ClassifiedLine[]): void {
  let k = lines.length - 1;
  while (k > 0) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > NAVIGATION_MAX_CHARS || endsSentence(line.text)) break;
    k--;
  }
  const footer = lines[k];
  if (
    k === lines.length - 1 ||
    footer === undefined ||
    (footer.kind !== 'chrome' && footer.kind !== 'navigation')
  )
    return;
  if (!lines.slice(0, k).some((l) => l.kind === 'text')) return;
  for (let j = k + 1; j < lines.length; j++) lines[j] = relabel(lines[j] as ClassifiedLine, 'navigation');
}

/**
 * A store's panel closing a story page (Zinio: the publisher's company name, its country, the
 * price, the issue count): the page ends in price and issue-count lines, at least one price, and
 * right above them at most STORE_PUBLISHER_LINES short lines that end no sentence, under the
 * story's last line (a sentence). Those lines name the publisher and its country: chrome, in any
 * language; a count in no known wording among the prices (`12 wydań`) is the issue count.
 */
function storePanelAtEnd(lines: ClassifiedLine[]): void {
  let k = lines.length - 1;
  let prices = 0;
  for (; k > 0; k--) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'price') prices++;
    else if (line.kind !== 'issue-count' && !(line.kind === 'text' && ISSUE_COUNT_SHAPE.test(line.text)))
      break;
  }
  if (prices === 0) return;
  let top = k;
  while (top > k - STORE_PUBLISHER_LINES && top > 0) {
    const line = lines[top] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > NAVIGATION_MAX_CHARS || endsSentence(line.text)) break;
    top--;
  }
  const above = lines[top] as ClassifiedLine;
  if (top === k || above.kind !== 'text' || !endsSentence(above.text)) return;
  for (let j = top + 1; j <= k; j++)
    lines[j] = relabel(lines[j] as ClassifiedLine, 'chrome', { locales: [] });
  for (let j = k + 1; j < lines.length; j++) {
    const line = lines[j] as ClassifiedLine;
    if (line.kind === 'text') lines[j] = relabel(line, 'issue-count', { locales: [] });
  }
}

/** Names a platform signs its footer with (`© PressReader. …`): other chrome (`ZINIO logo`) opens no footer. */
const FOOTER_BRAND_NAMES: readonly string[] = PLATFORMS.flatMap((p) => p.footerBrands ?? []);

/** `Večernji list (Zagreb)` → `Večernji list`: a "More from" header names the paper without its city. */
function withoutQualifier(publication: string): string {
  const open = publication.lastIndexOf(' (');
  return open > 0 && publication.endsWith(')') ? publication.slice(0, open) : publication;
}

/** Letters of a word a declined form keeps (`Večernji` → `veče`, `list` in `lista`). */
const NAME_STEM_CHARS = 4;

/**
 * The line names the publication, maybe declined (`Više iz Večernjeg lista` for `Večernji list`):
 * each of its words of three letters or more opens a word of the line.
 */
function namesDeclined(text: string, publication: string): boolean {
  const words = text.toLowerCase().split(' ');
  const stems = publication
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, NAME_STEM_CHARS));
  return stems.length > 0 && stems.every((stem) => words.some((w) => w.startsWith(stem)));
}

/**
 * A "More from {pub}" header and its related Title / Summary cards next to a platform footer
 * (`© PressReader. Tots els drets reservats.`), in any language: after the footer and its short
 * links, the line right above the first card; or, above a footer that closes the page, the
 * short line naming the masthead (its first line) or a publication the page prints, declined
 * or not, right above a run of cards. The header is boilerplate, the cards are teasers, the
 * footer's links are navigation.
 */
function moreFromBesideFooter(lines: ClassifiedLine[], pubs: readonly string[]): void {
  const footer = lines.findIndex(
    (l) => l.kind === 'chrome' && l.index > 0 && FOOTER_BRAND_NAMES.some((brand) => l.text.includes(brand)),
  );
  if (footer < 0) return;
  const masthead = lines[0] as ClassifiedLine;
  const names = [...pubs, ...(masthead.kind === 'text' && isShortLink(masthead.text) ? [masthead.text] : [])];
  const known = [...new Set(names.map(withoutQualifier))];
  const header = (k: number, line: ClassifiedLine): void => {
    const named = known.find((pub) => namesDeclined(line.text, pub));
    lines[k] = relabel(line, 'more-stories', named === undefined ? {} : { publication: named });
  };
  // after the footer: its links, the header, the cards
  for (let k = footer + 1; k < lines.length && k <= footer + FOOTER_MAX_LINES; k++) {
    if (k > footer + 1 && isCardAt(lines, k)) {
      for (let j = footer + 1; j < k - 1; j++) lines[j] = relabel(lines[j] as ClassifiedLine, 'navigation');
      header(k - 1, lines[k - 1] as ClassifiedLine);
      return;
    }
    const line = lines[k] as ClassifiedLine;
    if ((line.kind !== 'text' && line.kind !== 'navigation') || !isShortLink(line.text)) break;
  }
  // before a footer that closes the page: the header, the cards, then the footer
  let k = footer - 2;
  let cards = 0;
  while (k > 0 && isCardAt(lines, k)) {
    cards++;
    k -= 2;
  }
  const line = lines[k + 1] as ClassifiedLine;
  if (cards === 0 || line.kind !== 'text' || !isShortLink(line.text)) return;
  if (known.some((pub) => namesDeclined(line.text, pub))) header(k + 1, line);
}

/**
 * A Zinio story page's header: an issue title (`QuoQuo` / `Quo September2021`), then the title,
 * the byline and the story's own reading time, in any order (`6 min.` above or under the title).
 * A reading time there is the story's, not the first teaser card's: cards are looked for after
 * the header's last reading time. The title may have a deck under it (a sentence) when the
 * reading time follows the deck at once: a card's summary sits under its title too, but after
 * the card's reading time. Returns where to look from.
 */
function storyReadingTimeEnd(lines: readonly ClassifiedLine[], topEnd: number): number {
  const name = lines[topEnd];
  const issue = lines[topEnd + 1];
  if (name?.kind !== 'text' || issue?.kind !== 'text' || matchIssueTitle(name.text, issue.text) === null)
    return topEnd;
  let end = topEnd;
  const limit = Math.min(lines.length, topEnd + 2 + STORY_HEADER_MAX_LINES);
  for (let k = topEnd + 2; k < limit; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'reading-time') end = k + 1;
    else if (line.kind === 'credits') continue;
    else if (line.kind !== 'text') break;
    else if (
      (line.text.length > TITLE_MAX_CHARS || endsSentence(line.text)) &&
      !isQuestionTitle(line.text) &&
      !isQuotedTitle(line.text) &&
      !isDeckAt(lines, k, topEnd + 3)
    )
      break;
  }
  return end;
}

/**
 * A line that reads as no title (a sentence, or too long) but as the deck under the title at
 * `deckAt`, the reading time right under it, or under the byline printed between them (`By Name`,
 * a local opener, a credits line).
 */
function isDeckAt(lines: readonly ClassifiedLine[], k: number, deckAt: number): boolean {
  const line = lines[k] as ClassifiedLine;
  if (k !== deckAt || line.text.length > DECK_MAX_CHARS) return false;
  const next = lines[k + 1];
  return next?.kind === 'reading-time' || (isBylineLine(next) && lines[k + 2]?.kind === 'reading-time');
}

/** A header's byline line: a credits line, or a short line that reads as a name (`By Name`, `Por Name`). */
function isBylineLine(line: ClassifiedLine | undefined): boolean {
  if (line === undefined) return false;
  if (line.kind === 'credits') return true;
  return line.kind === 'text' && line.text.length <= DECK_MAX_CHARS && isNameLike(line.text);
}

/** Lines of a store's panel that say it is one, whatever their wording. */
const STORE_PANEL_KINDS: ReadonlySet<LineKind> = new Set(['price', 'navigation', 'issue-count', 'promo']);
/** `52 lapszám`, `12 edições`, `26 期號`: a number of issues and one short word. */
const ISSUE_COUNT_SHAPE = /^\d{1,3} ?[^\s\d]{1,15}$/u;

/**
 * A store's issue page in a wording no locale knows (a Zinio page with no logo line and a plain
 * `/ Category` breadcrumb): the issue title on top (the name printed twice glued, then the name
 * with the issue's date or number), then, before the first card, the store's panel: the
 * publisher's blurb right under the issue line (a story page has its title there), prices,
 * links, the issue count. With enough of them the page is an issue page: the panel's issue
 * count and the heading over the first card are store lines too. Returns whether it is one.
 */
function storePanel(lines: ClassifiedLine[], topEnd: number): boolean {
  const name = lines[topEnd];
  const issue = lines[topEnd + 1];
  if (name?.kind !== 'text' || issue?.kind !== 'text' || undoubledName(name.text) === name.text) return false;
  if (matchIssueTitle(name.text, issue.text) === null) return false;
  const signs = new Set<string>();
  const blurb = lines[topEnd + 2];
  if (blurb?.kind === 'text' && endsSentence(blurb.text)) signs.add('blurb');
  let end = topEnd + 2;
  const limit = Math.min(lines.length, topEnd + 2 + STORE_PANEL_MAX_LINES);
  for (; end < limit && lines[end]?.kind !== 'reading-time'; end++) {
    const line = lines[end] as ClassifiedLine;
    if (STORE_PANEL_KINDS.has(line.kind)) signs.add(line.kind);
    else if (line.kind === 'text' && ISSUE_COUNT_SHAPE.test(line.text)) signs.add('issue-count');
  }
  if (signs.size < STORE_PANEL_MIN_SIGNS) return false;
  for (let k = topEnd + 2; k < end; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'text' && ISSUE_COUNT_SHAPE.test(line.text)) lines[k] = relabel(line, 'issue-count');
  }
  return true;
}

/**
 * An issue count (`52 Issues`) in a store's panel, before any reading time: an issue page
 * prints it above its cards' reading times. A story page may print it too, at its very end
 * under the publisher and price lines, after the story's own reading time: that one says
 * nothing about the page.
 */
function issueCountInPanel(lines: readonly ClassifiedLine[]): boolean {
  for (const line of lines) {
    if (line.kind === 'reading-time') return false;
    if (line.kind === 'issue-count') return true;
  }
  return false;
}

/**
 * A preview wall closing the story (Scribd: `Estás leyendo una vista previa
 * gratuita.` / `Lee el resto… con una prueba gratuita de Scribd.` / `Prueba gratis
 * durante 30 días`), in any language: the run of short lines just above the
 * story's end, at most a few, one of them naming the platform's brand. Returns
 * where the story ends now; the wall's lines are paywall.
 */
function previewWall(
  lines: ClassifiedLine[],
  topEnd: number,
  storyEnd: number,
  wallWithoutBrand: boolean,
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
): number {
  const closer = lines[storyEnd];
  // the page's end closes a wall only under a preview's own header (no cards to end at)
  const closed = closer === undefined ? previewHeader : closer.kind === 'more-stories';
  if (storyEnd - start < 2 || !closed) return storyEnd;
  const preview = lines[start - 1];
  if (preview?.kind === 'text' && !endsSentence(preview.text)) return start;
  // the offer's button (a label, no sentence), maybe with a note under it (`Cancel any time.`)
  let button = storyEnd - 1;
  while (button >= start && endsSentence((lines[button] as ClassifiedLine).text)) button--;
  return button < start ? storyEnd : Math.max(start, button + 1 - PREVIEW_WALL_BUTTON_BLOCK_LINES);
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
function upsellAfterHeader(lines: ClassifiedLine[], topEnd: number): void {
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

/**
 * A page closed by a copyright line (`© 2025 Site. All rights reserved.`): the short
 * lines just above it, none a sentence, are the footer's links (`Share this issue`),
 * in any language. The walk stops at the first sentence (the last card's summary).
 */
function footerLinksAboveCopyright(lines: ClassifiedLine[]): void {
  const last = lines.length - 1;
  if (lines[last]?.kind !== 'chrome') return;
  for (let k = last - 1; k >= Math.max(0, last - FOOTER_LINKS_MAX); k--) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > NAVIGATION_MAX_CHARS || endsSentence(line.text)) return;
    lines[k] = relabel(line, 'navigation');
  }
}

/** Digit runs of a text (`412` in `Nummer 412`). */
function digitRuns(text: string): string[] {
  return text.match(/\d+/gu) ?? [];
}

/**
 * The heading a mirror prints under its contents breadcrumb (`Inhoud van nummer 412 van
 * Delta Weekly` under `Start//Delta Weekly/Nummer 412/…`): a short line, not a sentence,
 * that names the breadcrumb's publication and its issue number. In any language: a
 * breadcrumb whose "in this issue" label no locale knows (`…/Nr 3/2023/W tym numerze`)
 * is a contents breadcrumb too when such a heading follows it.
 */
function contentsHeading(lines: ClassifiedLine[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const crumb = lines[i] as ClassifiedLine;
    const next = lines[i + 1] as ClassifiedLine;
    if (crumb.kind !== 'issue-contents' && !(crumb.kind === 'navigation' && crumb.text.includes('//')))
      continue;
    if (next.kind !== 'text') continue;
    if (next.text.length > EDITION_LINE_MAX_CHARS || endsSentence(next.text)) {
      // a known contents breadcrumb without its heading; any other breadcrumb: look further
      if (crumb.kind === 'issue-contents') return;
      continue;
    }
    const numbers = digitRuns(crumb.text);
    if (!digitRuns(next.text).some((d) => numbers.includes(d))) {
      if (crumb.kind === 'issue-contents') return;
      continue;
    }
    const publication = crumb.publication ?? crumbPublication(crumb.text, next.key);
    if (publication === null || !next.key.includes(foldKey(publication))) {
      if (crumb.kind === 'issue-contents') return;
      continue;
    }
    if (crumb.kind !== 'issue-contents') {
      // the issue's date, when the crumb prints one (`…/No. 12 (Oktubre 3, 2023)/…`)
      const found = findPrintedDate(crumb.text);
      const date = found === null ? {} : { date: { label: found.label, iso: found.iso } };
      lines[i] = relabel(crumb, 'issue-contents', { publication, ...date });
    }
    lines[i + 1] = relabel(next, 'issue-contents', { publication });
    return;
  }
}

/**
 * The publication a store breadcrumb names (`Strona główna//Polityka/Nr 3/2023/…`): the
 * part just before its first part with a number, when the heading under it names it too.
 */
function crumbPublication(crumb: string, headingKey: string): string | null {
  if (!crumb.includes('//')) return null;
  const parts = crumb.split('/').map((p) => p.trim());
  const issue = parts.findIndex((p) => digitRuns(p).length > 0);
  const publication = issue > 0 ? (parts[issue - 1] ?? '') : '';
  return publication !== '' && headingKey.includes(foldKey(publication)) ? publication : null;
}

/**
 * Links a mirror prints between its contents heading and the first entry (`Czytaj online`,
 * `Pobierz PDF`: read online, download the PDF), in any language: short lines, none a
 * sentence, before the first line that a summary or a page reference follows (an entry).
 * More than CONTENTS_LINKS_MAX such lines are entries without summaries, not links.
 */
function contentsLinks(lines: ClassifiedLine[]): void {
  let heading = -1;
  for (let i = 0; i < lines.length && i <= CONTENTS_HEADER_MAX_LINE; i++)
    if (lines[i]?.kind === 'issue-contents') heading = i;
  if (heading < 0) return;
  const links: number[] = [];
  for (let k = heading + 1; k < lines.length && links.length <= CONTENTS_LINKS_MAX; k++) {
    const line = lines[k] as ClassifiedLine;
    const next = lines[k + 1];
    if (line.kind !== 'text' || next === undefined) return;
    // an entry: its title is followed by a summary (a sentence, or cut with `…`) or a page reference
    if (next.kind !== 'text' || endsSentence(next.text)) break;
    if (!isShortLink(line.text)) return;
    links.push(k);
  }
  if (links.length > CONTENTS_LINKS_MAX) return;
  for (const k of links) lines[k] = relabel(lines[k] as ClassifiedLine, 'navigation');
}

/**
 * `TITLE` / `Listen to this story` / `SaveShareTranslate` / `6 min listen` / `ADVERTISEMENT`: the
 * audio player, the toolbar and the ad slot a story page prints under its title printed again
 * (the newest layout repeats it over the body), in any language: the run of short lines, none a
 * sentence, right under that repeated title (the header between them), at most PLAYER_MAX_LINES,
 * holding the player's listening time (a reading time), the body's first sentence under it. Its
 * lines are chrome.
 */
function playerUnderRepeatedTitle(lines: ClassifiedLine[], topEnd: number): void {
  const limit = Math.min(lines.length, topEnd + STORY_HEADER_MAX_LINES + HEADER_SCAN_LINES);
  let title = -1;
  for (let k = topEnd + 1; k < limit && title < 0; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || endsSentence(line.text)) continue;
    // the header (publication, date, deck, byline) stands between the title and its copy
    for (let j = topEnd; j < k - REPEATED_TITLE_MIN_GAP; j++)
      if ((lines[j] as ClassifiedLine).key === line.key) title = k;
  }
  if (title < 0) return;
  let end = title + 1;
  let times = 0;
  while (end < lines.length && end - title <= PLAYER_MAX_LINES) {
    const line = lines[end] as ClassifiedLine;
    if (line.kind === 'reading-time') times++;
    else if (line.kind !== 'text' || !isShortLink(line.text)) break;
    end++;
  }
  // the body follows the run (a card's date or title would follow a card's reading time)
  const body = lines[end];
  if (times === 0 || end === title + 1 + times || body?.kind !== 'text' || !endsSentence(body.text)) return;
  for (let k = title + 1; k < end; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'text') lines[k] = relabel(line, 'chrome', { locales: [] });
  }
}

/**
 * Cut the page into its regions. `wallWithoutBrand`: the platform (from the URL) closes its
 * stories with a preview wall that need not name the brand (see `unbrandedWallStart`).
 */
export function segment(
  classified: readonly ClassifiedLine[],
  lastLineOpen = false,
  wallWithoutBrand = false,
): Segments {
  const lines = [...classified];
  demoteBodyMentions(lines);
  gluedCardsByShape(lines);
  gluedCardsAfterHeaderName(lines);
  publicationDateCards(lines);
  namedIssueDates(lines);
  readingTimesByPlace(lines);
  readingTimesByRepeat(lines);
  pageNumbersByRepeat(lines);
  cutRepeat(lines, lastLineOpen);
  platformFooter(lines, lastLineOpen);
  bannersAtEnd(lines);
  footerLinkPairAtEnd(lines);
  trailingChrome(lines);
  storePanelAtEnd(lines);
  footerLinksAboveCopyright(lines);
  contentsHeading(lines);
  contentsLinks(lines);
  menuUnderLogo(lines);
  let topEnd = upsellBeforeHeader(lines, findTopEnd(lines));
  upsellAfterHeader(lines, topEnd);
  playerUnderRepeatedTitle(lines, topEnd);
  for (let i = topEnd; i < lines.length; i++) {
    const line = lines[i];
    if (line?.kind === 'category') lines[i] = relabel(line, 'text');
  }
  const repeats = countRepeats(lines);
  const knownIssuePage = lines.some((l) => l.kind === 'issue-contents') || issueCountInPanel(lines);
  let panel = !knownIssuePage && storePanel(lines, topEnd);
  // the store breadcrumb printed without its icon and slash (`News & Politics`): a short label over the panel
  const section = lines[topEnd];
  if (
    !knownIssuePage &&
    !panel &&
    section?.kind === 'text' &&
    isShortLink(section.text) &&
    storePanel(lines, topEnd + 1)
  ) {
    lines[topEnd] = relabel(section, 'navigation', { locales: [] });
    topEnd++;
    panel = true;
  }
  const issuePage = knownIssuePage || panel;
  if (issuePage) cardsHeading(lines, topEnd);
  const pubs = printedPublications(lines, topEnd);
  moreFromBesideFooter(lines, pubs);
  let storyEnd = lines.findIndex((l, i) => i >= topEnd && STORY_END_KINDS.has(l.kind));
  let teaserStart: number;
  if (storyEnd >= 0) {
    storyEnd = pairedPaywallLineAbove(lines, storyEnd, topEnd);
    storyEnd = recogniseGenericEdition(lines, storyEnd, topEnd, pubs);
    // the edition line just recognised names the publication too
    teaserStart = extendPaywallBlock(
      lines,
      storyEnd,
      printedPublications(lines, topEnd),
      lastLineOpen,
      wallWithoutBrand,
    );
  } else if ((storyEnd = findPaywallPair(lines, topEnd)) >= 0) {
    teaserStart = storyEnd + 2;
  } else {
    const header = findMoreStoriesHeader(lines, topEnd, [...pubs, ...repeatedShortLines(repeats, lines)]);
    // a header's own reading time (Zinio's, or a label header's) opens no card
    const cardsFrom = issuePage
      ? topEnd
      : labelledHeaderAt(lines, topEnd)
        ? topEnd + labelledHeaderLength(lines, topEnd)
        : storyReadingTimeEnd(lines, topEnd);
    storyEnd =
      header >= 0 ? header : (findCardStart(lines, cardsFrom, repeats, lastLineOpen) ?? lines.length);
    teaserStart = header >= 0 ? header + 1 : storyEnd;
    if (header < 0 && !issuePage && headingOverCards(lines, cardsFrom, storyEnd)) teaserStart = storyEnd--;
  }
  storyEnd = previewWall(lines, topEnd, storyEnd, wallWithoutBrand);
  return { lines, topEnd, storyEnd, teaserStart, issuePage, repeats };
}
