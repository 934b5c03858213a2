/**
 * Lists and search: articles, editions, publications and teasers, with keyset cursors so
 * that walking a list returns each item once even while articles are added. A relevance
 * search has no stable key (bm25 moves as the corpus changes), so its cursor carries the
 * highest article id when the walk began and how many results were served: each page
 * ranks the matches up to that id again and skips those served. It holds no server state,
 * so it works on any node and after a restart, and no one else's searches can expire it.
 * Articles added during the walk stay out of it; one deleted, or a ranking reordered by
 * the corpus statistics changing, may make an item near a page edge repeat or be skipped.
 */
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { dateBound, publicationKey } from '../keys.js';
export { DEFAULT_TOTAL_BOUND, SEARCH_RESULT_WINDOW } from '../list-rules.js';
import {
  InvalidCursorError,
  type ArticleFilter,
  type ArticleListItem,
  type ArticleListQuery,
  type ArticleRecord,
  type ArticleSort,
  type EditionListQuery,
  type EditionRecord,
  type Page,
  type PageQuery,
  type RankedWithin,
  type PublicationRecord,
  type PublicationRef,
  type TeaserSearchItem,
  type TeaserSearchQuery,
  type Total,
} from '../repository.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  EDITION_SELECT,
  toArticle,
  toEdition,
  type ArticleRelations,
  type ArticleRow,
  type EditionRow,
} from './articles.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { buildSnippet } from '../snippet.js';
import { highlightTerms, parseSearchQuery } from '../search-query.js';
import { ftsMatch } from './fts-query.js';
import {
  DEFAULT_TOTAL_BOUND,
  SEARCH_RESULT_WINDOW,
  decodeArticleSearchCursor,
  decodeTeaserSearchCursor,
  encodeArticleSearchCursor,
  encodeTeaserSearchCursor,
  nothingFound,
  relevanceNeedsQuery,
  totalOf,
  withinWindow,
} from '../list-rules.js';
import type { RankingRunner, SqlValue } from './search-thread.js';

const BM25 = 'bm25(articles_fts, 10.0, 4.0, 1.0)';

/**
 * bm25 costs ~0.5 µs a match, so ranking every match of a common term grows with the archive
 * (`india`, 374,668 matches at 1M articles: p99 189 ms). A relevance search therefore ranks
 * the newest RANKED_CANDIDATES matches only (by id, within the filters, up to the walk's
 * highest id): FTS5 walks a doclist backwards by rowid and stops there, so the cost is bounded
 * whatever the archive's size. A common term returns the best of its newest matches; older
 * articles are reached by narrowing the search (another word, a publication, a date range, a
 * language) or by another order. The response says so (`ranked_within`). Chosen by measurement
 * at 1M articles: docs/measurements/2026-12-07-sqlite-common-term.md.
 */
export const RANKED_CANDIDATES = 10_000;

export interface ListOptions {
  /** Lists count up to this many (`LIST_TOTAL_BOUND`). */
  totalBound?: number | undefined;
  /** A relevance search ranks this many of the newest matches (RANKED_CANDIDATES; smaller in tests). */
  rankedCandidates?: number | undefined;
}

/**
 * An article id as SQL should see it next to a MATCH: better-sqlite3 binds a JS number as
 * REAL, and FTS5 then drops a `rowid = ?` constraint (every match comes back) instead of
 * applying it.
 */
export const ftsRowId = (id: number): bigint => BigInt(id);

interface Where {
  clauses: string[];
  values: SqlValue[];
}

/**
 * An edition's sort and range bounds in SQL, as `dateBounds` computes them. The generated
 * columns `date_start`/`date_end` (migration 002) know days and months only; a year-only
 * edition (`2024`, an annual) is bounded here until a migration redefines them. The cost: the
 * edition list's ORDER BY no longer walks the `editions_order` index (a sort per page).
 */
const EDITION_START = `ifnull(e.date_start, CASE length(e.date) WHEN 4 THEN e.date || '-00-00' END)`;
const EDITION_END = `ifnull(e.date_end, CASE length(e.date) WHEN 4 THEN e.date || '-99-99' END)`;
/** The edition list's order: undated editions last (`''`). */
const EDITION_SORT_KEY = `ifnull(${EDITION_START}, '')`;

function publicationClause(ref: PublicationRef, column: string): { sql: string; value: SqlValue } {
  return 'id' in ref
    ? { sql: `${column} = ?`, value: ref.id }
    : { sql: `${column} = (SELECT id FROM publications WHERE name = ?)`, value: ref.name };
}

/** `articleWhere` over another alias of the same tables (`b`, `eb`): the filters of a subquery. */
function articleWhere(filter: ArticleFilter, article = 'a', edition = 'e'): Where {
  const where: Where = { clauses: [], values: [] };
  const add = (sql: string, value: SqlValue): void => {
    where.clauses.push(sql);
    where.values.push(value);
  };
  if (filter.publication) {
    const clause = publicationClause(filter.publication, `${edition}.publication_id`);
    add(clause.sql, clause.value);
  }
  if (filter.editionId !== undefined) add(`${article}.edition_id = ?`, filter.editionId);
  if (filter.from !== undefined) add(`${article}.edition_end >= ?`, dateBound(filter.from, 'start'));
  if (filter.to !== undefined) add(`${article}.edition_start <= ?`, dateBound(filter.to, 'end'));
  if (filter.language !== undefined) add(`${article}.language = ?`, filter.language);
  if (filter.pageLocale !== undefined) add(`${article}.page_locale = ?`, filter.pageLocale);
  if (filter.platform !== undefined) add(`${edition}.platform = ?`, filter.platform);
  return where;
}

const sqlWhere = (clauses: string[]): string =>
  clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;

/**
 * A keyset order of the article list: the ORDER BY, the clause that resumes after a cursor's
 * position, and the cursor's tag (a cursor of one order is refused by another). Each order
 * ends on the id, so it is total, and runs on an index (articles_order, forwards or backwards,
 * or the rowid).
 */
interface KeysetOrder {
  tag: string;
  orderBy: string;
  /** Resumes after (sort key, id); the leading range term lets SQLite seek in the index. */
  after: (sortKey: string, id: number) => { sql: string; values: SqlValue[] };
}

const byEditionDate = (direction: 'asc' | 'desc'): KeysetOrder => {
  const [past, idPast] = direction === 'desc' ? ['<', '>'] : ['>', '<'];
  return {
    // The newest-first cursor keeps its historic tag: cursors issued before sort= still work.
    tag: direction === 'desc' ? 'articles' : 'articles:edition_date',
    orderBy: direction === 'desc' ? 'a.sort_key DESC, a.id' : 'a.sort_key, a.id DESC',
    after: (sortKey, id) => ({
      sql: `a.sort_key ${past}= ? AND (a.sort_key ${past} ? OR (a.sort_key = ? AND a.id ${idPast} ?))`,
      values: [sortKey, sortKey, sortKey, id],
    }),
  };
};

const byIngest = (direction: 'asc' | 'desc'): KeysetOrder => ({
  tag: `articles:ingested:${direction}`,
  orderBy: direction === 'asc' ? 'a.id' : 'a.id DESC',
  after: (_sortKey, id) => ({ sql: direction === 'asc' ? 'a.id > ?' : 'a.id < ?', values: [id] }),
});

const ARTICLE_ORDERS: Record<Exclude<ArticleSort, 'relevance'>, KeysetOrder> = {
  '-edition_date': byEditionDate('desc'),
  edition_date: byEditionDate('asc'),
  ingested: byIngest('asc'),
  '-ingested': byIngest('desc'),
};

/** `SELECT count(*)` over at most `bound + 1` rows of `from` (a FROM and WHERE). */
const cappedCount = (from: string): string => `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ?)`;

/**
 * `distinct=story`: an article is its story's representative when it is the capture with the
 * newest edition (then the lowest id) among those the filters (and the search, given its MATCH
 * expression) keep: no other such capture comes before it. That depends on the data only, not
 * on the page or the order walked, so a walk serves each story once. An article not yet
 * fingerprinted (story_id NULL) equals no other.
 */
function storyRepresentative(
  filter: ArticleFilter,
  match: string | null,
): { sql: string; values: SqlValue[] } {
  const others = articleWhere(filter, 'b', 'eb');
  if (match !== null) {
    others.clauses.push('b.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    others.values.push(match);
  }
  return {
    sql: `NOT EXISTS (
      SELECT 1 FROM articles b LEFT JOIN editions eb ON eb.id = b.edition_id
       WHERE b.story_id = a.story_id AND b.id <> a.id
         AND (b.sort_key > a.sort_key OR (b.sort_key = a.sort_key AND b.id < a.id))
         ${others.clauses.map((clause) => `AND ${clause}`).join(' ')})`,
    values: others.values,
  };
}

/**
 * `ranking` runs the full-text statements (off the main thread for a database file); the
 * rest are single-row or keyed reads, run here.
 */
export function listStore(
  db: Database.Database,
  ranking: RankingRunner,
  relations: (row: ArticleRow) => ArticleRelations,
  options: ListOptions = {},
) {
  const totalBound = options.totalBound ?? DEFAULT_TOTAL_BOUND;
  const rankedCandidates = options.rankedCandidates ?? RANKED_CANDIDATES;
  /** The most results a relevance walk serves: the matches it ranks, within the result window. */
  const relevanceWindow = Math.min(rankedCandidates, SEARCH_RESULT_WINDOW);
  const rankedWithin = (allMatchesRanked: boolean): RankedWithin => ({
    newestMatches: rankedCandidates,
    allMatchesRanked,
  });

  /** Counts the rows of `from` up to the bound, here or (full-text) on the search thread. */
  async function count(from: string, values: SqlValue[], onSearchThread: boolean): Promise<Total> {
    const sql = cappedCount(from);
    const parameters = [...values, totalBound + 1];
    const rows = onSearchThread
      ? await ranking.all<{ n: number }>(sql, parameters)
      : db.prepare<SqlValue[], { n: number }>(sql).all(...parameters);
    return totalOf(rows[0]?.n ?? 0, totalBound);
  }

  /** One prepared statement per page size (at most 100), not one per request. */
  const articlesByIdCount = new Map<number, Statement<number[], ArticleRow>>();

  function articlesByIds(ids: number[]): ArticleRecord[] {
    if (ids.length === 0) return [];
    let statement = articlesByIdCount.get(ids.length);
    if (!statement) {
      statement = db.prepare<number[], ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} ${ARTICLE_FROM} WHERE a.id IN (${ids.map(() => '?').join(',')})`,
      );
      articlesByIdCount.set(ids.length, statement);
    }
    const rows = statement.all(...ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toArticle(row, relations(row))] : []; // deleted since it was ranked: skipped
    });
  }

  const highestArticleId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM articles');

  /**
   * One page of a relevance search: the newest `rankedCandidates` matches up to the walk's
   * highest id, ranked again, after those served (a top-k sort of at most SEARCH_RESULT_WINDOW).
   * A first statement walks the matches newest first, one past the bound: how many there are
   * (the total) and the oldest of them, which is not ranked when the bound cut it.
   */
  async function searchArticles(query: ArticleListQuery & { q: string }): Promise<Page<ArticleListItem>> {
    const position = query.cursor
      ? decodeArticleSearchCursor({ ...query, cursor: query.cursor })
      : { lastId: highestArticleId.get()?.id ?? 0, served: 0 };
    if (position.served >= relevanceWindow)
      throw new InvalidCursorError('the cursor is not one this server issued');
    const search = parseSearchQuery(query.q);
    const match = ftsMatch(search);
    if (match === null) return { ...nothingFound(), rankedWithin: rankedWithin(true) };
    const limit = Math.min(query.limit, relevanceWindow - position.served);
    const where = articleWhere(query);
    if (query.distinct === 'story') {
      const representative = storyRepresentative(query, match);
      where.clauses.push(representative.sql);
      where.values.push(...representative.values);
    }
    // Without filters the matches need the index alone (its rowid is the article id);
    // joining every match to its article first costs more than the ranking itself.
    const id = where.clauses.length === 0 ? 'rowid' : 'f.rowid';
    const matches =
      where.clauses.length === 0
        ? `FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ?`
        : `FROM articles_fts f JOIN articles a ON a.id = f.rowid LEFT JOIN editions e ON e.id = a.edition_id
            ${sqlWhere(['articles_fts MATCH ?', 'f.rowid <= ?', ...where.clauses])}`;
    const values = [match, ftsRowId(position.lastId), ...where.values];
    const [newest] = await ranking.all<{ found: number; oldest: number | null }>(
      `SELECT count(*) AS found, min(id) AS oldest
         FROM (SELECT ${id} AS id ${matches} ORDER BY ${id} DESC LIMIT ?)`,
      [...values, rankedCandidates + 1],
    );
    const found = newest?.found ?? 0;
    const allMatchesRanked = found <= rankedCandidates;
    const belowRanked = allMatchesRanked ? 0 : (newest?.oldest ?? 0);
    const rows = await ranking.all<{ id: number }>(
      `SELECT ${id} AS id ${matches} AND ${id} > ? ORDER BY ${BM25}, ${id} LIMIT ? OFFSET ?`,
      [...values, ftsRowId(belowRanked), limit + 1, position.served],
    );
    const ranked = rows.map((row) => row.id);
    const pageIds = ranked.slice(0, limit);
    const served = position.served + pageIds.length;
    const more = ranked.length > limit && served < relevanceWindow;
    const terms = highlightTerms(search);
    const items = articlesByIds(pageIds).map((article) => ({
      ...article,
      snippet: buildSnippet(terms, article),
    }));
    return {
      items,
      nextCursor: more ? encodeArticleSearchCursor(query, { lastId: position.lastId, served }) : null,
      // A walk serves at most the matches it ranks, within SEARCH_RESULT_WINDOW.
      total: withinWindow(totalOf(found, Math.min(rankedCandidates, totalBound)), relevanceWindow),
      rankedWithin: rankedWithin(allMatchesRanked),
    };
  }

  async function listArticles(query: ArticleListQuery): Promise<Page<ArticleListItem>> {
    const sort = query.sort ?? (query.q === undefined ? '-edition_date' : 'relevance');
    if (sort === 'relevance') {
      if (query.q === undefined) throw relevanceNeedsQuery();
      return searchArticles({ ...query, q: query.q });
    }
    const order = ARTICLE_ORDERS[sort];
    const where = articleWhere(query);
    // A search in a keyset order: the matches, walked by the order's key like any list.
    const search = query.q === undefined ? null : parseSearchQuery(query.q);
    if (search !== null) {
      const match = ftsMatch(search);
      // A search that requires nothing finds nothing; its cursor is still checked below.
      if (match === null) where.clauses.unshift('0');
      else {
        where.clauses.unshift('a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
        where.values.unshift(match);
      }
    }
    if (query.distinct === 'story') {
      const representative = storyRepresentative(query, search === null ? null : ftsMatch(search));
      where.clauses.push(representative.sql);
      where.values.push(...representative.values);
    }
    // One story per item is another list than every capture: its cursors are its own.
    const tag = query.distinct === 'story' ? `${order.tag}:by-story` : order.tag;
    const onSearchThread = search !== null;
    const from = `FROM articles a LEFT JOIN editions e ON e.id = a.edition_id`;
    const total = await count(`${from} ${sqlWhere(where.clauses)}`, where.values, onSearchThread);
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, tag, ['string', 'number'] as const);
      const after = order.after(sortKey, id);
      where.clauses.push(after.sql);
      where.values.push(...after.values);
    }
    const sql = `SELECT a.id, a.sort_key ${from} ${sqlWhere(where.clauses)} ORDER BY ${order.orderBy} LIMIT ?`;
    const parameters = [...where.values, query.limit + 1];
    const rows = onSearchThread
      ? await ranking.all<{ id: number; sort_key: string }>(sql, parameters)
      : db.prepare<SqlValue[], { id: number; sort_key: string }>(sql).all(...parameters);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const terms = search === null ? null : highlightTerms(search);
    const articles = articlesByIds(page.map((row) => row.id));
    return {
      items:
        terms === null
          ? articles
          : articles.map((article) => ({ ...article, snippet: buildSnippet(terms, article) })),
      nextCursor: more && last ? encodeCursor(tag, [last.sort_key, last.id]) : null,
      total,
    };
  }

  async function listEditions(query: EditionListQuery): Promise<Page<EditionRecord>> {
    const where: Where = { clauses: [], values: [] };
    if (query.publication) {
      const clause = publicationClause(query.publication, 'e.publication_id');
      where.clauses.push(clause.sql);
      where.values.push(clause.value);
    }
    if (query.from !== undefined) {
      where.clauses.push(`${EDITION_END} >= ?`);
      where.values.push(dateBound(query.from, 'start'));
    }
    if (query.to !== undefined) {
      where.clauses.push(`${EDITION_START} <= ?`);
      where.values.push(dateBound(query.to, 'end'));
    }
    if (query.platform !== undefined) {
      where.clauses.push('e.platform = ?');
      where.values.push(query.platform);
    }
    const total = await count(`FROM editions e ${sqlWhere(where.clauses)}`, where.values, false);
    // `-date` (newest first, then id) keeps the historic cursor tag; `date` is its exact reverse.
    const newestFirst = (query.sort ?? '-date') === '-date';
    const tag = newestFirst ? 'editions' : 'editions:date';
    const key = EDITION_SORT_KEY;
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, tag, ['string', 'number'] as const);
      const [past, idPast] = newestFirst ? ['<', '>'] : ['>', '<'];
      where.clauses.push(`${key} ${past}= ? AND (${key} ${past} ? OR (${key} = ? AND e.id ${idPast} ?))`);
      where.values.push(sortKey, sortKey, sortKey, id);
    }
    const rows = db
      .prepare<SqlValue[], EditionRow & { sort_key: string }>(
        `${EDITION_SELECT.replace('SELECT e.id,', `SELECT ${key} AS sort_key, e.id,`)}
          ${sqlWhere(where.clauses)}
          ORDER BY ${newestFirst ? `${key} DESC, e.id` : `${key}, e.id DESC`} LIMIT ?`,
      )
      .all(...where.values, query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toEdition),
      nextCursor: more && last ? encodeCursor(tag, [last.sort_key, last.id]) : null,
      total,
    };
  }

  const editionById = db.prepare<[number], EditionRow>(`${EDITION_SELECT} WHERE e.id = ?`);

  const PUBLICATION_SELECT = `
    SELECT p.id, p.name,
           (SELECT count(*) FROM editions e WHERE e.publication_id = p.id) AS edition_count,
           (SELECT ifnull(sum(e.article_count), 0) FROM editions e WHERE e.publication_id = p.id) AS article_count,
           (SELECT min(e.date) FROM editions e WHERE e.publication_id = p.id) AS first_edition_date,
           (SELECT e.date FROM editions e WHERE e.publication_id = p.id AND e.date IS NOT NULL
             ORDER BY ${EDITION_START} DESC LIMIT 1) AS last_edition_date
      FROM publications p`;
  interface PublicationRow {
    id: number;
    name: string;
    edition_count: number;
    article_count: number;
    first_edition_date: string | null;
    last_edition_date: string | null;
  }
  const toPublication = (row: PublicationRow): PublicationRecord => ({
    id: row.id,
    name: row.name,
    editionCount: row.edition_count,
    articleCount: row.article_count,
    firstEditionDate: row.first_edition_date,
    lastEditionDate: row.last_edition_date,
  });
  const publicationById = db.prepare<[number], PublicationRow>(`${PUBLICATION_SELECT} WHERE p.id = ?`);

  async function listPublications(query: PageQuery): Promise<Page<PublicationRecord>> {
    const total = await count('FROM publications p', [], false);
    const where: Where = { clauses: [], values: [] };
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 'publications', ['string', 'number'] as const);
      where.clauses.push('(p.name > ? OR (p.name = ? AND p.id > ?))');
      where.values.push(name, name, id);
    }
    const rows = db
      .prepare<SqlValue[], PublicationRow>(
        `${PUBLICATION_SELECT} ${sqlWhere(where.clauses)} ORDER BY p.name, p.id LIMIT ?`,
      )
      .all(...where.values, query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toPublication),
      nextCursor: more && last ? encodeCursor('publications', [last.name, last.id]) : null,
      total,
    };
  }

  interface TeaserRow {
    id: number;
    article_id: number;
    position: number;
    title: string;
    summary: string | null;
    publication: string | null;
    date: string | null;
    partial: number;
    linked_article_id: number | null;
  }

  const highestTeaserId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM teasers');
  const TEASER_COLUMNS = `t.id, t.article_id, t.position, t.title, t.summary, t.publication, t.date, t.partial,
                          t.linked_article_id`;

  async function searchTeasers(query: TeaserSearchQuery): Promise<Page<TeaserSearchItem>> {
    const sort = query.sort ?? 'stored';
    if (sort === 'relevance') {
      if (query.q === undefined) throw relevanceNeedsQuery();
      return rankTeasers({ ...query, q: query.q });
    }
    const where: Where = { clauses: [], values: [] };
    if (query.q !== undefined) {
      const match = ftsMatch(parseSearchQuery(query.q));
      // A search that requires nothing finds nothing; its cursor is still checked below.
      if (match === null) where.clauses.push('0');
      else {
        where.clauses.push('t.id IN (SELECT rowid FROM teasers_fts WHERE teasers_fts MATCH ?)');
        where.values.push(match);
      }
    }
    if (query.publication !== undefined) {
      where.clauses.push('t.publication_key = ?');
      where.values.push(publicationKey(query.publication));
    }
    const total = await count(
      `FROM teasers t ${sqlWhere(where.clauses)}`,
      where.values,
      query.q !== undefined,
    );
    // `stored` keeps the historic cursor tag; `-stored` is its exact reverse.
    const tag = sort === 'stored' ? 'teasers' : 'teasers:-stored';
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, tag, ['number'] as const);
      where.clauses.push(sort === 'stored' ? 't.id > ?' : 't.id < ?');
      where.values.push(id);
    }
    const sql = `SELECT ${TEASER_COLUMNS}
                   FROM teasers t ${sqlWhere(where.clauses)} ORDER BY t.id ${sort === 'stored' ? '' : 'DESC'} LIMIT ?`;
    const parameters = [...where.values, query.limit + 1];
    // Only a full-text search needs the search thread; a plain listing is a keyed read.
    const rows =
      query.q === undefined
        ? db.prepare<SqlValue[], TeaserRow>(sql).all(...parameters)
        : await ranking.all<TeaserRow>(sql, parameters);
    return teaserPage(rows, query.limit, total, (last) => encodeCursor(tag, [last.id]));
  }

  /**
   * One page of teasers by relevance: stateless like the article search (the highest teaser id
   * when the walk began, and how many results were served), and bounded like it: the newest
   * `rankedCandidates` matches are ranked, found by a walk of the doclist newest first.
   */
  async function rankTeasers(query: TeaserSearchQuery & { q: string }): Promise<Page<TeaserSearchItem>> {
    const position = query.cursor
      ? decodeTeaserSearchCursor({ ...query, cursor: query.cursor })
      : { lastId: highestTeaserId.get()?.id ?? 0, served: 0 };
    if (position.served >= relevanceWindow)
      throw new InvalidCursorError('the cursor is not one this server issued');
    const match = ftsMatch(parseSearchQuery(query.q));
    if (match === null) return { ...nothingFound(), rankedWithin: rankedWithin(true) };
    const limit = Math.min(query.limit, relevanceWindow - position.served);
    const clauses = ['teasers_fts MATCH ?', 'f.rowid <= ?'];
    const values: SqlValue[] = [match, ftsRowId(position.lastId)];
    if (query.publication !== undefined) {
      clauses.push('t.publication_key = ?');
      values.push(publicationKey(query.publication));
    }
    const from = `FROM teasers_fts f JOIN teasers t ON t.id = f.rowid ${sqlWhere(clauses)}`;
    const [newest] = await ranking.all<{ found: number; oldest: number | null }>(
      `SELECT count(*) AS found, min(id) AS oldest FROM (SELECT f.rowid AS id ${from} ORDER BY f.rowid DESC LIMIT ?)`,
      [...values, rankedCandidates + 1],
    );
    const found = newest?.found ?? 0;
    const allMatchesRanked = found <= rankedCandidates;
    const belowRanked = allMatchesRanked ? 0 : (newest?.oldest ?? 0);
    const rows = await ranking.all<TeaserRow>(
      `SELECT ${TEASER_COLUMNS} ${from} AND f.rowid > ? ORDER BY bm25(teasers_fts), t.id LIMIT ? OFFSET ?`,
      [...values, ftsRowId(belowRanked), limit + 1, position.served],
    );
    const served = position.served + Math.min(rows.length, limit);
    const total = withinWindow(totalOf(found, Math.min(rankedCandidates, totalBound)), relevanceWindow);
    return {
      ...teaserPage(rows, limit, total, () =>
        served < relevanceWindow
          ? encodeTeaserSearchCursor(query, { lastId: position.lastId, served })
          : null,
      ),
      rankedWithin: rankedWithin(allMatchesRanked),
    };
  }

  function teaserPage(
    rows: TeaserRow[],
    limit: number,
    total: Total,
    cursorAfter: (last: TeaserRow) => string | null,
  ): Page<TeaserSearchItem> {
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        pageArticleId: row.article_id,
        position: row.position,
        title: row.title,
        summary: row.summary,
        publication: row.publication,
        date: row.date,
        partial: row.partial === 1,
        linkedArticleId: row.linked_article_id,
      })),
      nextCursor: more && last ? cursorAfter(last) : null,
      total,
    };
  }

  return {
    listArticles,
    listEditions,
    edition: (id: number): EditionRecord | null => {
      const row = editionById.get(id);
      return row ? toEdition(row) : null;
    },
    listPublications,
    publication: (id: number): PublicationRecord | null => {
      const row = publicationById.get(id);
      return row ? toPublication(row) : null;
    },
    searchTeasers,
  };
}
