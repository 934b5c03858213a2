/**
 * Search snippets, computed over the stored text of the articles on one page of results:
 * engine-independent (SQLite's FTS5 today, PostgreSQL later), linear in the text, and
 * bounded: each field is read up to SNIPPET_SCAN_CHARS, however long the article.
 *
 * Words are cut and compared as the index does (FTS5 unicode61, remove_diacritics 2):
 * runs of letters, digits and marks, case-folded, diacritics removed. The snippet is the
 * window of SNIPPET_TOKENS words with the most distinct query terms, HTML-escaped, with
 * every matching word in `<mark>`.
 */

/** Words shown around the matches, as FTS5's snippet() was asked for. */
export const SNIPPET_TOKENS = 24;
/** Characters of each field read for a snippet: a match further in is not shown. */
export const SNIPPET_SCAN_CHARS = 16_384;

const ELLIPSIS = '…';
/**
 * A run of letters, digits and private-use characters: one unicode61 token. Of the
 * combining marks, only the diacritics it removes belong to a word; others separate.
 */
const TOKEN =
  /[\p{L}\p{N}\p{Co}\u0300-\u0304\u0306-\u030C\u030F\u0311\u031B\u0323-\u0328\u032D\u032E\u0330\u0331]+/gu;
/** Those combining diacritics (the marks of TOKEN): unicode61 drops them after any letter. */
const COMBINING_DIACRITICS =
  /[\u0300-\u0304\u0306-\u030C\u030F\u0311\u031B\u0323-\u0328\u032D\u032E\u0330\u0331]/gu;
/** Marks of a precomposed Latin letter (é, ǘ): removed; precomposed letters of other scripts (й, ά) stay. */
const LATIN_DIACRITICS = /(\p{Script=Latin})\p{M}+/gu;
/** unicode61 folds the final sigma that toLowerCase gives a word-final Σ. */
const FINAL_SIGMA = /ς/gu;
const ASCII = /^\p{ASCII}*$/u;
/** Longest word, and longest text between two words, shown in a snippet: keeps it short. */
const SHOWN_CHARS = 64;

/** A query term as the index compares it; `prefix` for `term*` (see `highlightTerms`). */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

/** The searchable text of one article: the three indexed fields. */
export interface SnippetSource {
  title: string | null;
  deck: string | null;
  paragraphs: readonly string[];
}

/**
 * Case-folds and removes diacritics as unicode61 with remove_diacritics 2 does: combining
 * diacritics after any letter (`ж́` is `ж`), and those of precomposed Latin letters (`é`).
 */
export function foldToken(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFD')
    .replace(LATIN_DIACRITICS, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(FINAL_SIGMA, 'σ');
}

/**
 * The words of `text` as the index stores them, and whether `text` ends inside one (`whal`
 * yes, `C++` no). One exec loop: `matchAll` would copy the regex on every call, which is
 * most of the cost for the short texts of a query.
 */
export function indexWords(text: string): { words: string[]; endsInWord: boolean } {
  const words: string[] = [];
  let end = -1;
  TOKEN.lastIndex = 0;
  for (let found = TOKEN.exec(text); found !== null; found = TOKEN.exec(text)) {
    words.push(foldToken(found[0]));
    end = TOKEN.lastIndex;
  }
  return { words, endsInWord: end === text.length };
}

/** The words of `text` as the index stores them. */
export function indexTokens(text: string): string[] {
  return indexWords(text).words;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Token {
  start: number;
  end: number;
  /** Index of the query term it matches, or -1. */
  term: number;
}

interface Field {
  text: string;
  /** Whether `text` stops before the end of the field. */
  cut: boolean;
  tokens: Token[];
}

/** A matcher for tokens: exact terms in a map, prefix terms tried one by one (at most 32). */
function termMatcher(terms: readonly SearchTerm[]): (token: string) => number {
  const exact = new Map<string, number>();
  const prefixes: { text: string; index: number }[] = [];
  terms.forEach((term, index) => {
    if (term.prefix) prefixes.push({ text: term.text, index });
    else if (!exact.has(term.text)) exact.set(term.text, index);
  });
  return (token) => {
    const hit = exact.get(token);
    if (hit !== undefined) return hit;
    for (const prefix of prefixes) if (token.startsWith(prefix.text)) return prefix.index;
    return -1;
  };
}

function readField(raw: string, match: (token: string) => number): Field {
  const cut = raw.length > SNIPPET_SCAN_CHARS;
  const text = cut ? raw.slice(0, SNIPPET_SCAN_CHARS) : raw;
  const tokens: Token[] = [];
  for (const found of text.matchAll(TOKEN)) {
    const start = found.index;
    tokens.push({ start, end: start + found[0].length, term: match(foldToken(found[0])) });
  }
  return { text, cut, tokens };
}

/** Joins paragraphs as the index stores the body, reading no further than the scan bound. */
function boundedBody(paragraphs: readonly string[]): string {
  let body = '';
  for (const paragraph of paragraphs) {
    body += body === '' ? paragraph : `\n${paragraph}`;
    if (body.length > SNIPPET_SCAN_CHARS) break;
  }
  return body;
}

interface Window {
  field: Field;
  first: number;
  /** Distinct terms, then hits, in the window. */
  distinct: number;
  hits: number;
}

/** The window of SNIPPET_TOKENS tokens of `field` with the most distinct terms: one pass. */
function bestWindow(field: Field, termCount: number): Window {
  const counts = new Array<number>(termCount).fill(0);
  let distinct = 0;
  let hits = 0;
  let best: Window = { field, first: 0, distinct: 0, hits: 0 };
  const { tokens } = field;
  for (let last = 0; last < tokens.length; last += 1) {
    const entering = tokens[last]?.term ?? -1;
    if (entering >= 0) {
      if ((counts[entering] ?? 0) === 0) distinct += 1;
      counts[entering] = (counts[entering] ?? 0) + 1;
      hits += 1;
    }
    const first = last - SNIPPET_TOKENS + 1;
    if (first > 0) {
      const leaving = tokens[first - 1]?.term ?? -1;
      if (leaving >= 0) {
        counts[leaving] = (counts[leaving] ?? 0) - 1;
        if (counts[leaving] === 0) distinct -= 1;
        hits -= 1;
      }
    }
    if (distinct > best.distinct || (distinct === best.distinct && hits > best.hits)) {
      best = { field, first: Math.max(0, first), distinct, hits };
    }
  }
  return best;
}

/** Moves a window so that its matches sit in its middle rather than at its left edge. */
function centre(window: Window): number {
  const { tokens } = window.field;
  const end = Math.min(tokens.length, window.first + SNIPPET_TOKENS);
  let firstHit = -1;
  let lastHit = -1;
  for (let index = window.first; index < end; index += 1) {
    if ((tokens[index]?.term ?? -1) < 0) continue;
    if (firstHit < 0) firstHit = index;
    lastHit = index;
  }
  if (firstHit < 0) return window.first;
  const slack = SNIPPET_TOKENS - (lastHit - firstHit + 1);
  const first = firstHit - Math.floor(slack / 2);
  return Math.max(0, Math.min(first, tokens.length - SNIPPET_TOKENS));
}

/** `text`, its middle left out when longer than SHOWN_CHARS. */
function shortened(text: string): string {
  if (text.length <= SHOWN_CHARS) return text;
  const half = SHOWN_CHARS / 2;
  return `${text.slice(0, half)}${ELLIPSIS}${text.slice(-half)}`;
}

/** A run of a snippet's text, as stored (not escaped); `mark` for a matching word. */
export interface SnippetPart {
  text: string;
  mark?: boolean;
}

/**
 * The one HTML rendering of a snippet, for every engine: each part escaped, matches in
 * `<mark>`. Engines choose the passage (buildSnippet here, or the engine's own highlighter
 * through highlightedSnippet); none writes HTML itself, so none can forget to escape.
 */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  let out = '';
  for (const part of parts) {
    const text = escapeHtml(part.text);
    out += part.mark === true ? `<mark>${text}</mark>` : text;
  }
  return out;
}

/**
 * A snippet from an engine's own highlighter (PostgreSQL's ts_headline): `highlighted` is the
 * stored text with each match between `markers.start` and `markers.stop`, markers that the
 * stored text cannot be confused with (control characters). Rendered by snippetHtml, each run
 * shortened as buildSnippet's are; a marker without its pair is left out.
 */
export function highlightedSnippet(highlighted: string, markers: { start: string; stop: string }): string {
  const parts: SnippetPart[] = [];
  for (const [index, chunk] of highlighted.split(markers.start).entries()) {
    const stop = chunk.indexOf(markers.stop);
    // The first chunk comes before any start marker: plain text.
    if (index === 0 || stop < 0) {
      parts.push({ text: shortened(chunk.split(markers.stop).join('')) });
      continue;
    }
    parts.push({ text: shortened(chunk.slice(0, stop)), mark: true });
    parts.push({
      text: shortened(
        chunk
          .slice(stop + markers.stop.length)
          .split(markers.stop)
          .join(''),
      ),
    });
  }
  return snippetHtml(parts.filter((part) => part.text !== ''));
}

function render(field: Field, first: number): string {
  const { text, tokens } = field;
  if (tokens.length === 0) return '';
  const last = Math.min(tokens.length, first + SNIPPET_TOKENS) - 1;
  const atStart = first === 0;
  const atEnd = last === tokens.length - 1 && !field.cut;
  const parts: SnippetPart[] = [
    { text: atStart ? shortened(text.slice(0, tokens[0]?.start ?? 0)) : ELLIPSIS },
  ];
  for (let index = first; index <= last; index += 1) {
    const token = tokens[index];
    if (!token) break;
    if (index > first)
      parts.push({ text: shortened(text.slice(tokens[index - 1]?.end ?? token.start, token.start)) });
    parts.push({ text: shortened(text.slice(token.start, token.end)), mark: token.term >= 0 });
  }
  parts.push({ text: atEnd ? shortened(text.slice(tokens[last]?.end ?? text.length)) : ELLIPSIS });
  return snippetHtml(parts);
}

/**
 * The best passage of `source` for `terms`: HTML-escaped, matches in `<mark>`, `…` where
 * text is left out. Without a match in the text read, the start of the body (or title).
 */
export function buildSnippet(terms: readonly SearchTerm[], source: SnippetSource): string {
  const match = termMatcher(terms);
  const fields = [source.title ?? '', source.deck ?? '', boundedBody(source.paragraphs)].map((text) =>
    readField(text, match),
  );
  let best: Window | null = null;
  for (const field of fields) {
    const window = bestWindow(field, terms.length);
    if (
      !best ||
      window.distinct > best.distinct ||
      (window.distinct === best.distinct && window.hits > best.hits)
    ) {
      best = window;
    }
  }
  if (!best || best.hits === 0) {
    const fallback = fields[2]?.tokens.length ? fields[2] : fields[0];
    return fallback ? render(fallback, 0) : '';
  }
  return render(best.field, centre(best));
}
