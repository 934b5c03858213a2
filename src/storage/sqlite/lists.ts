/**
 * Lists and search: articles, editions, publications and teasers, with keyset cursors so
 * that walking a list returns each item once even while articles are added. A relevance
 * ordered search has no stable key (bm25 moves as the corpus grows), so its first page
 * takes a snapshot of the ranked ids and later pages read from it.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { publicationKey } from '../keys.js';
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

/** A ranked search keeps at most this many results, as most search APIs cap their result window. */
export const SEARCH_RESULT_WINDOW = 10_000;
/** How long a search snapshot lives after its last use, and how many are kept. */
const SNAPSHOT_TTL_MS = 15 * 60 * 1000;
const SNAPSHOT_LIMIT = 256;

/** Marks FTS5 puts around matches; replaced by `<mark>` after the text is HTML-escaped. */
const MATCH_OPEN = '\u0002';
const MATCH_CLOSE = '\u0003';
const SNIPPET_TOKENS = 24;

interface Snapshot {
  /** The query and filters it ranked, so a cursor is not replayed against another search. */
  query: string;
  ids: number[];
  usedAt: number;
}

function searchIdentity(query: ArticleListQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

type SqlValue = string | number;

interface Where {
  clauses: string[];
  values: SqlValue[];
}

function bound(date: string, end: 'start' | 'end'): string {
  if (date.length === 7) return `${date}-${end === 'start' ? '00' : '99'}`;
  return date;
}

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
  if (filter.from !== undefined) add('a.edition_end >= ?', bound(filter.from, 'start'));
  if (filter.to !== undefined) add('a.edition_start <= ?', bound(filter.to, 'end'));
  if (filter.language !== undefined) add('a.language = ?', filter.language);
  if (filter.pageLocale !== undefined) add('a.page_locale = ?', filter.pageLocale);
  if (filter.platform !== undefined) add('e.platform = ?', filter.platform);
  return where;
}

const sqlWhere = (clauses: string[]): string =>
  clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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

export function listStore(db: Database.Database, teasedBy: (id: number) => ArticleRecord['teasedBy']) {
  const snapshots = new Map<string, Snapshot>();

  function keepSnapshot(query: string, ids: number[]): string {
    const now = Date.now();
    for (const [key, snapshot] of snapshots) {
      if (now - snapshot.usedAt > SNAPSHOT_TTL_MS || snapshots.size >= SNAPSHOT_LIMIT) snapshots.delete(key);
      else break; // Map keeps insertion order: the rest are newer.
    }
    const id = randomUUID();
    snapshots.set(id, { query, ids, usedAt: now });
    return id;
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
      return row ? [toArticle(row, teasedBy(id))] : []; // deleted since the snapshot: skipped
    });
  }

  function snippets(q: string, ids: number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    const rows = db
      .prepare<[string, ...number[]], { id: number; snippet: string }>(
        `SELECT rowid AS id, snippet(articles_fts, -1, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
           FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (${ids.map(() => '?').join(',')})`,
      )
      .all(q, ...ids);
    return new Map(
      rows.map((row) => [
        row.id,
        escapeHtml(row.snippet).replaceAll(MATCH_OPEN, '<mark>').replaceAll(MATCH_CLOSE, '</mark>'),
      ]),
    );
  }

  function searchArticles(query: ArticleListQuery & { q: string }): Page<ArticleListItem> {
    let ids: number[];
    let offset = 0;
    let snapshotId: string;
    if (query.cursor) {
      const [id, position] = decodeCursor(query.cursor, 'articles-search', ['string', 'number'] as const);
      const snapshot = snapshots.get(id);
      if (!snapshot) throw new InvalidCursorError('the search cursor has expired; run the search again');
      if (snapshot.query !== searchIdentity(query)) {
        throw new InvalidCursorError('the cursor belongs to another search; send the same q and filters');
      }
      snapshot.usedAt = Date.now();
      ids = snapshot.ids;
      offset = position;
      snapshotId = id;
    } else {
      const where = articleWhere(query);
      // Without filters the ranking needs the index alone (its rowid is the article id);
      // joining every match to its article first costs more than the ranking itself.
      const sql =
        where.clauses.length === 0
          ? `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?
              ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0), rowid LIMIT ${SEARCH_RESULT_WINDOW}`
          : `SELECT a.id FROM articles_fts f
               JOIN articles a ON a.id = f.rowid
               LEFT JOIN editions e ON e.id = a.edition_id
              ${sqlWhere(['articles_fts MATCH ?', ...where.clauses])}
              ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0), a.id
              LIMIT ${SEARCH_RESULT_WINDOW}`;
      try {
        ids = db
          .prepare<SqlValue[], { id: number }>(sql)
          .all(query.q, ...where.values)
          .map((row) => row.id);
      } catch (error) {
        asSearchError(error);
      }
      snapshotId = ids.length > query.limit ? keepSnapshot(searchIdentity(query), ids) : '';
    }
    const pageIds = ids.slice(offset, offset + query.limit);
    const next =
      offset + query.limit < ids.length
        ? encodeCursor('articles-search', [snapshotId, offset + query.limit])
        : null;
    let marks: Map<number, string>;
    try {
      marks = snippets(query.q, pageIds);
    } catch (error) {
      asSearchError(error);
    }
    const items = articlesByIds(pageIds).map((article) => ({
      ...article,
      snippet: marks.get(article.id) ?? '',
    }));
    return { items, nextCursor: next };
  }

  function listArticles(query: ArticleListQuery): Page<ArticleListItem> {
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
      where.clauses.push('e.date_end >= ?');
      where.values.push(bound(query.from, 'start'));
    }
    if (query.to !== undefined) {
      where.clauses.push('e.date_start <= ?');
      where.values.push(bound(query.to, 'end'));
    }
    if (query.platform !== undefined) {
      where.clauses.push('e.platform = ?');
      where.values.push(query.platform);
    }
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, 'editions', ['string', 'number'] as const);
      where.clauses.push(
        `ifnull(e.date_start, '') <= ? AND (ifnull(e.date_start, '') < ? OR (ifnull(e.date_start, '') = ? AND e.id > ?))`,
      );
      where.values.push(sortKey, sortKey, sortKey, id);
    }
    const rows = db
      .prepare<SqlValue[], EditionRow & { sort_key: string }>(
        `${EDITION_SELECT.replace('SELECT e.id,', `SELECT ifnull(e.date_start, '') AS sort_key, e.id,`)}
          ${sqlWhere(where.clauses)}
          ORDER BY ifnull(e.date_start, '') DESC, e.id LIMIT ?`,
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
             ORDER BY e.date_start DESC LIMIT 1) AS last_edition_date
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

  function searchTeasers(query: TeaserSearchQuery): Page<TeaserSearchItem> {
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
      rows = db
        .prepare<SqlValue[], TeaserRow>(
          `SELECT t.id, t.article_id, t.position, t.title, t.summary, t.publication, t.date, t.partial,
                  t.linked_article_id
             FROM teasers t ${sqlWhere(where.clauses)} ORDER BY t.id LIMIT ?`,
        )
        .all(...where.values, query.limit + 1);
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
