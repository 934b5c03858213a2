/**
 * The one walk from markup to lines, used for the article Readability keeps, for the cleaned
 * page when it keeps none, and for each teaser card: one line per block element, table cells
 * of a row on one line, `<figcaption>` and caption/credit classes apart as captions, pull
 * quotes and link lists out. `stripTags` is the same table of blocks read from tokens, for
 * pages beyond the DOM bounds, where no tree is built.
 */

/** Class or id words of image captions and credits. */
const CAPTION = /(?:^|[\s_-])(?:caption|wp-caption-text|credit|image-credit|photo-credit)(?:$|[\s_-])/i;

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

/** The part of linkedom's element read here (the project compiles without the DOM lib). */
export interface Element {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
  parentNode: Element | null;
  previousElementSibling: Element | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selectors: string): ArrayLike<Element>;
  querySelector(selectors: string): Element | null;
  remove(): void;
}

/** The class and id words of an element, which hint at its role (caption, related stories). */
export function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function linkDensity(element: Element): number {
  const length = clean(element.textContent).length;
  if (length === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += clean(link.textContent).length;
  return linked / length;
}

interface Walk {
  lines: string[];
  captions: string[];
  line: string;
}

function flush(walk: Walk): void {
  const text = clean(walk.line);
  if (text.length > 0) walk.lines.push(text);
  walk.line = '';
}

function walkInto(node: Element, state: Walk): void {
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
    if (CAPTION.test(classAndId(child))) {
      const caption = clean(child.textContent);
      if (caption.length > 0) state.captions.push(caption);
      continue;
    }
    if (tag === 'BLOCKQUOTE' && /pull|quote-?box/i.test(child.getAttribute('class') ?? '')) {
      continue;
    }
    // Lists of links inside the article: "read more", related stories.
    if ((tag === 'UL' || tag === 'OL') && linkDensity(child) > 0.8) continue;
    if (tag === 'TD' || tag === 'TH') state.line += ' ';
    const block = BLOCKS.has(tag);
    if (block) flush(state);
    walkInto(child, state);
    if (block) flush(state);
  }
}

/** The lines and captions of an element's content. */
export function readLines(root: Element): { lines: string[]; captions: string[] } {
  const state: Walk = { lines: [], captions: [], line: '' };
  walkInto(root, state);
  flush(state);
  return { lines: state.lines, captions: state.captions };
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
