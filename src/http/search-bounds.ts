import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';
import { parseSearchQuery, searchTermCount, shortestPrefix } from '../storage/search-query.js';

/**
 * Most words one search may look up, required or excluded (its length is bounded by the
 * schemas): each is one more index lookup and merge.
 */
export const SEARCH_QUERY_MAX_TERMS = 32;
/**
 * Fewest characters before a `*`: a one-letter prefix expands to a large part of the
 * vocabulary and matches nearly every article (`a* OR … OR y*` ranked 300k articles in
 * 41 s; `t*` in 4.1 s), on the thread that serves every request.
 */
export const SEARCH_PREFIX_MIN_CHARS = 2;

/**
 * Bounds searches by the words they look up and the length of their prefixes, as the
 * grammar reads them (every engine sees the same query), after the schemas have bounded
 * their length: a query that is too long gets the validation message first. These are the
 * only 400s a `q` can get: every input parses.
 */
export function boundSearchQueries(app: FastifyInstance): void {
  const checkTermCount = async (request: FastifyRequest): Promise<void> => {
    const q = (request.query as Record<string, unknown> | undefined)?.['q'];
    if (typeof q !== 'string') return;
    const query = parseSearchQuery(q);
    const terms = searchTermCount(query);
    if (terms > SEARCH_QUERY_MAX_TERMS) {
      throw new HttpProblem(
        400,
        'invalid-search',
        `the search query has ${terms} terms; at most ${SEARCH_QUERY_MAX_TERMS} are allowed`,
        { errors: [{ path: 'querystring/q', message: `at most ${SEARCH_QUERY_MAX_TERMS} terms` }] },
      );
    }
    if (shortestPrefix(query) < SEARCH_PREFIX_MIN_CHARS) {
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
  // On the routes that declare themselves searches only, so that other requests do not pay for it.
  app.addHook('onRoute', (route) => {
    if (route.config?.routeKind !== 'search') return;
    const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [...existing, checkTermCount];
  });
}
