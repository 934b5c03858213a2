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
import { endsInToken, indexTokens, type SearchTerm } from './snippet.js';

/** Words the index must hold next to each other, in order; one word is a phrase of one. */
export interface SearchPhrase {
  /** As the index stores them: case-folded, Latin diacritics removed. Never empty. */
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

function phraseOf(text: string, prefix: boolean): SearchPhrase | null {
  const words = indexTokens(text);
  return words.length === 0 ? null : { words, prefix };
}

/** Cuts `q` into quoted phrases, bare runs of text and operators: one pass, left to right. */
function lex(q: string): Item[] {
  const items: Item[] = [];
  const chars = [...q];
  let at = 0;
  const push = (phrase: SearchPhrase | null, excluded: boolean): void => {
    if (phrase) items.push({ kind: 'phrase', phrase, excluded });
  };
  while (at < chars.length) {
    const char = chars[at] ?? '';
    if (SPACE.test(char)) {
      at += 1;
      continue;
    }
    // A leading `-` excludes what follows it; alone, it is punctuation.
    const excluded = char === '-' && at + 1 < chars.length && !SPACE.test(chars[at + 1] ?? ' ');
    if (excluded) at += 1;
    if (chars[at] === '"') {
      const close = chars.indexOf('"', at + 1);
      const end = close < 0 ? chars.length : close;
      const text = chars.slice(at + 1, end).join('');
      at = end + 1;
      let prefix = false;
      while (chars[at] === '*') {
        prefix = true;
        at += 1;
      }
      push(phraseOf(text, prefix), excluded);
      continue;
    }
    const start = at;
    while (at < chars.length && chars[at] !== '"' && !SPACE.test(chars[at] ?? '')) at += 1;
    const bare = chars.slice(start, at).join('');
    if (!excluded && OPERATORS.has(bare)) {
      items.push({ kind: 'operator', operator: bare as 'OR' | 'AND' | 'NOT' });
      continue;
    }
    let end = bare.length;
    while (bare[end - 1] === '*') end -= 1;
    const text = bare.slice(0, end);
    push(phraseOf(text, end < bare.length && endsInToken(text)), excluded);
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
