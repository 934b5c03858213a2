/**
 * What every engine's lists share: how totals are bounded, how a relevance walk's cursor is
 * written and checked, and the cursor tags of each order. Engines differ in SQL only, so a
 * cursor issued by one node is read the same way by any other node of the same database.
 */
import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  InvalidCursorError,
  type ArticleListQuery,
  type Page,
  type TeaserSearchQuery,
  type Total,
} from './repository.js';

/** Lists count their items up to this many by default (`LIST_TOTAL_BOUND`). */
export const DEFAULT_TOTAL_BOUND = 10_000;

/** A ranked search keeps at most this many results, as most search APIs cap their result window. */
export const SEARCH_RESULT_WINDOW = 10_000;

/** A count that stopped at `bound + 1` rows, as a Total. */
export function totalOf(counted: number, bound: number): Total {
  return counted > bound ? { value: bound, exact: false } : { value: counted, exact: true };
}

/** A total no larger than what a relevance walk can serve (`window` results). */
export function withinWindow(total: Total, window: number): Total {
  return total.value > window ? { value: window, exact: false } : total;
}

/** What a search that requires nothing (`-budget`, `+++`) finds. */
export const nothingFound = <T>(): Page<T> => ({
  items: [],
  nextCursor: null,
  total: { value: 0, exact: true },
});

/** `sort=relevance` without `q`: the routes refuse it first, with a 400. */
export const relevanceNeedsQuery = (): Error => new RangeError('sort=relevance needs a search query (q)');

/** The query and filters a cursor was issued for, hashed: it is not replayed against another. */
export function searchIdentity(query: object): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query as { cursor?: unknown; limit?: unknown };
  const identity = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/** Where a search walk is: the highest id it ranks, and how many results it served. */
export interface SearchPosition {
  lastId: number;
  served: number;
}

const ARTICLE_SEARCH = 'articles-search';
const TEASER_SEARCH = 'teasers:relevance';

export function encodeArticleSearchCursor(query: ArticleListQuery, position: SearchPosition): string {
  return encodeCursor(ARTICLE_SEARCH, [searchIdentity(query), position.lastId, position.served]);
}

export function decodeArticleSearchCursor(query: ArticleListQuery & { cursor: string }): SearchPosition {
  const [identity, lastId, served] = decodeCursor(query.cursor, ARTICLE_SEARCH, [
    'string',
    'number',
    'number',
  ] as const);
  if (identity !== searchIdentity(query)) {
    throw new InvalidCursorError('the cursor belongs to another search; send the same q and filters');
  }
  if (lastId < 1 || served < 1 || served >= SEARCH_RESULT_WINDOW) {
    throw new InvalidCursorError('the cursor is not one this server issued');
  }
  return { lastId, served };
}

const teaserSearchIdentity = (query: TeaserSearchQuery): string =>
  searchIdentity({ q: query.q, publication: query.publication });

export function encodeTeaserSearchCursor(query: TeaserSearchQuery, position: SearchPosition): string {
  return encodeCursor(TEASER_SEARCH, [teaserSearchIdentity(query), position.lastId, position.served]);
}

export function decodeTeaserSearchCursor(query: TeaserSearchQuery & { cursor: string }): SearchPosition {
  const [identity, lastId, served] = decodeCursor(query.cursor, TEASER_SEARCH, [
    'string',
    'number',
    'number',
  ] as const);
  if (identity !== teaserSearchIdentity(query)) {
    throw new InvalidCursorError('the cursor belongs to another search; send the same q and publication');
  }
  if (served < 1 || served >= SEARCH_RESULT_WINDOW) {
    throw new InvalidCursorError('the cursor is not one this server issued');
  }
  return { lastId, served };
}
