/**
 * The card zone's shapes: where teaser cards start (a "More stories" header, a card's
 * opening line), glued card lines, feed lines and reading times read by place or by repeat,
 * a cloned carousel, and the headings over cards. Read by `segment` (segment.ts).
 */

import { relabel, type ClassifiedLine } from './classify.js';
import { parseNamedIssueDate, type PrintedDate } from './edition.js';
import { isBoilerplate } from './ledger.js';
import { cardPublicationDate } from './platform-grammars.js';
import { readingTimesUnderTitles } from './teasers.js';
import {
  ABBREVIATION_MAX_CHARS,
  BODY_UNDER_READING_TIME_LINES,
  BODY_UNDER_READING_TIME_SENTENCES,
  CARD_ALT_WINDOW,
  CARD_PUBLICATION_MAX_CHARS,
  CARDS_OPENED_BY_NAME_MIN,
  GLUED_LABEL_MAX_CHARS,
  GLUED_UNIT_MAX_WORDS,
  GLUED_UNIT_MIN_CARDS,
  HEADER_SCAN_LINES,
  LOOSE_READING_TIME_MAX_WORDS,
  LOOSE_READING_TIME_MIN_CARDS,
  MIN_CUT_BOILERPLATE_CHARS,
  MORE_STORIES_EXTRA_CHARS,
  NAVIGATION_MAX_CHARS,
  READING_TIME_MAX_CHARS,
  READING_UNIT_MAX_CHARS,
  TITLE_MAX_CHARS,
} from './settings.js';
import { endsSentence, foldKey, hasLowercase, hasUppercase } from './text.js';

/**
 * "More stories from {pub}" in a wording no locale file knows: a short line
 * that names a publication of the page and little else, its label before or
 * after the name or glued to it (`…INDIAVer todos`), not a sentence. It must
 * be followed by a card naming the publication, unless it sits right after the
 * platform block and reads as a header (upper case, or the label glued on).
 */
export function namesPublication(
  text: string,
  publications: readonly string[],
  following: readonly ClassifiedLine[],
  needCard: boolean,
  lastLine = false,
): string | null {
  const closed = endsSentence(text);
  // most sentences end there: only a name closed by its own mark may close a header
  if (closed && !publications.some((p) => endsSentence(p))) return null;
  const key = foldKey(text);
  for (const pub of publications) {
    const pubKey = foldKey(pub);
    // a header closed by the name's own mark (`… BUEN PROVECHO!`) is no sentence
    if (closed && !(endsSentence(pub) && key.endsWith(pubKey))) continue;
    const at = key.indexOf(pubKey);
    if (key === pubKey || at < 0) continue;
    const after = key.slice(at + pubKey.length);
    const glued = after !== '' && !after.startsWith(' ') && after.length <= GLUED_LABEL_MAX_CHARS;
    // a glued `View all` link is not the header's own wording (`TOVÁBBI CIKKEK INNEN: HVGÖsszes megtekintése`),
    // nor one printed after the header's ellipsis (`… Pub இலிருந்து…அனைத்தையும் காண்க`, `…From Pub...See all`)
    const extra = key.length - pubKey.length - (glued ? after.length : linkAfterEllipsis(after));
    if (extra > MORE_STORIES_EXTRA_CHARS) continue;
    const card = following.some(
      (l) => l.key === pubKey || (l.publication !== undefined && foldKey(l.publication) === pubKey),
    );
    if (card) return pub;
    if (needCard) continue;
    // the capture's last line may be the header cut short (`Motoring World से और कहा`)
    if (glued || !hasLowercase(text) || (lastLine && at === 0)) return pub;
  }
  return null;
}

/** The length of a short link label printed after a header's last ellipsis (`…`, `...`), 0 for none. */
function linkAfterEllipsis(after: string): number {
  const mark = after.lastIndexOf('…');
  const dots = mark < 0 ? after.lastIndexOf('...') : -1;
  const end = mark >= 0 ? mark + 1 : dots >= 0 ? dots + 3 : -1;
  const label = end < 0 ? 0 : after.length - end;
  return label <= GLUED_LABEL_MAX_CHARS ? label : 0;
}

/** The newest layout has no platform block: the story ends at an unknown "More stories from {pub}" header. */
export function findMoreStoriesHeader(
  lines: ClassifiedLine[],
  topEnd: number,
  pubs: readonly string[],
): number {
  for (let i = topEnd; i < lines.length; i++) {
    const line = lines[i] as ClassifiedLine;
    if (line.kind !== 'text') continue;
    const named = namesPublication(line.text, pubs, lines.slice(i + 1, i + 3), true);
    if (named !== null) {
      lines[i] = relabel(line, 'more-stories', { publication: named });
      return i;
    }
  }
  return -1;
}

/**
 * A reading time that opens its card (Zinio: `6 min.` / title / summary): the two lines after
 * it are text and the next card's reading time (or the page's end) follows them. The lines
 * above it are then not the card's: on a story page they are the story's last paragraphs.
 */
function opensCard(lines: readonly ClassifiedLine[], r: number): boolean {
  const after = lines[r + 3];
  return (
    lines[r + 1]?.kind === 'text' &&
    lines[r + 2]?.kind === 'text' &&
    (after === undefined || after.kind === 'reading-time')
  );
}

/**
 * A story's body under the reading time at `r`: within the next BODY_UNDER_READING_TIME_LINES
 * lines, all text, BODY_UNDER_READING_TIME_SENTENCES lines in a row that end a sentence. Cards
 * under a reading time alternate a title (no sentence) and a summary; paragraphs are sentences
 * one after another, whatever the language, with the header's own short lines (a byline, a
 * standfirst with no stop) above them.
 */
function bodyUnder(lines: readonly ClassifiedLine[], r: number): boolean {
  let run = 0;
  for (let k = r + 1; k <= r + BODY_UNDER_READING_TIME_LINES; k++) {
    const line = lines[k];
    if (line?.kind !== 'text') return false;
    run = endsSentence(line.text) ? run + 1 : 0;
    if (run >= BODY_UNDER_READING_TIME_SENTENCES) return true;
  }
  return false;
}

/**
 * A page without a paywall block whose lines are teaser cards (a listing):
 * the cards start at the card holding the first reading time.
 */
export function findCardStart(
  lines: readonly ClassifiedLine[],
  from: number,
  repeats: ReadonlyMap<string, { first: number; last: number; count: number }>,
  lastLineOpen: boolean,
): number | null {
  let r = -1;
  for (let i = from; i < lines.length; i++) {
    const kind = lines[i]?.kind;
    // a reading time over the story's body is the header's (a preview whose header was not read)
    if (kind === 'reading-time' && bodyUnder(lines, i)) continue;
    if (kind === 'reading-time' || kind === 'card-publication') {
      r = i;
      break;
    }
  }
  if (r < 0) return null;
  if (lines[r]?.kind === 'card-publication' || opensCard(lines, r)) return r;
  let k = r - 1;
  let texts = 0;
  while (k >= from && texts < 2 && lines[k]?.kind === 'text') {
    texts++;
    k--;
  }
  const titleKey = lines[k + 1]?.key ?? '';
  while (k >= from) {
    const line = lines[k];
    if (line === undefined || line.kind !== 'text') break;
    const key = line.key;
    const rep = repeats.get(key);
    const far = rep !== undefined && rep.count >= 2 && rep.last - rep.first > CARD_ALT_WINDOW;
    // a name printed twice in a row (a card's logo alt and publication): either copy
    const doubled = (lines[k + 1]?.key ?? '') === key || (lines[k - 1]?.key ?? '') === key;
    if (!far && !doubled && key !== titleKey) break;
    k--;
  }
  return openedByPublication(lines, k + 1, r, lastLineOpen) ? k : k + 1;
}

/**
 * `Outlook Traveller` / Title / Summary / `6 min  |` / date, then `Down To Earth` / Title / …:
 * cards opened by their own publication, each named once. The first card's name above its title
 * (a short line, no sentence) is its publication when every card after it, to the end of the
 * run, opens the same way (a short name right after the card above's reading time and date,
 * then a title, a summary and a reading time; the capture's last one may be cut before its
 * reading time), at least CARDS_OPENED_BY_NAME_MIN of them, and
 * no two cards print the same name or the same title (a section label repeats; so does a
 * publication printed after the title).
 */
function openedByPublication(
  lines: readonly ClassifiedLine[],
  title: number,
  r: number,
  lastLineOpen: boolean,
): boolean {
  const name = lines[title - 1];
  const first = lines[title];
  if (name?.kind !== 'text' || !isCardName(name) || first === undefined) return false;
  const seen = new Set<string>([name.key, first.key]);
  let cards = 0;
  let m = r + 1;
  for (;;) {
    const from = m;
    while (lines[m]?.kind === 'reading-time' || lines[m]?.kind === 'date') m++;
    const next = lines[m];
    if (next?.kind !== 'text') break;
    if (m === from || lines[m - 1]?.kind !== 'date') return false;
    const nextTitle = lines[m + 1];
    if (nextTitle === undefined || seen.has(next.key) || seen.has(nextTitle.key)) return false;
    if (lastLineOpen && cutAtEnd(lines, m)) {
      cards++;
      break;
    }
    if (!isCardName(next) || !isCardAt(lines, m + 1) || lines[m + 3]?.kind !== 'reading-time') return false;
    seen.add(next.key).add(nextTitle.key);
    cards++;
    m += 3;
  }
  return cards >= CARDS_OPENED_BY_NAME_MIN;
}

/**
 * The capture's last card cut in its summary, before its reading time: its name, a short title
 * and the start of its summary, the page's last line, open and with no sentence's end (the
 * caller knows the last line is open). The run of cards ends there.
 */
function cutAtEnd(lines: readonly ClassifiedLine[], m: number): boolean {
  const name = lines[m];
  const title = lines[m + 1];
  const summary = lines[m + 2];
  return (
    m + 3 === lines.length &&
    name !== undefined &&
    isCardName(name) &&
    title?.kind === 'text' &&
    isShortTitle(title.text) &&
    summary?.kind === 'text' &&
    !endsSentence(summary.text)
  );
}

function isCardName(line: ClassifiedLine): boolean {
  return line.kind === 'text' && line.text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(line.text);
}

/**
 * The capture's last line, cut, when it is the start of a platform line the
 * page printed earlier (the paywall block is printed twice: `Start your 14-day
 * Magz`): the same kind, whatever the language. Repetition, not vocabulary.
 */
export function cutRepeat(lines: ClassifiedLine[], lastLineOpen: boolean): void {
  const last = lines.at(-1);
  if (
    !lastLineOpen ||
    last === undefined ||
    last.kind !== 'text' ||
    last.text.length < MIN_CUT_BOILERPLATE_CHARS
  )
    return;
  for (let k = lines.length - 2; k >= 0; k--) {
    const line = lines[k] as ClassifiedLine;
    if (isBoilerplate(line) && line.text.length > last.text.length && line.text.startsWith(last.text)) {
      lines[lines.length - 1] = relabel(last, line.kind, { locales: [], cut: true });
      return;
    }
  }
}

/** A related card: a short title and the sentence under it. */
export function isCardAt(lines: readonly ClassifiedLine[], k: number): boolean {
  const title = lines[k];
  const summary = lines[k + 1];
  return (
    title?.kind === 'text' &&
    summary?.kind === 'text' &&
    isShortTitle(title.text) &&
    endsSentence(summary.text)
  );
}

function isShortTitle(text: string): boolean {
  return text.length <= TITLE_MAX_CHARS && !endsSentence(text);
}

/**
 * `More from this issue`, `इस अंक से और`: the heading a story page prints over its related
 * cards, in any language: a short line, no sentence, right above the reading time that opens
 * the first card, after the story's own header and at least one paragraph (a price of the
 * issue may stand between). It is a platform
 * header (relabelled here); returns whether there is one.
 */
export function headingOverCards(lines: ClassifiedLine[], storyFrom: number, cardAt: number): boolean {
  const heading = lines[cardAt - 1];
  if (
    cardAt - 2 <= storyFrom ||
    lines[cardAt]?.kind !== 'reading-time' ||
    !opensCard(lines, cardAt) ||
    heading?.kind !== 'text' ||
    !isShortLink(heading.text) ||
    !lines.slice(storyFrom, cardAt - 1).some((l) => l.kind === 'text' && endsSentence(l.text))
  )
    return false;
  lines[cardAt - 1] = relabel(heading, 'more-stories');
  return true;
}

/**
 * An issue page's heading over its first card (`Ebben a számban`, `本期內容`), in any wording:
 * the short line, no sentence, just above the reading time that opens the first card (links
 * such as `閱讀更多keyboard_arrow_down` may stand between), or above the first card's title
 * where the cards print their reading time under it. Never a teaser's title.
 */
export function cardsHeading(lines: ClassifiedLine[], topEnd: number): void {
  const first = lines.findIndex((l, k) => k >= topEnd && l.kind === 'reading-time');
  if (first < 0) return;
  let k: number;
  // cards printed Title / Summary / reading time: the first card's two lines are above its reading time
  if (readingTimesCloseCards(lines, first)) k = first - 3;
  else if (!opensCard(lines, first)) return;
  // cards printed Title / reading time / Summary: the first card's title is above its reading time
  else k = readingTimesUnderTitles(lines, topEnd) ? first - 2 : first - 1;
  while (k > topEnd && lines[k]?.kind === 'navigation') k--;
  const heading = lines[k];
  if (k > topEnd && heading?.kind === 'text' && isShortLink(heading.text))
    lines[k] = relabel(heading, 'issue-contents');
}

/**
 * Cards that print their reading time last (Title / Summary / `6 min`), from the first reading
 * time `first` to the page's end: every reading time under a sentence (the summary) under a line
 * that is none (the title), at least two of them, and no card opened by the last one.
 */
function readingTimesCloseCards(lines: readonly ClassifiedLine[], first: number): boolean {
  let last = first;
  for (let r = first; r < lines.length; r++) {
    if ((lines[r] as ClassifiedLine).kind !== 'reading-time') continue;
    const summary = lines[r - 1];
    const title = lines[r - 2];
    if (
      summary?.kind !== 'text' ||
      !endsSentence(summary.text) ||
      title?.kind !== 'text' ||
      endsSentence(title.text)
    )
      return false;
    last = r;
  }
  return last > first && !opensCard(lines, last);
}

/** A link's text: short, not a sentence. */
export function isShortLink(text: string): boolean {
  return text.length <= NAVIGATION_MAX_CHARS && !endsSentence(text);
}

/** A glued card line's parts: the publication before the digits, the reading time's unit after them. */
interface GluedCard {
  publication: string;
  unit: string;
}

const DIGIT_CODE_0 = 0x30;
const DIGIT_CODE_9 = 0x39;

/**
 * `Η Καθημερινή4 λεπτά ανάγνωσηςΠολιτική`: a name, one to three digits glued to it, a space, a
 * unit of at most GLUED_UNIT_MAX_WORDS short words in lower case (any language), and maybe the
 * section glued after it (its capital after a lower-case letter). Null for any other line.
 */
function gluedCardParts(text: string): GluedCard | null {
  if (text.length > 2 * CARD_PUBLICATION_MAX_CHARS) return null;
  let d = 0;
  while (d < text.length && !isDigitCode(text.charCodeAt(d))) d++;
  if (d === 0 || d === text.length || text.charAt(d - 1) === ' ') return null;
  let e = d;
  while (e < text.length && isDigitCode(text.charCodeAt(e))) e++;
  if (e - d > 3 || text.charAt(e) !== ' ') return null;
  let end = e + 1;
  while (end < text.length && !(isCapital(text.charAt(end)) && isSmall(text.charAt(end - 1)))) end++;
  const unit = text.slice(e + 1, end).trim();
  const words = unit.split(' ');
  if (
    unit === '' ||
    hasUppercase(unit) ||
    words.length > GLUED_UNIT_MAX_WORDS ||
    !words.every((w) => GLUED_UNIT_WORD.test(w))
  )
    return null;
  const publication = text.slice(0, d).trim();
  if (
    publication.length > CARD_PUBLICATION_MAX_CHARS ||
    endsSentence(publication) ||
    !hasUppercase(publication)
  )
    return null;
  return { publication, unit };
}

/** A word of a reading time's unit: letters (and their marks), maybe closed by a dot (`дақ.`). */
const GLUED_UNIT_WORD = /^[\p{L}\p{M}]{1,15}\.?$/u;

function isDigitCode(code: number): boolean {
  return code >= DIGIT_CODE_0 && code <= DIGIT_CODE_9;
}

function isCapital(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isSmall(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Glued card lines whose reading time no table knows (`Pub4 λεπτά ανάγνωσηςSection`): the shape
 * alone could be a title (`Windows11 is here`), so it takes the same unit printed on at least two
 * such lines: the cards of one page print their reading times alike. They are card publications.
 */
export function gluedCardsByShape(lines: ClassifiedLine[]): void {
  const found: { at: number; card: GluedCard }[] = [];
  const units = new Map<string, number>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text') continue;
    const card = gluedCardParts(line.text);
    if (card === null) continue;
    found.push({ at: k, card });
    units.set(card.unit, (units.get(card.unit) ?? 0) + 1);
  }
  for (const { at, card } of found)
    if ((units.get(card.unit) ?? 0) >= GLUED_UNIT_MIN_CARDS)
      lines[at] = relabel(lines[at] as ClassifiedLine, 'card-publication', { publication: card.publication });
}

/**
 * `The Namibian · Tue, 4 Jun 2024` over each card of a feed: a name and a whole date joined by a
 * middle dot (`cardPublicationDate`), right above the card's title (a short line, no sentence)
 * and its summary. A story's credit line has its deck or its body under it; a search result's
 * line has the name and the date again. Printed so on at least GLUED_UNIT_MIN_CARDS lines (a
 * feed's cards print it alike), such lines are card publications carrying the card's date.
 */
export function publicationDateCards(lines: ClassifiedLine[]): void {
  const found: { at: number; card: { publication: string; date: PrintedDate } }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || !line.text.includes('·') || !isCardAt(lines, k + 1)) continue;
    const card = cardPublicationDate(line.text);
    if (card !== null) found.push({ at: k, card });
  }
  if (found.length < GLUED_UNIT_MIN_CARDS) return;
  for (const { at, card } of found)
    lines[at] = relabel(lines[at] as ClassifiedLine, 'card-publication', {
      publication: card.publication,
      date: card.date,
    });
}

/**
 * `Pub 07-DEC-2021` on a card's date line: the issue named by the card's publication and its
 * date, as the old header's `Pub|Pub 07-NOV-2021` names it. A short line closing with a digit
 * that opens with a name the page prints alone as a publication (`printedNames`), the rest a whole printed date, is a date line; a card prints it as its date whole.
 */
export function namedIssueDates(lines: ClassifiedLine[]): void {
  let names: Set<string> | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    const text = line.text;
    if (line.kind !== 'text' || text.length > CARD_PUBLICATION_MAX_CHARS) continue;
    if (!isDigitCode(text.charCodeAt(text.length - 1)) || !text.includes(' ')) continue;
    names ??= printedNames(lines);
    for (let at = text.indexOf(' '); at > 0; at = text.indexOf(' ', at + 1)) {
      const name = text.slice(0, at);
      if (!names.has(name)) continue;
      const date = parseNamedIssueDate(text, name);
      if (date !== null) {
        lines[k] = relabel(line, 'date', { date: { ...date, issueName: text } });
        break;
      }
    }
  }
}

/**
 * Names the page prints alone as a publication: the left of `Pub|…`, a card's publication line, and
 * any short line that ends no sentence printed at least twice (a card's name over each card).
 */
function printedNames(lines: readonly ClassifiedLine[]): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.kind === 'pipe' || line.kind === 'card-publication') {
      if (line.publication !== undefined) names.add(line.publication);
    } else if (line.text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(line.text)) {
      if (seen.has(line.text)) names.add(line.text);
      else seen.add(line.text);
    }
  }
  return names;
}

/** `Page 8`, `pg 14`, `8`: a page number, maybe after one short word (`p. 12` is read by its own shape). */
const PAGE_NUMBER = /^(?:(\p{L}{1,5})\.? ?)?(\d{1,4})$/u;
/** A page number line is at most this long (`Seite 1234`). */
const PAGE_NUMBER_MAX_CHARS = 11;

/**
 * `Page 8` under each card's summary of a contents page (Title / Summary / page number), in any
 * language: a line of a number, maybe after one short word, right under a sentence (the summary)
 * and over a line that ends none (the next title) or the end, printed with the same word (or none) under at least
 * GLUED_UNIT_MIN_CARDS cards. It closes its card as a reading time does.
 */
export function pageNumbersByRepeat(lines: ClassifiedLine[]): void {
  const found: { at: number; word: string }[] = [];
  const numbers = new Map<string, number[]>();
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    const text = line.text;
    if (line.kind !== 'text' || text.length > PAGE_NUMBER_MAX_CHARS) continue;
    if (!isDigitCode(text.charCodeAt(text.length - 1))) continue;
    // under a summary (a sentence), over the next card's title (none) or the end: a story's `Part 2` subhead sits between sentences
    const above = lines[k - 1] as ClassifiedLine;
    const next = lines[k + 1];
    if (above.kind !== 'text' || !endsSentence(above.text)) continue;
    if (next !== undefined && (next.kind !== 'text' || endsSentence(next.text))) continue;
    const m = PAGE_NUMBER.exec(text);
    if (m === null) continue;
    const word = (m[1] ?? '').toLowerCase();
    found.push({ at: k, word });
    const printed = numbers.get(word) ?? [];
    printed.push(Number(m[2]));
    numbers.set(word, printed);
  }
  for (const { at, word } of found)
    if (arePageNumbers(numbers.get(word) ?? []))
      lines[at] = relabel(lines[at] as ClassifiedLine, 'reading-time');
}

/**
 * A contents page's page numbers rise, and an article spans pages, so they do not run on by one
 * at every step: `Meal 1`, `Meal 2`, `Meal 3` (or `Part 1` … `Part 1` again) are numbered
 * subheads of a story.
 */
function arePageNumbers(numbers: readonly number[]): boolean {
  if (numbers.length < GLUED_UNIT_MIN_CARDS) return false;
  let byOne = true;
  for (let k = 1; k < numbers.length; k++) {
    const step = (numbers[k] as number) - (numbers[k - 1] as number);
    if (step <= 0) return false;
    if (step !== 1) byOne = false;
  }
  return !byOne;
}

/**
 * `Salud 2.04 min de lecturaTecnología` under a header naming `Salud 2.0`: a card line whose
 * publication ends in a digit, the count glued after it, where no split by shape can tell the
 * name's digits from the count's. A name the page's header prints (a short line near the top)
 * that the line opens with, followed by one to three digits, a space and a word in lower case,
 * is the card's publication.
 */
export function gluedCardsAfterHeaderName(lines: ClassifiedLine[]): void {
  const names: string[] = [];
  for (let k = 0; k < Math.min(lines.length, HEADER_SCAN_LINES); k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'text' && line.text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(line.text))
      names.push(line.text);
  }
  if (names.length === 0) return;
  for (let k = HEADER_SCAN_LINES; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > 2 * CARD_PUBLICATION_MAX_CHARS) continue;
    const name = names.find((n) => countGluedAfter(line.text, n));
    if (name !== undefined) lines[k] = relabel(line, 'card-publication', { publication: name });
  }
}

/** Whether `text` is `name`, one to three digits glued to it, a space and a word in lower case. */
function countGluedAfter(text: string, name: string): boolean {
  if (!text.startsWith(name)) return false;
  let end = name.length;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
  const digits = end - name.length;
  return digits >= 1 && digits <= 3 && text.charAt(end) === ' ' && isSmall(text.charAt(end + 1));
}

/**
 * `4 นาทีในการอ่าน`, `ອ່ານ 5 ນາທີ`: a card's reading time in a wording no table knows, told by
 * its shape and its place. One run of digits and at most two short words, no capital (a title
 * such as `Apollo 11` has one) and no sentence, right above the card's date or above its
 * publication and date. Such lines are reading times.
 */
export function readingTimesByPlace(lines: ClassifiedLine[]): void {
  // lines in the slot shaped loosely (capitals, a label and its colon), by their template
  const loose: { at: number; shape: string }[] = [];
  const printed = new Map<string, number>();
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || !aboveCardDate(lines, k)) continue;
    if (readingTimeShaped(line.text)) lines[k] = relabel(line, 'reading-time');
    else if (looseReadingTimeShaped(line.text)) {
      const shape = line.text.replace(DIGIT_RUNS, '0');
      loose.push({ at: k, shape });
      printed.set(shape, (printed.get(shape) ?? 0) + 1);
    }
  }
  for (const { at, shape } of loose)
    if ((printed.get(shape) ?? 0) >= LOOSE_READING_TIME_MIN_CARDS)
      lines[at] = relabel(lines[at] as ClassifiedLine, 'reading-time');
}

/** Right above a card's date, or above its publication and date: where a card prints its reading time. */
function aboveCardDate(lines: readonly ClassifiedLine[], k: number): boolean {
  const next = lines[k + 1] as ClassifiedLine;
  return (
    next.kind === 'date' ||
    ((next.kind === 'card-publication' || (next.kind === 'text' && isShortLink(next.text))) &&
      lines[k + 2]?.kind === 'date')
  );
}

/**
 * `Nkeji 4 agụ`, `Lesezeit: 6 Min.`: one number standing as its own word among at most
 * LOOSE_READING_TIME_MAX_WORDS words, capitals allowed, maybe a label and its colon, maybe an
 * abbreviation's dot at the end. A title can be shaped so too (`Apollo 11`), so such a line is a
 * reading time only where the cards print it alike (see `readingTimesByPlace`).
 */
function looseReadingTimeShaped(text: string): boolean {
  if (text.length > READING_TIME_MAX_CHARS) return false;
  const words = text.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > LOOSE_READING_TIME_MAX_WORDS) return false;
  const last = words.at(-1) as string;
  const body = last.endsWith('.') && [...last].length <= ABBREVIATION_MAX_CHARS ? text.slice(0, -1) : text;
  if (endsSentence(body)) return false;
  let runs = 0;
  for (DIGIT_RUNS.lastIndex = 0; DIGIT_RUNS.exec(text) !== null;) runs++;
  return runs === 1 && words.filter((w) => /^\p{Nd}{1,3}$/u.test(w)).length === 1;
}

/** `3 मि.`, `5 mintuna`: a number and one short word of letters (maybe closed by a dot), nothing else. */
const NUMBER_AND_UNIT = /^\p{Nd}{1,3} ([\p{L}\p{M}]{1,15}\.?)$/u;

/**
 * `3 मि.` above a story's title and `4 मि.` above each card: reading times in a wording no table
 * knows, told by repetition. A number and one short word in no capitals (an issue count, a title
 * such as `Apollo 11`, has one), the same word on at least GLUED_UNIT_MIN_CARDS lines: a page's
 * reading times print their unit alike. Such lines are reading times, never issue counts.
 */
export function readingTimesByRepeat(lines: ClassifiedLine[]): void {
  const found: { at: number; unit: string }[] = [];
  const units = new Map<string, number>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind !== 'text' || line.text.length > READING_TIME_MAX_CHARS) continue;
    const unit = NUMBER_AND_UNIT.exec(line.text)?.[1];
    if (unit === undefined || hasUppercase(unit) || unit.length > READING_UNIT_MAX_CHARS + 1) continue;
    found.push({ at: k, unit });
    units.set(unit, (units.get(unit) ?? 0) + 1);
  }
  for (const { at, unit } of found)
    if ((units.get(unit) ?? 0) >= GLUED_UNIT_MIN_CARDS)
      lines[at] = relabel(lines[at] as ClassifiedLine, 'reading-time');
}

const DIGIT_RUNS = /\p{Nd}+/gu;

function readingTimeShaped(text: string): boolean {
  if (text.length > READING_TIME_MAX_CHARS || endsSentence(text) || hasUppercase(text)) return false;
  const words = text.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > 3) return false;
  let runs = 0;
  for (DIGIT_RUNS.lastIndex = 0; DIGIT_RUNS.exec(text) !== null;) runs++;
  // the number stands as its own word: `4 นาที…`, not glued inside one (`ปี2024`)
  return runs === 1 && words.filter((w) => /^\p{Nd}{1,3}$/u.test(w)).length === 1;
}
