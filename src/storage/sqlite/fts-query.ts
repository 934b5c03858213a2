/**
 * Compiles a parsed search (`../search-query.ts`) to an FTS5 MATCH expression. Every phrase
 * is written as a quoted string of index words, which never hold a quote: nothing a user
 * types reaches FTS5 as syntax, so FTS5 cannot reject an expression built here.
 */
import type { SearchPhrase, SearchQuery } from '../search-query.js';

const quoted = (phrase: SearchPhrase): string => `"${phrase.words.join(' ')}"${phrase.prefix ? '*' : ''}`;

/** `a OR b`, parenthesised when it has more than one operand. */
function anyOf(phrases: readonly SearchPhrase[]): string {
  const operands = phrases.map(quoted);
  return operands.length === 1 ? (operands[0] ?? '') : `(${operands.join(' OR ')})`;
}

/** The MATCH expression for `query`; null when it requires nothing, and so matches nothing. */
export function ftsMatch(query: SearchQuery): string | null {
  if (query.required.length === 0) return null;
  const required = query.required.map(anyOf);
  if (query.excluded.length === 0) return required.join(' AND ');
  const all = required.length === 1 ? (required[0] ?? '') : `(${required.join(' AND ')})`;
  return `${all} NOT ${anyOf(query.excluded)}`;
}
