/**
 * Stage 5: teaser cards. The region after the paywall block is read as a
 * sequence of tokens (text, publication, reading time, date); cards are the
 * title/summary pairs, and the anchors between them are attached to the card
 * they belong to: a date closes a card, a publication after the date opens
 * the next one.
 */

import type { ClassifiedLine } from './classify.js';
import { isBoilerplate, type Ledger } from './ledger.js';
import { PAGE_REFERENCE_SHAPE } from './rules/generic.js';
import {
  CAPTURE_CUT_SUMMARY_SHARE,
  CARD_ALT_WINDOW,
  CARD_PUBLICATION_MAX_CHARS,
  CLIPPED_SUMMARY_CUT_SHARE,
  CLONE_COMPARISONS_PER_LINE,
  CLONE_MIN_LINES,
  NAMED_TITLE_ONLY_MIN_CARDS,
  NAMES_UNDER_SUMMARIES_MIN_CARDS,
  READING_TIME_INSIDE_MIN_CARDS,
  SHAPE_PAIRED_MIN_CARDS,
  SHAPE_LEADING_LINES_MAX,
  ANCHOR_CLOSED_MIN_CARDS,
} from './settings.js';
import { endsSentence, foldKey } from './text.js';
import type { Teaser } from './types.js';

type TokenKind = 'text' | 'publication' | 'reading-time' | 'date';

interface Token {
  kind: TokenKind;
  line: ClassifiedLine;
  key: string;
}

interface Card {
  title: Token;
  summary: Token | null;
  publication: Token | null;
  date: Token | null;
}

export interface TeaserContext {
  /** Publications the page names elsewhere (edition line, header, "More stories from"), any case. */
  knownPublications: readonly string[];
  /** Index of the line cut by the end of the capture, or null when the capture ends cleanly. */
  cutLineIndex: number | null;
  /** Index of the last line when the text ends without a line break (it may be cut), else null. */
  openLineIndex: number | null;
}

function tokenize(zone: readonly ClassifiedLine[], ledger: Ledger): Token[] {
  const tokens: Token[] = [];
  for (const line of zone) {
    if (line.kind === 'reading-time') {
      ledger.removeBoilerplate(line);
      tokens.push({ kind: 'reading-time', line, key: '' });
    } else if (isBoilerplate(line)) {
      ledger.removeBoilerplate(line);
      // a contents page's `p. 12` closes its card as a reading time does
      if (PAGE_REFERENCE_SHAPE.test(line.text)) tokens.push({ kind: 'reading-time', line, key: '' });
    } else if (line.kind === 'card-publication')
      tokens.push({ kind: 'publication', line, key: foldKey(line.publication ?? '') });
    else if (line.kind === 'date') tokens.push({ kind: 'date', line, key: '' });
    else if (line.kind === 'text') tokens.push({ kind: 'text', line, key: line.key });
    else ledger.remove(line, 'layout');
  }
  return tokens;
}

type Repeats = ReadonlyMap<string, { first: number; last: number; count: number }>;

/**
 * Repetitions of each text line inside the teaser zone. A card's publication
 * repeats from card to card; a story title repeated as a card title (a teaser
 * of the same name from another issue) repeats only next to its thumbnail.
 */
function zoneRepeats(tokens: readonly Token[]): Repeats {
  const map = new Map<string, { first: number; last: number; count: number }>();
  for (const t of tokens) {
    if (t.kind !== 'text') continue;
    const seen = map.get(t.key);
    if (seen) {
      seen.last = t.line.index;
      seen.count++;
    } else map.set(t.key, { first: t.line.index, last: t.line.index, count: 1 });
  }
  return map;
}

function looksLikePublication(
  token: Token,
  k: number,
  tokens: readonly Token[],
  repeats: Repeats,
  known: ReadonlySet<string>,
  openLineIndex: number | null,
): boolean {
  const text = token.line.text;
  if (text.length > CARD_PUBLICATION_MAX_CHARS) return false;
  // a name the page prints elsewhere may close with its own mark (`Sal y Pimienta!`)
  if (known.has(token.key)) return true;
  if (endsSentence(text)) return false;
  const rep = repeats.get(token.key);
  if (rep !== undefined && rep.count >= 2 && rep.last - rep.first > CARD_ALT_WINDOW) return true;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (prev?.kind === 'reading-time' && next?.kind === 'date') return true;
  // Pub / Title / Summary / anchor after the card above closed with its date: the card's publication
  const cardOpen = prev === undefined || prev.kind === 'date';
  const anchor = tokens[k + 3]?.kind;
  // the capture's last card may be cut in its summary, before its anchor (an open last line, no
  // sentence's end), under a card closed by its date
  const summary = tokens[k + 2]?.line;
  const cutSummary =
    anchor === undefined &&
    prev?.kind === 'date' &&
    summary !== undefined &&
    summary.index === openLineIndex &&
    !endsSentence(summary.text);
  if (
    cardOpen &&
    opensTitleAndSummaryOf(tokens, k + 1, token.key) &&
    (anchor === 'reading-time' || anchor === 'date' || cutSummary)
  )
    return true;
  // a name printed twice in a row over a title and its summary (logo alt, then publication): both copies
  const doubledAbove = prev?.kind === 'text' && prev.key === token.key;
  const opensTitleAndSummary = (at: number): boolean => opensTitleAndSummaryOf(tokens, at, token.key);
  return (
    (next?.kind === 'text' && next.key === token.key && opensTitleAndSummary(k + 2)) ||
    (doubledAbove && opensTitleAndSummary(k + 1) && looksLikePublicationAbove(tokens, k - 1))
  );
}

/** Whether a title and a summary (two text lines, neither a copy of `key`) open at `at`. */
function opensTitleAndSummaryOf(tokens: readonly Token[], at: number, key: string): boolean {
  const [title, summary] = [tokens[at], tokens[at + 1]];
  return title?.kind === 'text' && title.key !== key && summary?.kind === 'text' && summary.key !== key;
}

/** The first copy of a doubled name: what opens it is a card's end (a date, a reading time) or nothing. */
function looksLikePublicationAbove(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  return before === undefined || before.kind === 'date' || before.kind === 'reading-time';
}

/**
 * Pub / Title / reading time / date: title-only cards each opened by its publication, the names
 * printed nowhere else (a "popular stories" strip). Where every card of the zone is two short
 * lines, neither a sentence, closed by its reading time or date, at least two cards and one
 * date, the first line of each is its publication. Returns their token indices (empty for none).
 */
function namesOverTitles(tokens: readonly Token[]): number[] {
  const names: number[] = [];
  let run: number[] = [];
  let dated = false;
  for (let k = 0; k <= tokens.length; k++) {
    const token = tokens[k];
    if (token?.kind === 'text') {
      const text = token.line.text;
      if (text.length > CARD_PUBLICATION_MAX_CHARS || endsSentence(text)) return [];
      run.push(k);
      continue;
    }
    if (token?.kind === 'date') dated = true;
    if (run.length === 0) continue;
    // a run closed by the zone's end without its anchor: a card cut after its title
    if (run.length !== 2 && !(token === undefined && run.length === 1)) return [];
    if (run.length === 2) names.push(run[0] as number);
    run = [];
  }
  return dated && names.length >= NAMED_TITLE_ONLY_MIN_CARDS ? names : [];
}

/**
 * Title / Summary / Pub / date: cards that print their publication and date under the summary
 * (the oldest paywall's related cards, from other publications), not over the title. Told by
 * shape, each card three text lines closed by its date or reading time: the second ends a
 * sentence (the summary), the third is short and ends none (the name), the first ends none (a
 * title). Every such run of the zone must read so (the first may have lines of its own above
 * it), at least NAMES_UNDER_SUMMARIES_MIN_CARDS of them; one run read the other way (Pub / Title
 * / Summary, the summary last) and there are none. Returns the names' and the titles' token
 * indices (both empty for none).
 */
function namesUnderSummaries(tokens: readonly Token[]): { names: number[]; titles: number[] } {
  const none = { names: [], titles: [] };
  const names: number[] = [];
  const titles: number[] = [];
  let run: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind === 'text') {
      run.push(k);
      continue;
    }
    if (!isClosingAnchor(token) || run.length === 0) {
      if (token.kind === 'publication') return none;
      continue;
    }
    if (run.length < 3 || (run.length > 3 && names.length > 0)) return none;
    const [title, summary, name] = run.slice(-3).map((i) => (tokens[i] as Token).line.text) as [
      string,
      string,
      string,
    ];
    if (
      !endsSentence(summary) ||
      endsSentence(name) ||
      endsSentence(title) ||
      name.length > CARD_PUBLICATION_MAX_CHARS
    )
      return none;
    names.push(run[run.length - 1] as number);
    titles.push(run[run.length - 3] as number);
    run = [];
  }
  return names.length >= NAMES_UNDER_SUMMARIES_MIN_CARDS ? { names, titles } : none;
}

/** A reading time or a date: what closes a card printed after it. */
function isClosingAnchor(token: Token | undefined): boolean {
  return token?.kind === 'reading-time' || token?.kind === 'date';
}

/**
 * `Hens in a movable pen` / Pub / Title / Summary / reading time: a thumbnail's alt text that
 * describes the photo, not the title, above the card's publication. Told by its place: after the
 * card above closed (its reading time or date) or at the zone's start, a line that ends no
 * sentence, over the publication, a title, a summary and the card's own closing anchor.
 */
function photoAlt(typed: readonly Token[], k: number): boolean {
  if (!(k === 0 || isClosingAnchor(typed[k - 1])) || typed[k + 1]?.kind !== 'publication') return false;
  if (typed[k + 2]?.kind !== 'text' || typed[k + 3]?.kind !== 'text') return false;
  // a label the card prints before its reading time (`time-read`, read as a name where no table knows it)
  let m = k + 4;
  if (typed[m]?.kind === 'publication') m++;
  return isClosingAnchor(typed[m]) && !endsSentence((typed[k] as Token).line.text);
}

/** A title the capture cut is at least this long (in folded characters) to be told from its alt's opening. */
const CUT_TITLE_MIN_CHARS = 4;

/**
 * `The Oyster Farmers Of Loch Fyne` / Pub / `The Oyster Farm` (the capture's end): a thumbnail's
 * alt over its card's title, which the capture cut, so the two differ. The alt is the copy when
 * the title (under the card's publication: a card publication line, a name the page prints
 * elsewhere or one the cards repeat, at most CARD_ALT_WINDOW lines) is the capture's cut or open last line and opens the
 * alt's text. Returns the alt's token index, or -1.
 */
function altOverCutTitle(
  tokens: readonly Token[],
  ctx: TeaserContext,
  known: ReadonlySet<string>,
  repeats: Repeats,
): number {
  const last = tokens.length - 1;
  const title = tokens[last];
  if (title?.kind !== 'text') return -1;
  const index = title.line.index;
  if (index !== ctx.cutLineIndex && index !== ctx.openLineIndex) return -1;
  let k = last - 1;
  // the card's publication line(s) between: a card publication, or a name the page prints elsewhere
  const isName = (t: Token | undefined): boolean =>
    t?.kind === 'publication' ||
    (t?.kind === 'text' && (known.has(t.key) || (repeats.get(t.key)?.count ?? 0) >= 2));
  while (k >= 0 && last - k <= CARD_ALT_WINDOW && isName(tokens[k])) k--;
  const alt = tokens[k];
  if (alt?.kind !== 'text' || k === last - 1) return -1;
  return title.key.length >= CUT_TITLE_MIN_CHARS &&
    title.key.length < alt.key.length &&
    alt.key.startsWith(title.key)
    ? k
    : -1;
}

/** Mark publications, drop thumbnail alt text (a copy of the next title) and second publication copies. */
function refine(tokens: Token[], ledger: Ledger, ctx: TeaserContext): Token[] {
  const known = new Set(ctx.knownPublications.map(foldKey));
  const repeats = zoneRepeats(tokens);
  const under = namesUnderSummaries(tokens);
  const names = new Set([...namesOverTitles(tokens), ...under.names]);
  const titles = new Set(under.titles);
  const cutAlt = altOverCutTitle(tokens, ctx, known, repeats);
  const typed = tokens.map((t, k) =>
    t.kind === 'text' &&
    !titles.has(k) &&
    k !== cutAlt &&
    (names.has(k) || looksLikePublication(t, k, tokens, repeats, known, ctx.openLineIndex))
      ? { ...t, kind: 'publication' as const }
      : t,
  );
  const out: Token[] = [];
  for (let k = 0; k < typed.length; k++) {
    const token = typed[k] as Token;
    if (k === cutAlt) {
      ledger.remove(token.line, 'duplicate');
      continue;
    }
    if (token.kind === 'text') {
      let m = k + 1;
      while (m < typed.length && m <= k + CARD_ALT_WINDOW && typed[m]?.kind === 'publication') m++;
      const nextText = typed[m];
      const afterThat = typed[m + 1];
      if (
        nextText?.kind === 'text' &&
        nextText.key === token.key &&
        m <= k + CARD_ALT_WINDOW &&
        (afterThat === undefined || afterThat.kind === 'text')
      ) {
        ledger.remove(token.line, 'duplicate');
        continue;
      }
    }
    if (token.kind === 'text' && photoAlt(typed, k)) {
      ledger.remove(token.line, 'layout');
      continue;
    }
    const prev = out.at(-1);
    if (token.kind === 'publication' && prev?.kind === 'publication' && prev.key === token.key) {
      ledger.remove(token.line, 'duplicate');
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * Cards printed Title / reading time / Summary (a Scribd issue overview: `The Swift Towers` /
 * `8 min read` / `In three towns…`), in any language: at least READING_TIME_INSIDE_MIN_CARDS
 * reading times between two text lines where the line under it ends a sentence (a summary) and
 * the one above does not (a title), and none the other way round (a summary above the reading
 * time and the next title under it: Title / Summary / reading time, or Zinio's reading time
 * over its title). There the reading time is inside its card: it neither opens nor closes one.
 */
export function readingTimesUnderTitles(lines: readonly ClassifiedLine[], from = 0): boolean {
  let under = 0;
  for (let k = from + 1; k + 1 < lines.length; k++) {
    if ((lines[k] as ClassifiedLine).kind !== 'reading-time') continue;
    const above = lines[k - 1] as ClassifiedLine;
    const below = lines[k + 1] as ClassifiedLine;
    if (above.kind !== 'text' || below.kind !== 'text') continue;
    const titleAbove = !endsSentence(above.text);
    const summaryBelow = endsSentence(below.text);
    if (titleAbove && summaryBelow) under++;
    else if (!titleAbove && !summaryBelow) return false;
  }
  return under >= READING_TIME_INSIDE_MIN_CARDS;
}

/**
 * Title / Summary cards with no other marks where one card prints no summary (a heading-like
 * title between two full cards): paired by shape, each summary a line that ends a sentence, each
 * title the line above it, and a line followed by no such summary a title-only card. Only where
 * that reads every card: at least two full cards, and a title-only card only after a full one
 * (two in a row are a site that prints its summaries without a final stop). Returns null where
 * the zone has marks or does not read that way.
 */
function pairsByShape(tokens: readonly Token[]): { cards: Card[]; lead: number } | null {
  if (tokens.some((t) => t.kind !== 'text')) return null;
  const cards: Card[] = [];
  let full = 0;
  const lead = leadingLines(tokens);
  for (let k = lead; k < tokens.length;) {
    const title = tokens[k] as Token;
    const next = tokens[k + 1];
    if (next !== undefined && endsSentence(next.line.text)) {
      cards.push({ title, summary: next, publication: null, date: null });
      full++;
      k += 2;
      continue;
    }
    if (cards.at(-1)?.summary === null || (cards.length === 0 && next !== undefined)) return null;
    cards.push({ title, summary: null, publication: null, date: null });
    k++;
  }
  return full >= SHAPE_PAIRED_MIN_CARDS ? { cards, lead } : null;
}

/**
 * Lines above the first Title / Summary pair of a zone of bare text lines: a heading or a UI line
 * no table holds (`MGA IBA PANG KUWENTO`, a second paywall sentence over a "related" heading),
 * which would otherwise pair with the first title and shift every card. The first title is the
 * first line that ends no sentence with a sentence under it, at most SHAPE_LEADING_LINES_MAX
 * lines down, where the lines from it on pair whole (every summary a sentence, no title one) and
 * would not with the lines above (an odd count); those are no card. Returns how many (0: none).
 */
function leadingLines(tokens: readonly Token[]): number {
  for (let k = 0; k <= SHAPE_LEADING_LINES_MAX; k++) {
    const title = tokens[k];
    const summary = tokens[k + 1];
    if (title === undefined || summary === undefined) return 0;
    if (!endsSentence(title.line.text) && endsSentence(summary.line.text))
      // the lines under them pair whole (a full card each), which they would not with the lead
      // (a first card whose summary has no final stop pairs as printed)
      return (tokens.length - k) % 2 === 0 && tokens.length % 2 === 1 && everyOtherSentence(tokens, k)
        ? k
        : 0;
  }
  return 0;
}

/** Whether, from `from` on, the lines pair as Title / Summary cards, every summary a sentence and no title one. */
function everyOtherSentence(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++)
    if (endsSentence((tokens[k] as Token).line.text) !== ((k - from) % 2 === 1)) return false;
  return true;
}

/** Pair text tokens into cards; a text after an anchor (publication, reading time, date) opens a new card. */
function buildCards(tokens: readonly Token[]): { cards: Card[]; gaps: Token[][]; lead: Token[] } {
  const byShape = pairsByShape(tokens);
  if (byShape !== null)
    return {
      cards: byShape.cards,
      gaps: [[], ...byShape.cards.map((): Token[] => [])],
      lead: tokens.slice(0, byShape.lead),
    };
  const cards: Card[] = [];
  const gaps: Token[][] = [[]];
  let open: Card | null = null;
  let anchorSinceText = false;
  for (const token of tokens) {
    if (token.kind !== 'text') {
      (gaps[gaps.length - 1] as Token[]).push(token);
      anchorSinceText = true;
      continue;
    }
    if (open !== null && open.summary === null && !anchorSinceText) {
      open.summary = token;
    } else {
      open = { title: token, summary: null, publication: null, date: null };
      cards.push(open);
      gaps.push([]);
    }
    anchorSinceText = false;
  }
  return { cards, gaps, lead: [] };
}

/** Whether the card at `k` is closed by an anchor printed after it: a reading time, a page reference, a date. */
function closedByAnchor(gaps: readonly Token[][], k: number): boolean {
  return (gaps[k + 1] ?? []).some((t) => t.kind === 'reading-time' || t.kind === 'date');
}

/**
 * Cards that each close with an anchor printed after them (Title / Summary / `p. 8`, … / reading
 * time / date): where every card between the first and the last is closed so, at least
 * ANCHOR_CLOSED_MIN_CARDS of them, a first card that is not (two lines of the site's own, such as
 * a mirror's archive link and app note above its contents) is no card; and the last card, not
 * closed where the zone ends, is cut by the capture whatever its size (`cutUnclosed`). Returns
 * how many cards open the zone that are no cards (0 or 1).
 */
function anchorClosed(
  cards: readonly Card[],
  gaps: readonly Token[][],
): { notCards: number; cutLast: boolean } {
  const none = { notCards: 0, cutLast: false };
  // anchors printed before the cards (`5 min.` / Title / Summary) open them, they close none
  if (cards.length < ANCHOR_CLOSED_MIN_CARDS + 1 || closedByAnchor(gaps, -1)) return none;
  for (let k = 1; k < cards.length - 1; k++) if (!closedByAnchor(gaps, k)) return none;
  const last = cards.length - 1;
  const lastClosed = closedByAnchor(gaps, last);
  const firstClosed = closedByAnchor(gaps, 0);
  // closed cards after the first: the middle ones and maybe the last
  const closedAfterFirst = last - 1 + (lastClosed ? 1 : 0);
  const first = cards[0] as Card;
  const notCards =
    !firstClosed &&
    closedAfterFirst >= ANCHOR_CLOSED_MIN_CARDS &&
    (gaps[0] ?? []).length === 0 &&
    first.summary !== null &&
    first.publication === null &&
    first.date === null
      ? 1
      : 0;
  // every other card closed, nothing printed after the last card's lines: the capture stops inside it
  const closedOthers = last - 1 + (firstClosed ? 1 : 0);
  const cutLast =
    !lastClosed &&
    (firstClosed || notCards === 1) &&
    closedOthers >= ANCHOR_CLOSED_MIN_CARDS &&
    (gaps[last + 1] ?? []).length === 0;
  return { notCards, cutLast };
}

/**
 * The page's last card cut right after its publication line (alt / Pub, end of capture): the
 * name under a bare title (the thumbnail's alt text, no summary, no date, no name yet) is that
 * card's publication. Returns the card it belongs to, or undefined.
 */
function cutAfterName(above: Card | undefined, token: Token): Card | undefined {
  return token.kind === 'publication' &&
    above !== undefined &&
    above.summary === null &&
    above.date === null &&
    above.publication === null
    ? above
    : undefined;
}

/**
 * Attach each gap's anchors: dates (and publications before a date) close the
 * card above; publications after the last date open the card below.
 */
function attachAnchors(cards: Card[], gaps: readonly Token[][], ledger: Ledger): void {
  for (let g = 0; g < gaps.length; g++) {
    const gap = gaps[g] as Token[];
    const above = g > 0 ? cards[g - 1] : undefined;
    const below = cards[g];
    let lastDate = -1;
    gap.forEach((t, k) => {
      if (t.kind === 'date') lastDate = k;
    });
    gap.forEach((t, k) => {
      if (t.kind === 'reading-time') return;
      const target = t.kind === 'date' || k < lastDate ? above : (below ?? cutAfterName(above, t));
      if (target === undefined) {
        ledger.remove(t.line, 'layout');
        return;
      }
      if (t.kind === 'date' && target.date === null) target.date = t;
      else if (t.kind === 'publication' && target.publication === null) {
        target.publication = t;
        // a feed card's `Pub · date` line dates the card it opens
        if (t.line.date !== undefined && target.date === null && target !== above) target.date = t;
      } else
        ledger.remove(
          t.line,
          t.kind === 'publication' && target.publication?.key === t.key ? 'duplicate' : 'layout',
        );
    });
  }
}

/**
 * The page ends on the last card's title, with nothing of the card after it: cut, even alone
 * (no other card to compare with) and even when the title's line looks whole. The capture ends
 * inside the title (no line break after it), or after a title opened by its publication
 * (`Pub` / `Title`), where no other card of the page is printed as a bare title.
 */
function endsOnBareTitle(card: Card, others: readonly Card[], openLineIndex: number | null): boolean {
  if (card.summary !== null || card.date !== null) return false;
  if (card.title.line.index === openLineIndex) return true;
  return card.publication !== null && others.every((c) => c.summary !== null || c.date !== null);
}

function closedSummary(card: Card): boolean {
  return card.summary !== null && endsSentence(card.summary.line.text);
}

/**
 * Every card has a summary clipped by the site: none closed, all of about one length (the
 * shortest at least CLIPPED_SUMMARY_CUT_SHARE of the longest; summaries merely printed without a
 * final stop vary), at least two of them; and `length` is less than CAPTURE_CUT_SUMMARY_SHARE of
 * that length (a site prints a short description whole, so only a clearly shorter one is cut).
 */
function clippedLonger(cards: readonly Card[], length: number): boolean {
  if (cards.length < 2) return false;
  let shortest = Infinity;
  let longest = 0;
  for (const c of cards) {
    if (c.summary === null || endsSentence(c.summary.line.text)) return false;
    shortest = Math.min(shortest, c.summary.line.text.length);
    longest = Math.max(longest, c.summary.line.text.length);
  }
  return shortest >= longest * CLIPPED_SUMMARY_CUT_SHARE && length < shortest * CAPTURE_CUT_SUMMARY_SHARE;
}

function isPartial(card: Card, k: number, cards: readonly Card[], ctx: TeaserContext): boolean {
  const parts = [card.title, card.summary, card.publication, card.date];
  const { cutLineIndex, openLineIndex } = ctx;
  if (cutLineIndex !== null && parts.some((p) => p !== null && p.line.index === cutLineIndex)) return true;
  if (k !== cards.length - 1) return false;
  if (endsOnBareTitle(card, cards.slice(0, -1), openLineIndex)) return true;
  // the text ends without a line break inside the last summary, which stops mid-sentence
  const summary = card.summary?.line;
  const openSummary = summary !== undefined && summary.index === openLineIndex && !endsSentence(summary.text);
  // the only card: no other to compare with, its open summary is cut
  if (cards.length < 2) return openSummary;
  const others = cards.slice(0, -1);
  // where every other card's summary is closed, or every other is clipped by the site (none closed)
  // and longer than this one: cut, whatever the capture's size
  if (openSummary && (others.every(closedSummary) || clippedLonger(others, summary.text.length))) return true;
  if (card.summary === null && others.every((c) => c.summary !== null)) return true;
  return card.date === null && others.every((c) => c.date !== null);
}

/**
 * The carousel printed again for looping: from some line on, the zone repeats its own lines from
 * its first one, line for line, to its end (the capture's last line may stop inside its
 * original). At least CLONE_MIN_LINES lines. Linear: at most CLONE_COMPARISONS_PER_LINE
 * comparisons a line in all. Returns where the clone starts, or the zone's length.
 */
function cloneStart(zone: readonly ClassifiedLine[]): number {
  const first = zone[0];
  if (first === undefined) return 0;
  let budget = zone.length * CLONE_COMPARISONS_PER_LINE;
  // a clone repeats at most the whole run before it
  for (let j = Math.ceil(zone.length / 2); j <= zone.length - CLONE_MIN_LINES; j++) {
    if ((zone[j] as ClassifiedLine).text !== first.text) continue;
    let k = j;
    for (; k < zone.length && budget > 0; k++, budget--) {
      const copy = (zone[k] as ClassifiedLine).text;
      const original = (zone[k - j] as ClassifiedLine).text;
      if (copy !== original && !(k === zone.length - 1 && original.startsWith(copy))) break;
    }
    if (k === zone.length) return j;
    if (budget <= 0) break;
  }
  return zone.length;
}

export function extractTeasers(
  zone: readonly ClassifiedLine[],
  ledger: Ledger,
  ctx: TeaserContext,
): Teaser[] {
  const clone = cloneStart(zone);
  for (const line of zone.slice(clone)) {
    if (isBoilerplate(line)) ledger.removeBoilerplate(line);
    else ledger.remove(line, 'layout');
  }
  let tokens = refine(tokenize(zone.slice(0, clone), ledger), ledger, ctx);
  // a reading time inside its card (Title / reading time / Summary) is no anchor between cards
  if (readingTimesUnderTitles(zone.slice(0, clone))) tokens = tokens.filter((t) => t.kind !== 'reading-time');
  const built = buildCards(tokens);
  for (const t of built.lead) ledger.remove(t.line, 'layout');
  attachAnchors(built.cards, built.gaps, ledger);
  const { notCards, cutLast } = anchorClosed(built.cards, built.gaps);
  for (const card of built.cards.slice(0, notCards))
    for (const part of [card.title, card.summary]) if (part) ledger.remove(part.line, 'layout');
  const cards = built.cards.slice(notCards);
  return cards.map((card, k) => {
    for (const part of [card.title, card.summary, card.publication, card.date])
      if (part) ledger.use(part.line);
    return {
      title: card.title.line.text,
      summary: card.summary?.line.text ?? null,
      publication: card.publication
        ? (card.publication.line.publication ?? card.publication.line.text)
        : null,
      // a card's date as printed: an issue name holding the date (`Pub 07-DEC-2021`) whole
      date: card.date?.line.date?.issueName ?? card.date?.line.date?.label ?? card.date?.line.text ?? null,
      partial: (cutLast && k === cards.length - 1) || isPartial(card, k, cards, ctx),
    };
  });
}
