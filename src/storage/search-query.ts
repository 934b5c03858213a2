/**
 * masthead's search grammar, the same on every storage engine: what `q` means, parsed into
 * a small tree that each engine compiles to its own query language (FTS5 MATCH today,
 * PostgreSQL tsquery later). Every input parses; nothing typed is a syntax error.
 *
 * - `word`: required. Words are cut and folded as the index cuts and folds text (see
 *   `indexTokens`), so a word with punctuation inside is the phrase the index holds:
 *   `inter-Korean` → "inter korean", `U.S.` → "u s", `12,000` → "12 000", `C++` → "c".
 * - `"a phrase"`: these words next to each other; an unclosed quote runs to the end.
 * - `-word`, `-"a phrase"`, `NOT word`: excluded. Only a leading `-` excludes.
 * - `a OR b`: either; OR binds its neighbours into one required group (`a OR b c` is
 *   (a or b) and c). `AND` is what a space means already.
 * - `word*`, `"a phr"*`: the last word is a prefix; the `*` must touch a letter or digit.
 * - Everything else is literal text: punctuation the index does not keep (`( ) : + ^`)
 *   cuts words; operators with nothing to join (`OR` at either end, a lone `-`, `NOT` at
 *   the end) are dropped.
 *
 * A query with nothing required (only exclusions, or only punctuation) matches nothing:
 * relevance needs something to look for, and web search engines answer the same.
 */
import { indexWords, type SearchTerm } from './snippet.js';

/** Words the index must hold next to each other, in order; one word is a phrase of one. */
export interface SearchPhrase {
  /** As the index stores them: case-folded, diacritics removed (see `foldToken`). Never empty. */
  words: string[];
  /** Whether the last word is a prefix (`whal*`). */
  prefix: boolean;
}

export interface SearchQuery {
  /** Every group must match; a group matches when any of its phrases does (`a OR b`). */
  required: SearchPhrase[][];
  /** An item matching any of these is left out. */
  excluded: SearchPhrase[];
}

type Item =
  | { kind: 'operator'; operator: 'OR' | 'AND' | 'NOT' }
  | { kind: 'phrase'; phrase: SearchPhrase; excluded: boolean };

const OPERATORS = new Set(['OR', 'AND', 'NOT']);
const SPACE = /\s/u;

/** The phrase `text` holds; a prefix only when a `*` followed it and touches a word. */
function phraseOf(text: string, starred: boolean): SearchPhrase | null {
  if (text === '') return null;
  const { words, endsInWord } = indexWords(text);
  return words.length === 0 ? null : { words, prefix: starred && endsInWord };
}

/**
 * Cuts `q` into quoted phrases, bare runs of text and operators: one pass, left to right.
 * It indexes UTF-16 units: the characters it looks for (`"`, `-`, `*`, spaces) are all in
 * the BMP, so no cut falls inside a surrogate pair.
 */
function lex(q: string): Item[] {
  const items: Item[] = [];
  const isSpace = (at: number): boolean => at < q.length && SPACE.test(q.charAt(at));
  const push = (phrase: SearchPhrase | null, excluded: boolean): void => {
    if (phrase) items.push({ kind: 'phrase', phrase, excluded });
  };
  let at = 0;
  while (at < q.length) {
    if (isSpace(at)) {
      at += 1;
      continue;
    }
    // A leading `-` excludes what follows it; alone, it is punctuation.
    const excluded = q[at] === '-' && at + 1 < q.length && !isSpace(at + 1);
    if (excluded) at += 1;
    if (q[at] === '"') {
      const close = q.indexOf('"', at + 1);
      const end = close < 0 ? q.length : close;
      const text = q.slice(at + 1, end);
      at = end + 1;
      const starred = q[at] === '*';
      while (q[at] === '*') at += 1;
      // A phrase's `*` applies to its last word wherever the quote closes (`"blue wh "*`).
      const phrase = phraseOf(text, false);
      push(phrase && { ...phrase, prefix: starred }, excluded);
      continue;
    }
    const start = at;
    while (at < q.length && q[at] !== '"' && !isSpace(at)) at += 1;
    const bare = q.slice(start, at);
    if (!excluded && OPERATORS.has(bare)) {
      items.push({ kind: 'operator', operator: bare as 'OR' | 'AND' | 'NOT' });
      continue;
    }
    let end = bare.length;
    while (bare[end - 1] === '*') end -= 1;
    push(phraseOf(bare.slice(0, end), end < bare.length), excluded);
  }
  return items;
}

/** Reads `q` by the grammar above: any string parses, in one pass over it. */
export function parseSearchQuery(q: string): SearchQuery {
  const query: SearchQuery = { required: [], excluded: [] };
  let joinable = false; // the last phrase was required: an OR may join the next one to it
  let orPending = false;
  let notPending = false;
  for (const item of lex(q)) {
    if (item.kind === 'operator') {
      orPending = item.operator === 'OR' && joinable;
      notPending = item.operator === 'NOT';
      if (item.operator !== 'OR') joinable = false;
      continue;
    }
    if (item.excluded || notPending) {
      query.excluded.push(item.phrase);
      joinable = false;
    } else {
      if (orPending) query.required.at(-1)?.push(item.phrase);
      else query.required.push([item.phrase]);
      joinable = true;
    }
    orPending = false;
    notPending = false;
  }
  return query;
}

function allPhrases(query: SearchQuery): SearchPhrase[] {
  return [...query.required.flat(), ...query.excluded];
}

/** The words an engine looks up for `query`, required or excluded. */
export function searchTermCount(query: SearchQuery): number {
  return allPhrases(query).reduce((count, phrase) => count + phrase.words.length, 0);
}

/** The shortest prefix in `query`, in characters; Infinity when there is none. */
export function shortestPrefix(query: SearchQuery): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (const phrase of allPhrases(query)) {
    if (phrase.prefix) shortest = Math.min(shortest, [...(phrase.words.at(-1) ?? '')].length);
  }
  return shortest;
}

/** The words a snippet marks: those looked for, not those excluded. */
export function highlightTerms(query: SearchQuery): SearchTerm[] {
  return query.required.flat().flatMap((phrase) =>
    phrase.words.map((text, index) => ({
      text,
      prefix: phrase.prefix && index === phrase.words.length - 1,
    })),
  );
}
