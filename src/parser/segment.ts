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
import { bannersAtEnd, footerLinkPairAtEnd } from './banners.js';
import { isBoilerplate } from './ledger.js';
import { labelledHeaderAt, labelledHeaderLength, namesFooterBrand } from './platform-grammars.js';
import { ISSUE_WORDS, NAME_CONJUNCTIONS, NAME_PARTICLES } from './rules/generic.js';
import { PLATFORMS } from './rules/platforms.js';
import { isNameLike } from './bylines.js';
import { isQuestionTitle, isQuotedTitle } from './story.js';
import {
  CARD_PUBLICATION_MAX_CHARS,
  DECK_MAX_CHARS,
  EDITION_LINE_MAX_CHARS,
  FOOTER_LINE_MAX_CHARS,
  CONTENTS_HEADER_MAX_LINE,
  CONTENTS_LINKS_MAX,
  FOOTER_LINKS_MAX,
  FOOTER_MAX_LINES,
  HEADER_SCAN_LINES,
  NAVIGATION_MAX_CHARS,
  PLAYER_MAX_LINES,
  REPEATED_TITLE_MIN_GAP,
  STORE_PANEL_MAX_LINES,
  STORE_PUBLISHER_LINES,
  STORE_PANEL_MIN_SIGNS,
  STORY_HEADER_MAX_LINES,
  TITLE_MAX_CHARS,
  TIER_LINE_MAX_CHARS,
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
  namedIssueDates,
  pageNumbersByRepeat,
  publicationDateCards,
  readingTimesByPlace,
  readingTimesByRepeat,
} from './card-zone.js';
import { STORY_END_KINDS, TIER_KINDS, isQuestion } from './regions.js';
import { findTopEnd, menuUnderLogo, upsellAfterHeader, upsellBeforeHeader } from './upsells.js';
import {
  extendPaywallBlock,
  findPaywallPair,
  pairedPaywallLineAbove,
  previewWall,
  repeatedShortLines,
} from './walls.js';

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
        nameRun(
          after.map((w, k) => (k === from ? withoutElidedArticle(w) : w)),
          from,
        )
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
    if (hasUppercase(w)) {
      // `… Lidové noviny z {date}`: one lower-case word between the name and the short word
      // before the date is the name's own (`noviny`), not the sentence's
      if (
        run.length === 0 &&
        i === before.length - 3 &&
        lowerNameWord(before[i + 1] ?? '', before[i + 2] ?? '')
      )
        run.push(before[i + 1] ?? '');
      run.unshift(withoutElidedArticle(w));
    }
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
  if (run.length === 0) return caselessName(text, after);
  run.push(withoutGluedSuffix(run.pop() ?? ''));
  return unquoted(run.join(' '));
}

/** A cased letter: text without one is in a script with no capitals (Persian, Thai, Georgian). */
const CASED_LETTER = /[\p{Lu}\p{Ll}]/u;
/** A caseless name after the date holds at most this many words. */
const CASELESS_NAME_MAX_WORDS = 4;

/**
 * `… از شماره {date} مجله چلچراغ است.`: in a script with no capitals, the words after the date
 * up to the sentence's last word (its verb, where the name stands before it), at most
 * `CASELESS_NAME_MAX_WORDS`; null when the sentence writes any cased letter (capitals decide
 * there) or when no word is left.
 */
function caselessName(text: string, after: readonly string[]): string | null {
  if (CASED_LETTER.test(text) || after.length < 2 || after.length - 1 > CASELESS_NAME_MAX_WORDS) return null;
  const name = after
    .slice(0, -1)
    .join(' ')
    .replace(/[.。।։،؛]$/u, '');
  return name === '' ? null : name;
}

/** `d'Avui` → `Avui`, `dell’Arte` → `Arte`: an article or preposition elided onto the name is the sentence's. */
function withoutElidedArticle(word: string): string {
  const m = /^\p{Ll}{1,4}['’](?=\p{Lu})/u.exec(word);
  return m === null ? word : word.slice(m[0].length);
}

/**
 * `noviny` before `z`: a lower-case word of letters before a short lower-case word (the
 * preposition before the date) is a second word of the name (`Lidové noviny`), unless it is a
 * word for issue (`… Pub issue of {date}`).
 */
function lowerNameWord(word: string, preposition: string): boolean {
  return (
    /^\p{Ll}{3,}$/u.test(word) &&
    /^\p{Ll}{1,3}$/u.test(preposition) &&
    !JOINERS.has(word) &&
    // `… Pub issue of {date}`: a word for issue is the sentence's
    !ISSUE_WORD_NAMES.has(word)
  );
}
const ISSUE_WORD_NAMES: ReadonlySet<string> = new Set(ISSUE_WORDS);

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

/** `Page 2 of 5`, `Seite 2 von 5`, `Strona 2 z 5`, `2 / 5`: a page counter, one short word before it and one between. */
const PAGE_COUNTER = /^(?:\p{L}{1,12} )?(\d{1,3}) ?(?:\p{L}{1,4}|\/) ?(\d{1,3})$/u;
/** A page counter is at most this long, and it stands among the page's last PAGINATION_MAX_LINES lines. */
const PAGE_COUNTER_MAX_CHARS = 24;
const PAGINATION_MAX_LINES = 3;

/**
 * `Page 1 of 3` / `Next page` closing a listing or a contents page: the pager, in any language.
 * Among the page's last PAGINATION_MAX_LINES lines, a page counter (two numbers, the first at
 * most the second, with one short word before and one between, or a slash), and the short link
 * lines (no sentence, no digit) around it to the end of the page. They are chrome, no card.
 */
function paginationAtEnd(lines: ClassifiedLine[]): void {
  let counter = -1;
  for (let k = lines.length - 1; k >= 0 && k >= lines.length - PAGINATION_MAX_LINES; k--) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > PAGE_COUNTER_MAX_CHARS) continue;
    const m = PAGE_COUNTER.exec(line.text);
    if (m !== null && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]) && Number(m[2]) >= 2) {
      counter = k;
      break;
    }
  }
  if (counter < 0) return;
  const link = (l: ClassifiedLine | undefined): boolean =>
    l !== undefined && l.kind === 'text' && isShortLink(l.text) && !/\d/u.test(l.text);
  // every line after the counter a link; one link right above it (`Previous page`)
  for (let k = counter + 1; k < lines.length; k++) if (!link(lines[k])) return;
  let from = counter;
  if (link(lines[counter - 1]) && counter - 1 >= lines.length - PAGINATION_MAX_LINES) from--;
  for (let k = from; k < lines.length; k++) lines[k] = relabel(lines[k] as ClassifiedLine, 'navigation');
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
  if (!issueTitleAt(lines, topEnd)) return false;
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

/** Zinio's issue title at line `at`: the name printed twice glued, then the name with the issue's date or number. */
function issueTitleAt(lines: readonly ClassifiedLine[], at: number): boolean {
  const name = lines[at];
  const issue = lines[at + 1];
  return (
    name?.kind === 'text' &&
    issue?.kind === 'text' &&
    undoubledName(name.text) !== name.text &&
    matchIssueTitle(name.text, issue.text) !== null
  );
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
  paginationAtEnd(lines);
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
  // the store breadcrumb printed without its slash (`News & Politics`, its icon name glued and
  // stripped, or none): a short label over the issue title, on an issue page (over the store's
  // panel) as on a story page
  const section = lines[topEnd];
  if (
    !knownIssuePage &&
    section?.kind === 'text' &&
    isShortLink(section.text) &&
    issueTitleAt(lines, topEnd + 1)
  ) {
    lines[topEnd] = relabel(section, 'navigation', { locales: [] });
    topEnd++;
  }
  const panel = !knownIssuePage && storePanel(lines, topEnd);
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
  storyEnd = previewWall(lines, topEnd, storyEnd, wallWithoutBrand, lastLineOpen);
  return { lines, topEnd, storyEnd, teaserStart, issuePage, repeats };
}
