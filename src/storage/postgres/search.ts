/**
 * Compiles a parsed search (`../search-query.ts`) to a PostgreSQL tsquery expression. No
 * tsquery syntax is ever built from user text: each phrase is bound as a parameter and read by
 * `phraseto_tsquery`, which takes any text as plain words, and the phrases are combined with
 * the tsquery operators `&&`, `||`, `!!` and `<->` in SQL. The one exception, a prefix, goes
 * through `to_tsquery` only as a word reduced to letters and digits, which holds no tsquery
 * operator. So no input can make PostgreSQL reject the query.
 *
 * Texts are cut into words as FTS5 cuts them (`searchVector`), so `U.S.`, `e-mail`, URLs and
 * hosts match the same on both engines.
 */
import type { SearchPhrase, SearchQuery } from '../search-query.js';
import type { Binds } from './rows.js';

/** The text search configuration of migrations/postgres/001: `simple` with `unaccent`. */
const CONFIG = `'masthead'`;

/**
 * The tsvector of a text column or parameter (`expression`), cut into words as FTS5's
 * unicode61 cuts them: `masthead_search_vector` (migrations/postgres/010) cuts at every run of
 * characters that are neither letters nor digits. PostgreSQL's own parser keeps `U.S.`,
 * `covid-19`, hosts and paths as tokens of their own, so `U.S.` found nothing (the grammar
 * reads it as the phrase `u s`). Every vector is written through it, and every searched phrase
 * is cut the same way (`NOT_WORD_RUN`).
 */
export const searchVector = (expression: string): string => `masthead_search_vector(${expression})`;

const NOT_WORD_RUN = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only: what a prefix word may hold when it reaches `to_tsquery`. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

function phraseQuery(phrase: SearchPhrase, binds: Binds): string {
  const words = [...phrase.words];
  const prefix = phrase.prefix ? (words.pop() ?? '').replace(NOT_LETTER_OR_DIGIT, '') : '';
  // A prefix word with nothing left (private-use characters only) is looked up as a word.
  if (phrase.prefix && prefix === '') words.push(phrase.words.at(-1) ?? '');
  const parts: string[] = [];
  if (words.length > 0)
    parts.push(`phraseto_tsquery(${CONFIG}, ${binds.bind(words.join(' ').replace(NOT_WORD_RUN, ' '))})`);
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
 * Ranking reads every candidate's tsvector (TOASTed, ~4 KB on the generated corpus), so its
 * cost is linear in the candidates. A relevance search therefore ranks the newest
 * RANKED_CANDIDATES matches only (by id, within the filters, up to the walk's highest id):
 * for a common term it returns the best of the most recently stored matching articles, and
 * older ones are reached by narrowing the search (more words, a publication, a date range,
 * a language) or by walking it in another order (`sort=-ingested`, `sort=-edition_date`). A
 * term with fewer matches has all of them ranked. The walk, its cursor and its `total` stop
 * at this many (`total: {value: 500, exact: false}`).
 *
 * Measured on 100k generated articles, a term in 40% of them, `limit=20`, 30 runs on this
 * 2-core machine (bench/search-postgres.ts): every match ranked p50 3.2 s (with a count by table
 * scan, ~0.6 s of it, since replaced); newest 2,000
 * p50 72 ms / p99 140 ms; 1,000: 52 / 78; 500: 41 / 73; 200: 34 / 43 (SQLite FTS5 in the same
 * run: 86 / 378). About 21 µs per candidate; the rest was a bounded count of the matches and
 * the page. No count runs now: the candidate statement takes one match more than it ranks,
 * and finding it is what makes the total `{value: 500, exact: false}` (src/storage/postgres/lists.ts).
 */
export const RANKED_CANDIDATES = 500;
