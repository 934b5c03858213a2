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
import { readMetadata, type HtmlMetadata } from './metadata.js';

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
  metadata: HtmlMetadata;
  warnings: string[];
}

/** Elements that are never article text. */
const CHROME_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
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
  '[role="complementary"]',
  '[role="dialog"]',
].join(',');

/** Class or id words of image captions and credits. */
const CAPTION = /(?:^|[\s_-])(?:caption|wp-caption-text|credit|image-credit|photo-credit)(?:$|[\s_-])/i;
const DISPLAY_NONE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TR',
  'UL',
  'HEADER',
  'FOOTER',
  'CAPTION',
]);

interface Element {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
  parentNode: Element | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<Element>;
  querySelector(selectors: string): Element | null;
  remove(): void;
}

/** The part of linkedom's document read here (the project compiles without the DOM lib). */
interface HtmlDocument {
  body: Element | null;
  querySelectorAll(selectors: string): ArrayLike<Element>;
}

function parseDocument(html: string): HtmlDocument {
  return (parseHTML(html) as unknown as { document: HtmlDocument }).document;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function linkDensity(element: Element): number {
  const length = clean(element.textContent).length;
  if (length === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += clean(link.textContent).length;
  return linked / length;
}

function removeAll(root: Element, selector: string, keep?: (element: Element) => boolean): void {
  for (const element of Array.from(root.querySelectorAll(selector))) {
    if (keep === undefined || !keep(element)) element.remove();
  }
}

/** Hidden elements, navigation and furniture: removed before Readability scores the page. */
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

interface Walk {
  lines: string[];
  captions: string[];
  quotes: string[];
  line: string;
}

function flush(walk: Walk): void {
  const text = clean(walk.line);
  if (text.length > 0) walk.lines.push(text);
  walk.line = '';
}

function walk(node: Element, state: Walk): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      state.line += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = child.tagName;
    if (tag === 'FIGCAPTION') {
      const caption = clean(child.textContent);
      if (caption.length > 0) state.captions.push(caption);
      continue;
    }
    const words = `${child.getAttribute('class') ?? ''} ${child.getAttribute('id') ?? ''}`;
    if (CAPTION.test(words)) {
      const caption = clean(child.textContent);
      if (caption.length > 0) state.captions.push(caption);
      continue;
    }
    if (tag === 'BLOCKQUOTE' && /pull|quote-?box/i.test(child.getAttribute('class') ?? '')) {
      const quote = clean(child.textContent);
      if (quote.length > 0) state.quotes.push(quote);
      continue;
    }
    // Lists of links inside the article: "read more", related stories.
    if ((tag === 'UL' || tag === 'OL') && linkDensity(child) > 0.8) continue;
    if (tag === 'TD' || tag === 'TH') state.line += ' ';
    const block = BLOCKS.has(tag);
    if (block) flush(state);
    walk(child, state);
    if (block) flush(state);
  }
}

/** Elements whose content the fallback walk skips. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const TAG_NAME = /^\/?([a-z][\w-]*)/i;

/**
 * The fallback for pages beyond the DOM bounds: tags out, block tags as line breaks, script
 * and style contents skipped, in one indexOf scan with no element stack (htmlparser2 keeps its
 * open-element stack with unshift, quadratic in the nesting depth: 1 MiB of nested divs took
 * 61 s). Entities are left to the parser's normalisation.
 */
export function stripTags(html: string): string[] {
  const parts: string[] = [];
  let at = 0;
  let skipUntil: string | null = null;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      if (skipUntil === null) parts.push(html.slice(at));
      break;
    }
    if (skipUntil === null) parts.push(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) break;
    const name = TAG_NAME.exec(html.slice(open + 1, Math.min(close, open + 40)))?.[1]?.toLowerCase();
    at = close + 1;
    if (name === undefined) continue;
    const closing = html[open + 1] === '/';
    if (skipUntil !== null) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && RAW_TEXT.has(name)) skipUntil = name;
    else if (BLOCKS.has(name.toUpperCase())) parts.push('\n');
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => clean(line))
    .filter((line) => line.length > 0);
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
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\s©\s?\d{4}/i;
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
    if (line.length <= COPYRIGHT_MAX_CHARS && COPYRIGHT.test(line)) return false;
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
  if (body !== null) removeChrome(body);

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
  const state: Walk = { lines: [], captions: [], quotes: [], line: '' };
  if (content !== null) walk(content, state);
  flush(state);
  const readTitle = clean(article?.title);
  const title = printedTitle ?? (readTitle || null);
  const titles = new Set(
    [title, readTitle, metadata.title].filter((t): t is string => t !== null && t !== ''),
  );
  return {
    title,
    lines: dropChromeLines(state.lines, titles),
    captions: state.captions,
    byline: clean(article?.byline) || null,
    metadata,
    warnings,
  };
}
