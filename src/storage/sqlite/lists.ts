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
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { dateBound, publicationKey } from '../keys.js';
import {
  InvalidCursorError,
  InvalidSearchError,
  type ArticleFilter,
  type ArticleListItem,
  type ArticleListQuery,
  type ArticleRecord,
  type EditionListQuery,
  type EditionRecord,
  type Page,
  type PageQuery,
  type PublicationRecord,
  type PublicationRef,
  type TeaserSearchItem,
  type TeaserSearchQuery,
} from '../repository.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  EDITION_SELECT,
  toArticle,
  toEdition,
  type ArticleRow,
  type EditionRow,
} from './articles.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { buildSnippet, queryTerms } from '../snippet.js';
import type { RankingRunner, SqlValue } from './search-thread.js';

/** A ranked search keeps at most this many results, as most search APIs cap their result window. */
export const SEARCH_RESULT_WINDOW = 10_000;
const BM25 = 'bm25(articles_fts, 10.0, 4.0, 1.0)';

/**
 * An article id as SQL should see it next to a MATCH: better-sqlite3 binds a JS number as
 * REAL, and FTS5 then drops a `rowid = ?` constraint (every match comes back) instead of
 * applying it.
 */
export const ftsRowId = (id: number): bigint => BigInt(id);

/** The query and filters a cursor was issued for, hashed: it is not replayed against another. */
function searchIdentity(query: ArticleListQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  const identity = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/** Where a search walk is: the highest article id it ranks, and how many results it served. */
interface SearchPosition {
  lastId: number;
  served: number;
}

const SEARCH_CURSOR = 'articles-search';

function encodeSearchCursor(query: ArticleListQuery, position: SearchPosition): string {
  return encodeCursor(SEARCH_CURSOR, [searchIdentity(query), position.lastId, position.served]);
}

function decodeSearchCursor(query: ArticleListQuery & { cursor: string }): SearchPosition {
  const [identity, lastId, served] = decodeCursor(query.cursor, SEARCH_CURSOR, [
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

function articleWhere(filter: ArticleFilter): Where {
  const where: Where = { clauses: [], values: [] };
  const add = (sql: string, value: SqlValue): void => {
    where.clauses.push(sql);
    where.values.push(value);
  };
  if (filter.publication) {
    const clause = publicationClause(filter.publication, 'e.publication_id');
    add(clause.sql, clause.value);
  }
  if (filter.editionId !== undefined) add('a.edition_id = ?', filter.editionId);
  if (filter.from !== undefined) add('a.edition_end >= ?', dateBound(filter.from, 'start'));
  if (filter.to !== undefined) add('a.edition_start <= ?', dateBound(filter.to, 'end'));
  if (filter.language !== undefined) add('a.language = ?', filter.language);
  if (filter.pageLocale !== undefined) add('a.page_locale = ?', filter.pageLocale);
  if (filter.platform !== undefined) add('e.platform = ?', filter.platform);
  return where;
}

const sqlWhere = (clauses: string[]): string =>
  clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;

/**
 * In a statement whose only user input is the MATCH expression, a plain SQLITE_ERROR is
 * FTS5 rejecting that expression (syntax, unknown column, `*` alone…); anything else
 * (busy, I/O, corruption) is not the client's fault and goes on as it is.
 */
function asSearchError(error: unknown): never {
  if (error instanceof Error && (error as Error & { code?: string }).code === 'SQLITE_ERROR') {
    throw new InvalidSearchError(
      `the search query cannot be parsed: ${error.message.replace(/^fts5: /, '')}`,
    );
  }
  throw error;
}

/**
 * `ranking` runs the full-text statements (off the main thread for a database file); the
 * rest are single-row or keyed reads, run here.
 */
export function listStore(
  db: Database.Database,
  ranking: RankingRunner,
  teasedBy: (id: number) => ArticleRecord['teasedBy'],
) {
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
      return row ? [toArticle(row, teasedBy(id))] : []; // deleted since it was ranked: skipped
    });
  }

  const highestArticleId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM articles');

  /**
   * One page of a relevance search: the matches up to the walk's highest id, ranked again,
   * after those served (a top-k sort of at most SEARCH_RESULT_WINDOW).
   */
  async function searchArticles(query: ArticleListQuery & { q: string }): Promise<Page<ArticleListItem>> {
    const position = query.cursor
      ? decodeSearchCursor({ ...query, cursor: query.cursor })
      : { lastId: highestArticleId.get()?.id ?? 0, served: 0 };
    const limit = Math.min(query.limit, SEARCH_RESULT_WINDOW - position.served);
    const where = articleWhere(query);
    // Without filters the ranking needs the index alone (its rowid is the article id);
    // joining every match to its article first costs more than the ranking itself.
    const sql =
      where.clauses.length === 0
        ? `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ?
            ORDER BY ${BM25}, rowid LIMIT ? OFFSET ?`
        : `SELECT a.id FROM articles_fts f
             JOIN articles a ON a.id = f.rowid
             LEFT JOIN editions e ON e.id = a.edition_id
            ${sqlWhere(['articles_fts MATCH ?', 'f.rowid <= ?', ...where.clauses])}
            ORDER BY ${BM25}, a.id LIMIT ? OFFSET ?`;
    let ranked: number[];
    try {
      const rows = await ranking.all<{ id: number }>(sql, [
        query.q,
        ftsRowId(position.lastId),
        ...where.values,
        limit + 1,
        position.served,
      ]);
      ranked = rows.map((row) => row.id);
    } catch (error) {
      asSearchError(error);
    }
    const pageIds = ranked.slice(0, limit);
    const served = position.served + pageIds.length;
    const more = ranked.length > limit && served < SEARCH_RESULT_WINDOW;
    const terms = queryTerms(query.q);
    const items = articlesByIds(pageIds).map((article) => ({
      ...article,
      snippet: buildSnippet(terms, article),
    }));
    return {
      items,
      nextCursor: more ? encodeSearchCursor(query, { lastId: position.lastId, served }) : null,
    };
  }

  function listArticles(query: ArticleListQuery): Page<ArticleListItem> | Promise<Page<ArticleListItem>> {
    if (query.q !== undefined) return searchArticles({ ...query, q: query.q });
    const where = articleWhere(query);
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, 'articles', ['string', 'number'] as const);
      // The leading `sort_key <= ?` is what lets SQLite seek in articles_order instead of
      // scanning it from the top: a deep page then costs what page 1 does.
      where.clauses.push('a.sort_key <= ? AND (a.sort_key < ? OR (a.sort_key = ? AND a.id > ?))');
      where.values.push(sortKey, sortKey, sortKey, id);
    }
    const rows = db
      .prepare<SqlValue[], { id: number; sort_key: string }>(
        `SELECT a.id, a.sort_key FROM articles a LEFT JOIN editions e ON e.id = a.edition_id
          ${sqlWhere(where.clauses)}
          ORDER BY a.sort_key DESC, a.id LIMIT ?`,
      )
      .all(...where.values, query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: articlesByIds(page.map((row) => row.id)),
      nextCursor: more && last ? encodeCursor('articles', [last.sort_key, last.id]) : null,
    };
  }

  function listEditions(query: EditionListQuery): Page<EditionRecord> {
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
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, 'editions', ['string', 'number'] as const);
      where.clauses.push(
        `${EDITION_SORT_KEY} <= ? AND (${EDITION_SORT_KEY} < ? OR (${EDITION_SORT_KEY} = ? AND e.id > ?))`,
      );
      where.values.push(sortKey, sortKey, sortKey, id);
    }
    const rows = db
      .prepare<SqlValue[], EditionRow & { sort_key: string }>(
        `${EDITION_SELECT.replace('SELECT e.id,', `SELECT ${EDITION_SORT_KEY} AS sort_key, e.id,`)}
          ${sqlWhere(where.clauses)}
          ORDER BY ${EDITION_SORT_KEY} DESC, e.id LIMIT ?`,
      )
      .all(...where.values, query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toEdition),
      nextCursor: more && last ? encodeCursor('editions', [last.sort_key, last.id]) : null,
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

  function listPublications(query: PageQuery): Page<PublicationRecord> {
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

  async function searchTeasers(query: TeaserSearchQuery): Promise<Page<TeaserSearchItem>> {
    const where: Where = { clauses: [], values: [] };
    if (query.q !== undefined) {
      where.clauses.push('t.id IN (SELECT rowid FROM teasers_fts WHERE teasers_fts MATCH ?)');
      where.values.push(query.q);
    }
    if (query.publication !== undefined) {
      where.clauses.push('t.publication_key = ?');
      where.values.push(publicationKey(query.publication));
    }
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 'teasers', ['number'] as const);
      where.clauses.push('t.id > ?');
      where.values.push(id);
    }
    let rows: TeaserRow[];
    try {
      const sql = `SELECT t.id, t.article_id, t.position, t.title, t.summary, t.publication, t.date, t.partial,
                          t.linked_article_id
                     FROM teasers t ${sqlWhere(where.clauses)} ORDER BY t.id LIMIT ?`;
      const parameters = [...where.values, query.limit + 1];
      // Only a full-text search needs the search thread; a plain listing is a keyed read.
      rows =
        query.q === undefined
          ? db.prepare<SqlValue[], TeaserRow>(sql).all(...parameters)
          : await ranking.all<TeaserRow>(sql, parameters);
    } catch (error) {
      asSearchError(error);
    }
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
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
      nextCursor: more && last ? encodeCursor('teasers', [last.id]) : null,
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
