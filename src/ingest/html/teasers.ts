/**
 * Teaser cards of an HTML page: the related-story lists around the article ("More stories
 * from …", "In this issue", related asides, card grids after the story).
 *
 * Found by structure, not by class names: a container whose children are mostly cards, a card
 * being a short block dominated by one link whose text is a title printed as a line of its own
 * (a paragraph with a link in it is not a card; a menu of one-word links is not either).
 * Class/id words and a "More stories from" heading only lower the number of cards needed.
 * Each card is read by the same walk as the article, and its lines are labelled by the line
 * parser's own classifier (reading time, glued card publication, printed date), so a card
 * gives what the text path gives for it.
 */
import { classifyLine } from '../../parser/classify.js';
import { CARD_PUBLICATION_MAX_CHARS } from '../../parser/settings.js';
import { endsSentence, foldKey } from '../../parser/text.js';
import type { Teaser } from '../../parser/types.js';
import { classAndId, clean, readLines, type Element } from './walk.js';

/** A card's text beyond this is an article or a section, not a teaser. */
const CARD_MAX_CHARS = 600;
/** A card is a small block: bounds each card read, so the search stays linear on deep pages. */
const CARD_MAX_ELEMENTS = 50;
const CARD_MAX_LINES = 6;
/** A title is a few words (or, in scripts written without spaces, a few characters). */
const TITLE_MIN_WORDS = 3;
const TITLE_MIN_CHARS_UNSPACED = 6;
/** Scripts written without spaces between words, where a title is told by its characters. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const TITLE_MAX_CHARS = 200;
/** The title's link carries at least this share of the card's linked text. */
const TITLE_LINK_SHARE = 0.5;
/** Other links a card may hold (a section kicker, a byline). */
const CARD_MAX_LINK_TARGETS = 3;
/** Cards a list needs: fewer when class/id words or its heading say it is a list of stories. */
const MIN_CARDS = 3;
const MIN_CARDS_WITH_EVIDENCE = 2;
/** Text of the list outside its children (separators such as `|`), per child: links in a paragraph are no list. */
const LOOSE_CHARS_PER_CHILD = 3;
/** Children of the list that are neither cards nor headings, per card ("See all", an ad slot). */
const MAX_OTHERS_PER_CARD = 1 / 3;
/** Class/id words that add weight (never decide alone). */
const LIST_WORDS =
  /(?:^|[\s_-])(?:related|more|recommended|recommendations|teasers?|also|read-?next|popular|trending|suggested|other-stories|in-this-issue|weitere|autres|altri|relacionad[oa]s)(?:$|[\s_-])/i;
const HAS_DIGIT = /\d/;
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const NOT_A_TARGET = /^(?:#|javascript:|mailto:|tel:)/i;
/** Share buttons are links to another page too, but not to a story. */
const SHARE_TARGET = /[?&/.]share|sharer|intent\/tweet/i;

/** A card as printed: its title and its other lines, in order. */
export interface TeaserCard {
  title: string;
  lines: string[];
}

function elementChildren(element: Element): Element[] {
  return Array.from(element.childNodes).filter((child) => child.nodeType === 1);
}

function isTitleLike(text: string): boolean {
  if (text.length > TITLE_MAX_CHARS) return false;
  if (!text.includes(' ')) return text.length >= TITLE_MIN_CHARS_UNSPACED && UNSPACED_SCRIPT.test(text);
  return text.split(' ').length >= TITLE_MIN_WORDS;
}

/** The links of a card that point somewhere, with their text. */
function targets(card: Element): { href: string; text: string }[] {
  const links = card.tagName === 'A' ? [card] : Array.from(card.querySelectorAll('a[href]'));
  return links
    .map((link) => ({ href: (link.getAttribute('href') ?? '').trim(), text: clean(link.textContent) }))
    .filter((link) => link.href !== '' && !NOT_A_TARGET.test(link.href) && !SHARE_TARGET.test(link.href));
}

/**
 * Elements under the blocks read as possible cards, summed since the module loaded: the work of
 * the card search, which tests bound against the page's size instead of timing it.
 */
export const cardSearchWork = { elementsRead: 0 };

/** A card: a short block, one link dominating, its title a line of its own. Null when not one. */
function readCard(card: Element, elements: number, pageTitle: string | null): TeaserCard | null {
  cardSearchWork.elementsRead += elements;
  const text = clean(card.textContent);
  if (text.length === 0 || text.length > CARD_MAX_CHARS) return null;
  const links = targets(card);
  const linkedChars = new Map<string, number>();
  for (const link of links) linkedChars.set(link.href, (linkedChars.get(link.href) ?? 0) + link.text.length);
  if (linkedChars.size === 0 || linkedChars.size > CARD_MAX_LINK_TARGETS) return null;
  const allLinked = [...linkedChars.values()].reduce((sum, chars) => sum + chars, 0);
  const main = links.reduce((best, link) => (link.text.length > best.text.length ? link : best));
  if ((linkedChars.get(main.href) ?? 0) < TITLE_LINK_SHARE * allLinked) return null;
  const { lines } = readLines(card);
  if (lines.length > CARD_MAX_LINES) return null;
  // A heading inside the card is its title (the link may wrap the heading and the lead).
  const heading = Array.from(card.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .map((element) => clean(element.textContent))
    .find((headingText) => headingText !== '' && lines.includes(headingText));
  const title = heading ?? main.text;
  if (!isTitleLike(title) || !lines.includes(title) || title === pageTitle) return null;
  return { title, lines: lines.filter((line) => line !== title) };
}

function hasListEvidence(container: Element): boolean {
  if (LIST_WORDS.test(classAndId(container))) return true;
  const parent = container.parentNode;
  if (parent !== null && parent.nodeType === 1 && LIST_WORDS.test(classAndId(parent))) return true;
  // A heading of the list, inside it or just before it, that the line parser reads as "More stories from".
  const headings = [
    ...elementChildren(container),
    ...(parent === null ? [] : elementChildren(parent)),
  ].filter((element) => HEADINGS.has(element.tagName));
  return headings.some((heading) => classifyLine(clean(heading.textContent), false).kind === 'more-stories');
}

/** Per element, counted once bottom-up: non-space characters, whether a link is inside, elements. */
interface Extent {
  letters: number;
  linked: boolean;
  /** The element and those under it. */
  elements: number;
}
type Extents = Map<Element, Extent>;

const SPACES = /\s+/g;

function measure(element: Element, extents: Extents): Extent {
  const extent: Extent = { letters: 0, linked: element.tagName === 'A', elements: 1 };
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3) extent.letters += (node.textContent ?? '').replace(SPACES, '').length;
    else if (node.nodeType === 1) {
      const inner = measure(node, extents);
      extent.letters += inner.letters;
      extent.linked ||= inner.linked;
      extent.elements += inner.elements;
    }
  }
  extents.set(element, extent);
  return extent;
}

/** Some text, not too much, a link inside, few elements: worth reading as a card. */
function couldBeCard(extent: Extent | undefined): boolean {
  return (
    extent !== undefined &&
    extent.linked &&
    extent.letters > 0 &&
    extent.letters <= CARD_MAX_CHARS &&
    extent.elements <= CARD_MAX_ELEMENTS
  );
}

/** The cards of a container when it is a list of them, or null. */
function readCardList(container: Element, extents: Extents, pageTitle: string | null): TeaserCard[] | null {
  const children = elementChildren(container);
  if (children.length < MIN_CARDS_WITH_EVIDENCE) return null;
  // Cheap first: enough children that could be cards (some text, not too much, a link inside).
  let candidates = 0;
  for (const child of children) if (couldBeCard(extents.get(child))) candidates += 1;
  if (candidates < MIN_CARDS_WITH_EVIDENCE) return null;
  let looseChars = 0;
  for (const node of Array.from(container.childNodes)) {
    if (node.nodeType === 3) looseChars += clean(node.textContent).length;
  }
  if (looseChars > LOOSE_CHARS_PER_CHILD * children.length) return null;
  const cards: TeaserCard[] = [];
  let others = 0;
  for (const child of children) {
    const extent = extents.get(child);
    if (HEADINGS.has(child.tagName) || extent === undefined || extent.letters === 0) continue;
    const card = couldBeCard(extent) ? readCard(child, extent.elements, pageTitle) : null;
    if (card === null) others += 1;
    else cards.push(card);
  }
  if (cards.length < MIN_CARDS_WITH_EVIDENCE || others > cards.length * MAX_OTHERS_PER_CARD) return null;
  if (cards.length < MIN_CARDS && !hasListEvidence(container)) return null;
  return cards;
}

/** A list of teaser cards found in the page, and where it sits. */
export interface CardList {
  element: Element;
  cards: TeaserCard[];
}

/** The card lists under `root`, outermost first, in page order. */
export function findCardLists(root: Element, pageTitle: string | null): CardList[] {
  const found: CardList[] = [];
  const extents: Extents = new Map();
  measure(root, extents);
  const visit = (element: Element): void => {
    const cards = readCardList(element, extents, pageTitle);
    if (cards !== null) found.push({ element, cards });
    else for (const child of elementChildren(element)) visit(child);
  };
  visit(root);
  return found;
}

/** Takes a card list out of the tree, with its own heading ("Trending", "More from …"). */
export function removeCardList(list: CardList): void {
  const heading = list.element.previousElementSibling;
  if (heading !== null && HEADINGS.has(heading.tagName)) heading.remove();
  list.element.remove();
}

/**
 * Teasers from cards, each line labelled as the text path labels a card line: reading times
 * dropped, a glued or repeated short line is the card's publication, a date is kept as
 * printed, the first line longer than the title or ending a sentence is the summary.
 */
export function teasersFromCards(cards: readonly TeaserCard[]): Teaser[] {
  // One card per title before lines are counted: a card read twice would make its own lines "repeated".
  const byTitle = new Map<string, TeaserCard>();
  for (const card of cards) {
    const key = foldKey(card.title);
    if (!byTitle.has(key)) byTitle.set(key, card);
  }
  const distinctCards = [...byTitle.values()];
  const cardsPrinting = new Map<string, number>();
  for (const card of distinctCards) {
    for (const line of new Set(card.lines)) cardsPrinting.set(line, (cardsPrinting.get(line) ?? 0) + 1);
  }
  const teasers: Teaser[] = [];
  for (const card of distinctCards) {
    const teaser: Teaser = {
      title: card.title,
      summary: null,
      publication: null,
      date: null,
      partial: false,
    };
    for (const line of card.lines) {
      const label = classifyLine(line, false);
      if (label.kind === 'card-publication') teaser.publication ??= label.publication ?? null;
      else if (label.kind === 'date') teaser.date ??= line;
      else if (label.kind !== 'text') continue;
      // A short line printed on several cards is their publication; a repeated line with digits is a stamp.
      else if (
        line.length <= CARD_PUBLICATION_MAX_CHARS &&
        (cardsPrinting.get(line) ?? 0) > 1 &&
        !endsSentence(line)
      ) {
        if (!HAS_DIGIT.test(line)) teaser.publication ??= line;
      } else if (teaser.summary === null && (endsSentence(line) || line.length > card.title.length))
        teaser.summary = line;
    }
    teasers.push(teaser);
  }
  return teasers;
}
