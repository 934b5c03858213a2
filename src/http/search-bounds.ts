import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

/** Most terms one full-text query may hold (its length is bounded by the schemas). */
export const SEARCH_QUERY_MAX_TERMS = 32;
/**
 * Fewest characters before a `*`: a one-letter prefix expands to a large part of the
 * vocabulary and matches nearly every article (`a* OR … OR y*` ranked 300k articles in
 * 41 s; `t*` in 4.1 s), on the thread that serves every request.
 */
export const SEARCH_PREFIX_MIN_CHARS = 2;

const SEARCHABLE_ROUTES = new Set(['/v1/articles', '/v1/teasers']);
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** A run of letters, marks, digits or underscores: what FTS5's unicode61 tokenizer makes one token. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** One element of an FTS5 query: a quoted phrase, a bareword, or one other character. */
const QUERY_PART = /"(?:[^"]|"")*"?|[^\s"(){}:*^+,-]+|\S/gu;

/**
 * The shortest prefix among `q`'s prefix terms (a bareword or phrase followed by `*`, whose
 * last word is the prefix), in characters; Infinity when there is none.
 */
export function shortestPrefix(q: string): number {
  let shortest = Number.POSITIVE_INFINITY;
  let previous = '';
  for (const [part] of q.matchAll(QUERY_PART)) {
    if (part === '*' && previous !== '' && previous !== '*') {
      const last = [...previous.matchAll(WORD)].at(-1)?.[0] ?? '';
      shortest = Math.min(shortest, [...last].length);
    }
    previous = part;
  }
  return shortest;
}

/** The terms FTS5 would look up for `q`: its words, without the AND/OR/NOT/NEAR operators. */
export function searchTermCount(q: string): number {
  let count = 0;
  for (const [word] of q.matchAll(WORD)) {
    if (!OPERATORS.has(word)) count += 1;
  }
  return count;
}

/**
 * Bounds full-text queries by their number of terms, after the schemas have bounded their
 * length: each term is one more index lookup and merge in FTS5; and the length of their
 * prefix terms. Runs once the query string
 * is validated, so a query that is too long gets the validation message first.
 */
export function boundSearchQueries(app: FastifyInstance): void {
  const checkTermCount = async (request: FastifyRequest): Promise<void> => {
    const q = (request.query as Record<string, unknown> | undefined)?.['q'];
    if (typeof q !== 'string') return;
    const terms = searchTermCount(q);
    if (terms > SEARCH_QUERY_MAX_TERMS) {
      throw new HttpProblem(
        400,
        'invalid-search',
        `the search query has ${terms} terms; at most ${SEARCH_QUERY_MAX_TERMS} are allowed`,
        { errors: [{ path: 'querystring/q', message: `at most ${SEARCH_QUERY_MAX_TERMS} terms` }] },
      );
    }
    if (shortestPrefix(q) < SEARCH_PREFIX_MIN_CHARS) {
      const message = `prefix terms need at least ${SEARCH_PREFIX_MIN_CHARS} characters`;
      throw new HttpProblem(
        400,
        'invalid-search',
        `the search query has a prefix term that is too short; ${message}`,
        {
          errors: [{ path: 'querystring/q', message }],
        },
      );
    }
  };
  // On the searchable routes only, so that other requests do not pay for the check.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!SEARCHABLE_ROUTES.has(route.url) || !methods.some((m) => m === 'GET' || m === 'HEAD')) return;
    const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [...existing, checkTermCount];
  });
}
