/**
 * Direct SQL measurements for bench/growth.ts, on a read-only connection to the database the
 * server serves: where the time of a ranked search and of a deep cursor page goes, with the
 * query plans. The statements are the ones src/storage/sqlite/lists.ts runs.
 */
import type Database from 'better-sqlite3';
import { median } from './stats.js';

export const SEARCH_WINDOW = 10_000;
export const PAGE_SIZE = 20;

function timeMs(run: () => unknown, rounds: number): number {
  run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function plan(db: Database.Database, sql: string, values: unknown[]): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...values)
    .map((row) => row.detail);
}

export interface SearchBreakdown {
  term: string;
  matches: number;
  /** The server's first-page statement: bm25 over every match, joined, LIMIT 10,000. */
  rankedWindowMs: number;
  /** The same ranking, FTS table only (no joins), LIMIT 10,000. */
  ftsOnlyWindowMs: number;
  /** The same ranking, FTS only, LIMIT 21 (one page and a look-ahead). */
  ftsOnlyPageMs: number;
  /** Matching rowids only, no ranking. */
  matchOnlyMs: number;
  plan: string[];
}

const SEARCH_SQL = (limit: number) => `
  SELECT a.id FROM articles_fts f
    JOIN articles a ON a.id = f.rowid
    LEFT JOIN editions e ON e.id = a.edition_id
   WHERE articles_fts MATCH ?
   ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0), a.id
   LIMIT ${limit}`;

export function searchBreakdown(db: Database.Database, term: string, rounds: number): SearchBreakdown {
  const ranked = db.prepare(SEARCH_SQL(SEARCH_WINDOW));
  const ftsOnly = (limit: number) =>
    db.prepare(
      `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0) LIMIT ${limit}`,
    );
  const matchOnly = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?');
  const count = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?',
  );
  const window = ftsOnly(SEARCH_WINDOW);
  const page = ftsOnly(PAGE_SIZE + 1);
  return {
    term,
    matches: count.get(term)?.n ?? 0,
    rankedWindowMs: timeMs(() => ranked.all(term), rounds),
    ftsOnlyWindowMs: timeMs(() => window.all(term), rounds),
    ftsOnlyPageMs: timeMs(() => page.all(term), rounds),
    matchOnlyMs: timeMs(() => matchOnly.all(term), rounds),
    plan: plan(db, SEARCH_SQL(SEARCH_WINDOW), [term]),
  };
}

export interface ListingBreakdown {
  depth: number;
  cursor: string;
  sortKey: string;
  id: number;
  /** The server's statements (lists.ts listArticles): page 1, and the page after the cursor. */
  firstPageMs: number;
  deepPageMs: number;
  deepPlan: string[];
  /** The same deep page with a redundant `a.sort_key <= ?` that the index can seek on. */
  seekDeepPageMs: number;
  seekPlan: string[];
}

const LIST_SQL = (where: string) => `
  SELECT a.id, a.sort_key FROM articles a LEFT JOIN editions e ON e.id = a.edition_id
   ${where}
   ORDER BY a.sort_key DESC, a.id LIMIT ?`;
const CURSOR_WHERE = 'WHERE (a.sort_key < ? OR (a.sort_key = ? AND a.id > ?))';
const SEEK_WHERE = 'WHERE a.sort_key <= ? AND (a.sort_key < ? OR (a.sort_key = ? AND a.id > ?))';

/** The opaque cursor the server would issue for the item at `depth` (1-based) of the full list. */
export function cursorAtDepth(
  db: Database.Database,
  depth: number,
): { cursor: string; sortKey: string; id: number } {
  const row = db
    .prepare<[number], { sort_key: string; id: number }>(
      'SELECT sort_key, id FROM articles ORDER BY sort_key DESC, id LIMIT 1 OFFSET ?',
    )
    .get(depth - 1);
  if (!row) throw new Error(`no article at depth ${depth}`);
  return {
    cursor: Buffer.from(JSON.stringify(['articles', row.sort_key, row.id]), 'utf8').toString('base64url'),
    sortKey: row.sort_key,
    id: row.id,
  };
}

export function listingBreakdown(db: Database.Database, depth: number, rounds: number): ListingBreakdown {
  const at = cursorAtDepth(db, depth);
  const first = db.prepare(LIST_SQL(''));
  const deep = db.prepare(LIST_SQL(CURSOR_WHERE));
  const seek = db.prepare(LIST_SQL(SEEK_WHERE));
  const cursorValues = [at.sortKey, at.sortKey, at.id];
  return {
    depth,
    cursor: at.cursor,
    sortKey: at.sortKey,
    id: at.id,
    firstPageMs: timeMs(() => first.all(PAGE_SIZE + 1), rounds),
    deepPageMs: timeMs(() => deep.all(...cursorValues, PAGE_SIZE + 1), rounds),
    deepPlan: plan(db, LIST_SQL(CURSOR_WHERE), [...cursorValues, PAGE_SIZE + 1]),
    seekDeepPageMs: timeMs(() => seek.all(at.sortKey, ...cursorValues, PAGE_SIZE + 1), rounds),
    seekPlan: plan(db, LIST_SQL(SEEK_WHERE), [at.sortKey, ...cursorValues, PAGE_SIZE + 1]),
  };
}

export interface GetByIdBreakdown {
  lookups: number;
  /** Per lookup: the repository's article statement and its teased-by statement, random ids. */
  p50Us: number;
  p99Us: number;
  meanUs: number;
}

/** The statements behind GET /v1/articles/{id} (articles.ts articleById + teasedBy), in-process. */
export function getByIdBreakdown(db: Database.Database, articles: number, lookups: number): GetByIdBreakdown {
  const article = db.prepare<[number], unknown>(`
    SELECT a.id, a.title, a.deck, a.byline, a.dateline, a.paragraphs, a.language, a.page_locale,
           a.word_count, a.parser_version, a.ingested_at, r.source_url,
           a.edition_id, e.date AS edition_date, p.name AS publication_name,
           (SELECT count(*) FROM teasers t WHERE t.article_id = a.id) AS teaser_count
      FROM articles a
      JOIN raw_documents r ON r.id = a.raw_document_id
      LEFT JOIN editions e ON e.id = a.edition_id
      LEFT JOIN publications p ON p.id = e.publication_id
     WHERE a.id = ?`);
  const teasedBy = db.prepare<[number], unknown>(
    'SELECT article_id, position FROM teasers WHERE linked_article_id = ? ORDER BY article_id, position',
  );
  const samples: number[] = [];
  for (let i = 0; i < lookups + 200; i += 1) {
    const id = 1 + Math.floor(Math.random() * articles);
    const start = performance.now();
    article.get(id);
    teasedBy.all(id);
    if (i >= 200) samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return {
    lookups,
    p50Us: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
    p99Us: samples[Math.floor(samples.length * 0.99)] ?? Number.NaN,
    meanUs: samples.reduce((sum, s) => sum + s, 0) / samples.length,
  };
}
