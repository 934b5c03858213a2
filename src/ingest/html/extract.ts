/**
 * The HTML stage of ingest: from a served page to the lines of its article, its captions and
 * the metadata of its markup. A recipe in four steps:
 *
 *   size guard → metadata (before anything is removed) → chrome removal → Readability
 *   (candidate scoring by text and link density, tag, class and id) → lines
 *
 * `@mozilla/readability` over `linkedom` is the scoring stage: measured on the Article
 * Extraction Benchmark it beat the hand-written alternatives (see docs/QUALITY.md). What is
 * ours: the chrome removed before it (hidden elements, navigation, forms, page header and
 * footer), the blocks removed after it (link lists, share bars, newsletter boxes), and the
 * walk that turns its content into lines, captions apart and pull quotes out. The same walk
 * reads the cleaned page when Readability finds no article in it.
 *
 * Bounded: the input is cut at MAX_HTML_CHARS, and a pre-scan sends pages over MAX_ELEMENTS
 * elements or MAX_DEPTH levels to `stripTags`, a token scan that builds no tree.
 */
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { COPYRIGHT_SHAPE } from '../../parser/rules/generic.js';
import { readMetadata, type HtmlMetadata } from './metadata.js';
import { findCardLists, removeCardList, type CardList, type TeaserCard } from './teasers.js';
import { clean, readLines, stripTags, type Element } from './walk.js';

export const MAX_HTML_CHARS = 4 * 1024 * 1024;
/**
 * Readability's scoring walks ancestors and re-scans subtrees: fine on real pages (the
 * benchmark's largest has ~1,700 elements, nested at most ~40 deep), seconds on hostile ones
 * (2,500 nested divs took 50 s; 6,000 flat elements ~0.5 s). Pages beyond these bounds, found by a linear pre-scan, skip
 * the DOM stage and get the plain line walk.
 */
export const MAX_ELEMENTS = 6_000;
export const MAX_DEPTH = 200;

/** Element count and deepest nesting, in one streaming pass that stops at the first bound crossed. */
export function measureMarkup(html: string): { elements: number; depth: number; withinBounds: boolean } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        elements += 1;
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (elements > MAX_ELEMENTS || deepest > MAX_DEPTH) parser.pause();
      },
      onclosetag() {
        depth -= 1;
      },
    },
    { lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { elements, depth: deepest, withinBounds: elements <= MAX_ELEMENTS && deepest <= MAX_DEPTH };
}

export interface ExtractedHtml {
  /** The printed title (the page's `<h1>`, or Readability's pick), or null. */
  title: string | null;
  /** The article's text blocks, one per line, in order; subheads kept. */
  lines: string[];
  /** `<figcaption>` texts of the article, never in `lines`. */
  captions: string[];
  /** Byline as Readability found it printed, or null. */
  byline: string | null;
  /** Related-story cards around the article, never in `lines`. */
  teaserCards: TeaserCard[];
  metadata: HtmlMetadata;
  warnings: string[];
}

const DISPLAY_NONE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Elements that are never article text. */
const CHROME_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'dialog',
  'button',
  'select',
  'svg',
  'iframe',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
].join(',');
/** Asides: never article text, but where related-story cards often sit (read before removal). */
const ASIDE_SELECTOR = 'aside, [role="complementary"]';

/** The part of linkedom's document read here (the project compiles without the DOM lib). */
interface HtmlDocument {
  body: Element | null;
  querySelectorAll(selectors: string): ArrayLike<Element>;
}

function parseDocument(html: string): HtmlDocument {
  return (parseHTML(html) as unknown as { document: HtmlDocument }).document;
}

function removeAll(root: Element, selector: string, keep?: (element: Element) => boolean): void {
  for (const element of Array.from(root.querySelectorAll(selector))) {
    if (keep === undefined || !keep(element)) element.remove();
  }
}

/** Hidden elements, navigation and furniture (asides apart): removed before Readability scores the page. */
function removeChrome(body: Element): void {
  removeAll(body, CHROME_SELECTOR);
  removeAll(body, '[style]', (element) => !DISPLAY_NONE.test(element.getAttribute('style') ?? ''));
  // A form may wrap a whole page (ASP.NET): only forms without running text go.
  removeAll(body, 'form', (form) => form.querySelectorAll('p').length >= 3);
  // The page's own header and footer, not an article's (which holds its title and byline).
  removeAll(
    body,
    'header, footer',
    (element) => element.querySelector('h1') !== null || element.querySelectorAll('p').length >= 3,
  );
}

/** Set on the card lists found in the page, and carried into Readability's copy of the article. */
const READ_LIST_MARK = 'data-masthead-cards';

function isInsideReadList(element: Element): boolean {
  for (let at: Element | null = element; at !== null && at.nodeType === 1; at = at.parentNode) {
    if (at.getAttribute(READ_LIST_MARK) !== null) return true;
  }
  return false;
}

const HAS_HTML_ELEMENT = /<html[\s>]/i;
const NO_METADATA: HtmlMetadata = {
  title: null,
  author: null,
  published: null,
  siteName: null,
  canonicalUrl: null,
};

/** Lines with no letter at all (share counts, `6`, `|`) and lines that are only a URL. */
const NO_LETTER = /^\P{L}*$/u;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
/** A line that is only a publication or update stamp: `Updated Nov 19, 9:41 AM`, `18 Nov 2019, 19:09`. */
const STAMP_WORDS = /^(?:(?:last\s+)?updated|published|posted|modified)[\s:]/i;
const STAMP_MAX_CHARS = 80;
const COPYRIGHT_MAX_CHARS = 200;

/** Lines the article region still carries that are never story text. */
function dropChromeLines(lines: readonly string[], titles: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    if (NO_LETTER.test(line) || URL_ONLY.test(line)) return false;
    // The title stays where it is printed (above or below a publication line), once.
    if (titles.has(line)) {
      if (seen.size > 0) return false;
      seen.add(line);
    }
    if (line.length <= STAMP_MAX_CHARS && STAMP_WORDS.test(line)) return false;
    if (line.length <= COPYRIGHT_MAX_CHARS && COPYRIGHT_SHAPE.test(line)) return false;
    return true;
  });
}

export function extractHtml(html: string): ExtractedHtml {
  const warnings: string[] = [];
  let source = html;
  if (source.length > MAX_HTML_CHARS) {
    source = source.slice(0, MAX_HTML_CHARS);
    warnings.push(`HTML input cut at ${MAX_HTML_CHARS} characters`);
  }
  const shape = measureMarkup(source);
  if (!shape.withinBounds) {
    warnings.push(
      `HTML article scoring skipped: over ${MAX_ELEMENTS} elements or ${MAX_DEPTH} levels deep; the page was read as plain lines`,
    );
    return {
      title: null,
      lines: stripTags(source),
      captions: [],
      byline: null,
      teaserCards: [],
      metadata: NO_METADATA,
      warnings,
    };
  }
  // linkedom needs a document element: a fragment or plain text is wrapped in one.
  const document = parseDocument(
    HAS_HTML_ELEMENT.test(source) ? source : `<!doctype html><html><body>${source}</body></html>`,
  );
  const metadata = readMetadata(document);
  const body = document.body;
  const h1s =
    body === null ? [] : Array.from(body.querySelectorAll('h1')).filter((h) => clean(h.textContent) !== '');
  const printed =
    h1s.find((h) => metadata.title !== null && clean(h.textContent) === metadata.title) ?? h1s[0];
  const printedTitle = printed === undefined ? null : clean(printed.textContent);
  let cardLists: CardList[] = [];
  if (body !== null) {
    removeChrome(body);
    // Card lists are read before asides go, and left in place: Readability scores the page as it is.
    // Marked, so that the search in Readability's copy of the article does not read them twice.
    cardLists = findCardLists(body, printedTitle);
    for (const list of cardLists) list.element.setAttribute(READ_LIST_MARK, '');
    removeAll(body, ASIDE_SELECTOR);
  }

  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document, { maxElemsToParse: MAX_ELEMENTS, keepClasses: true }).parse();
  } catch (error) {
    warnings.push(`HTML article scoring skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  // One walk for both: the article Readability kept, or else the cleaned page.
  const content = article?.content
    ? parseDocument(`<!doctype html><html><body>${article.content}</body></html>`).body
    : body;
  // Card lists are not article text. In the cleaned page they are the lists already found; in
  // Readability's copy, lists it kept are searched again (its cleaning may have made new ones),
  // and those already read are only taken out.
  const keptLists = content === null || content === body ? cardLists : findCardLists(content, printedTitle);
  for (const list of keptLists) removeCardList(list);
  const { lines, captions } = content === null ? { lines: [], captions: [] } : readLines(content);
  const newLists = content === body ? [] : keptLists.filter((list) => !isInsideReadList(list.element));
  const teaserCards: TeaserCard[] = [...cardLists, ...newLists].flatMap((list) => list.cards);
  const readTitle = clean(article?.title);
  const title = printedTitle ?? (readTitle || null);
  const titles = new Set(
    [title, readTitle, metadata.title].filter((t): t is string => t !== null && t !== ''),
  );
  return {
    title,
    lines: dropChromeLines(lines, titles),
    captions,
    byline: clean(article?.byline) || null,
    teaserCards,
    metadata,
    warnings,
  };
}
