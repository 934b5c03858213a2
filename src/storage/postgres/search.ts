/**
 * Compiles a parsed search (`../search-query.ts`) to a PostgreSQL tsquery expression. No
 * tsquery syntax is ever built from user text: each phrase is bound as a parameter and read by
 * `phraseto_tsquery`, which takes any text as plain words, and the phrases are combined with
 * the tsquery operators `&&`, `||`, `!!` and `<->` in SQL. The one exception, a prefix, goes
 * through `to_tsquery` only as a word reduced to letters and digits, which holds no tsquery
 * operator. So no input can make PostgreSQL reject the query.
 *
 * Engine differences that remain (asserted in test/storage/postgres/search.test.ts): the
 * PostgreSQL parser keeps URLs, hosts, e-mail addresses and file paths as tokens of their own
 * (`example.com`), which FTS5 cuts into words, so `example com` finds a URL on SQLite only;
 * a hyphenated word (`e-mail`) is indexed whole and in parts, so its phrase `e mail` matches
 * on both.
 */
import type { SearchPhrase, SearchQuery } from '../search-query.js';
import type { Binds } from './rows.js';

/** The text search configuration of migrations/postgres/001: `simple` with `unaccent`. */
const CONFIG = `'masthead'`;

/** Letters and digits only: what a prefix word may hold when it reaches `to_tsquery`. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

function phraseQuery(phrase: SearchPhrase, binds: Binds): string {
  const words = [...phrase.words];
  const prefix = phrase.prefix ? (words.pop() ?? '').replace(NOT_LETTER_OR_DIGIT, '') : '';
  // A prefix word with nothing left (private-use characters only) is looked up as a word.
  if (phrase.prefix && prefix === '') words.push(phrase.words.at(-1) ?? '');
  const parts: string[] = [];
  if (words.length > 0) parts.push(`phraseto_tsquery(${CONFIG}, ${binds.bind(words.join(' '))})`);
  if (prefix !== '') parts.push(`to_tsquery(${CONFIG}, ${binds.bind(`${prefix}:*`)})`);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' <-> ')})`;
}

function anyOf(phrases: readonly SearchPhrase[], binds: Binds): string {
  const operands = phrases.map((phrase) => phraseQuery(phrase, binds));
  return operands.length === 1 ? (operands[0] ?? '') : `(${operands.join(' || ')})`;
}

/**
 * The tsquery expression for `query`, its words bound in `binds`; null when it requires
 * nothing, and so matches nothing (as `ftsMatch` answers on SQLite).
 */
export function tsQuery(query: SearchQuery, binds: Binds): string | null {
  if (query.required.length === 0) return null;
  const required = query.required.map((group) => anyOf(group, binds)).join(' && ');
  if (query.excluded.length === 0) return `(${required})`;
  return `((${required}) && !!${anyOf(query.excluded, binds)})`;
}

/**
 * Weights of the ranking, in ts_rank_cd's order {D, C, B, A}: body (C) 0.1, deck (B) 0.4,
 * title (A) 1.0, the 1:4:10 of SQLite's bm25(articles_fts, 10.0, 4.0, 1.0). Normalisation 1
 * divides by the log of the document's length, as bm25 favours the shorter of two documents.
 */
export const rankOf = (vector: string, tsquery: string): string =>
  `ts_rank_cd('{0.1, 0.1, 0.4, 1.0}'::float4[], ${vector}, ${tsquery}, 1)`;

/**
 * Ranking reads every candidate's tsvector, so its cost is linear in the candidates (STACK.md:
 * ~6 µs per match here; a term in 38% of 100k articles took 200–290 ms unbounded). A relevance
 * search therefore ranks the newest RANKED_CANDIDATES matches (by id, within the filters)
 * only: for a common term it returns the best of the most recently stored matching articles,
 * and older ones are reached by narrowing the search (more words, a publication, a date range)
 * or by walking it in another order (`sort=-ingested`, `sort=-edition_date`). A rarer term's
 * matches are all ranked. The walk, its cursor and its `total` stop at this many.
 */
export const RANKED_CANDIDATES = 2_000;
