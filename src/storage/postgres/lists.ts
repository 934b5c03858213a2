/**
 * Lists and search on PostgreSQL, with exactly the semantics of src/storage/sqlite/lists.ts:
 * the same filters, orders, keysets, cursor tags, `distinct=story` rule and bounded totals,
 * so that a client walking a list sees the same pages on either engine. Cursors hold no
 * server state (src/storage/list-rules.ts): any node reads any node's cursor.
 *
 * Relevance differs in one way: ranking costs a read of every candidate's tsvector, so a
 * search ranks the newest RANKED_CANDIDATES matches only (see ./search.ts for which articles
 * a common term can then return). Scores differ too (ts_rank_cd is not bm25): the order of
 * results by relevance is the engine's own.
 */
import type { Pool } from 'pg';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { dateBound, publicationKey } from '../keys.js';
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
  type SearchPosition,
} from '../list-rules.js';
import {
  InvalidCursorError,
  type ArticleFilter,
  type ArticleListItem,
  type ArticleListQuery,
  type ArticleSort,
  type EditionListQuery,
  type EditionRecord,
  type Page,
  type RankedWithin,
  type PageQuery,
  type PublicationRecord,
  type PublicationRef,
  type TeaserSearchItem,
  type TeaserSearchQuery,
  type Total,
} from '../repository.js';
import { highlightTerms, parseSearchQuery, type SearchQuery } from '../search-query.js';
import { buildSnippet } from '../snippet.js';
import {
  Binds,
  EDITION_SELECT,
  articlesByIds,
  storable,
  toEdition,
  toNumber,
  type EditionRow,
} from './rows.js';
import { RANKED_CANDIDATES, rankOf, tsQuery } from './search.js';

const sqlWhere = (clauses: string[]): string =>
  clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;

/** The parameters bound so far, for a second statement over the same clauses (the count). */
function copyOf(binds: Binds): Binds {
  const copy = new Binds();
  copy.values.push(...binds.values);
  return copy;
}

/** `column = value`, or nothing found when the value cannot be stored (see `storable`). */
function textEquals(column: string, value: string, binds: Binds): string {
  return storable(value) ? `${column} = ${binds.bind(value)}` : 'false';
}

/** A string read from a cursor: one holding what no stored value holds was never issued. */
function issuedText(text: string): string {
  if (!storable(text)) throw new InvalidCursorError('the cursor is not one this server issued');
  return text;
}

function publicationClause(ref: PublicationRef, column: string, binds: Binds): string {
  if ('id' in ref) return `${column} = ${binds.bind(ref.id)}`;
  if (!storable(ref.name)) return 'false';
  // publications_name: names compare as SQLite's COLLATE NOCASE does (ASCII letters folded)
  return `${column} = (SELECT id FROM publications WHERE masthead_nocase(name) = masthead_nocase(${binds.bind(ref.name)}))`;
}

/** The filters of the article list, over the aliases given (`b`, `eb` in a subquery). */
function articleWhere(filter: ArticleFilter, binds: Binds, article = 'a', edition = 'e'): string[] {
  const clauses: string[] = [];
  if (filter.publication)
    clauses.push(publicationClause(filter.publication, `${edition}.publication_id`, binds));
  if (filter.editionId !== undefined) clauses.push(`${article}.edition_id = ${binds.bind(filter.editionId)}`);
  if (filter.from !== undefined) {
    const from = dateBound(filter.from, 'start');
    clauses.push(storable(from) ? `${article}.edition_end >= ${binds.bind(from)}` : 'false');
  }
  if (filter.to !== undefined) {
    const to = dateBound(filter.to, 'end');
    clauses.push(storable(to) ? `${article}.edition_start <= ${binds.bind(to)}` : 'false');
  }
  if (filter.language !== undefined) clauses.push(textEquals(`${article}.language`, filter.language, binds));
  if (filter.pageLocale !== undefined) {
    clauses.push(textEquals(`${article}.page_locale`, filter.pageLocale, binds));
  }
  if (filter.platform !== undefined) clauses.push(textEquals(`${edition}.platform`, filter.platform, binds));
  return clauses;
}

/** A keyset order of the article list (see the SQLite adapter: same tags, same keys). */
interface KeysetOrder {
  tag: string;
  orderBy: string;
  after: (sortKey: string, id: number, binds: Binds) => string;
}

const byEditionDate = (direction: 'asc' | 'desc'): KeysetOrder => {
  const [past, idPast] = direction === 'desc' ? ['<', '>'] : ['>', '<'];
  return {
    tag: direction === 'desc' ? 'articles' : 'articles:edition_date',
    orderBy: direction === 'desc' ? 'a.sort_key DESC, a.id' : 'a.sort_key, a.id DESC',
    after: (sortKey, id, binds) => {
      const key = binds.bind(sortKey);
      // the leading range term lets the scan of articles_order start at the cursor
      return `a.sort_key ${past}= ${key} AND (a.sort_key ${past} ${key} OR (a.sort_key = ${key} AND a.id ${idPast} ${binds.bind(id)}))`;
    },
  };
};

const byIngest = (direction: 'asc' | 'desc'): KeysetOrder => ({
  tag: `articles:ingested:${direction}`,
  orderBy: direction === 'asc' ? 'a.id' : 'a.id DESC',
  after: (_sortKey, id, binds) => `a.id ${direction === 'asc' ? '>' : '<'} ${binds.bind(id)}`,
});

const ARTICLE_ORDERS: Record<Exclude<ArticleSort, 'relevance'>, KeysetOrder> = {
  '-edition_date': byEditionDate('desc'),
  edition_date: byEditionDate('asc'),
  ingested: byIngest('asc'),
  '-ingested': byIngest('desc'),
};

/**
 * `distinct=story`: the article is its story's representative (the capture with the newest
 * edition, then the lowest id, among those the filters and the search keep). The same rule
 * as SQLite's storyRepresentative: it depends on the data only, not on the page walked.
 */
function storyRepresentative(filter: ArticleFilter, tsquery: string | null, binds: Binds): string {
  const others = articleWhere(filter, binds, 'b', 'eb');
  if (tsquery !== null) others.push(`b.search @@ ${tsquery}`);
  return `NOT EXISTS (
      SELECT 1 FROM articles b LEFT JOIN editions eb ON eb.id = b.edition_id
       WHERE b.story_id = a.story_id AND b.id <> a.id
         AND (b.sort_key > a.sort_key OR (b.sort_key = a.sort_key AND b.id < a.id))
         ${others.map((clause) => `AND ${clause}`).join(' ')})`;
}

interface PublicationRow {
  id: string;
  name: string;
  edition_count: string;
  article_count: string;
  first_edition_date: string | null;
  last_edition_date: string | null;
}

const PUBLICATION_SELECT = `
  SELECT p.id, p.name,
         (SELECT count(*) FROM editions e WHERE e.publication_id = p.id) AS edition_count,
         (SELECT coalesce(sum(e.article_count), 0) FROM editions e WHERE e.publication_id = p.id) AS article_count,
         (SELECT min(e.date) FROM editions e WHERE e.publication_id = p.id) AS first_edition_date,
         (SELECT e.date FROM editions e WHERE e.publication_id = p.id AND e.date IS NOT NULL
           ORDER BY e.date_start DESC NULLS LAST LIMIT 1) AS last_edition_date
    FROM publications p`;

/** The publication list's order: names as SQLite's COLLATE NOCASE orders them, bytewise after ASCII folding. */
const PUBLICATION_KEY = `masthead_nocase(p.name) COLLATE "C"`;

const toPublication = (row: PublicationRow): PublicationRecord => ({
  id: toNumber(row.id),
  name: row.name,
  editionCount: toNumber(row.edition_count),
  articleCount: toNumber(row.article_count),
  firstEditionDate: row.first_edition_date,
  lastEditionDate: row.last_edition_date,
});

interface TeaserRow {
  id: string;
  article_id: string;
  position: number;
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
  partial: number;
  linked_article_id: string | null;
}

const TEASER_FIELDS = [
  'id',
  'article_id',
  'position',
  'title',
  'summary',
  'publication',
  'date',
  'partial',
  'linked_article_id',
];
const TEASER_COLUMNS = TEASER_FIELDS.map((field) => `t.${field}`).join(', ');

/** Which scans a statement may use (see `queryPlanned`). */
export type Scans = 'bitmap' | 'index order';
const SCAN_SETTINGS: Record<Scans, string> = {
  bitmap: 'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off',
  'index order': 'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off',
};

/**
 * A test of a row's inline search vector (article_search, migration 015) costs about this
 * many heap-row reads of a bitmap: server CPU at 100k articles, 2.6 µs a row tested against
 * ~4.7 µs a match by bitmap. Testing the TOASTed articles.search cost ~7.4 µs a row (3.5 by
 * the wall-clock figures of bench/search-postgres.ts).
 */
const TSVECTOR_READ_COST = 1.2;

/**
 * How to find the `wanted` newest matches of a search, from the planner's estimate of its
 * matches among `rows` rows. By bitmap: every match through the GIN index and its heap row,
 * then the newest by a sort (no tsvector read). In index order: backwards by id, each row's
 * inline vector in article_search tested, until `wanted` are found (≈ wanted × rows ÷ matches
 * rows read: few for a common term). The two cost the same where matches² = 3.5 × wanted ×
 * rows: 7,800 matches in 100k rows, 24,500 in 1M. Left to itself the planner chose index
 * order for a term in 5% of 100k articles (10,000 tsvectors read, 305 ms), where a bitmap
 * reads none (~30 ms): it prices `search @@ q` as one cheap operator. The planner's estimate
 * of a word's matches comes from the column's most common lexemes, so it is close for exactly
 * the common words where the choice matters.
 */
export function candidatesScan(estimatedMatches: number, rows: number, wanted: number): Scans {
  return estimatedMatches * estimatedMatches > TSVECTOR_READ_COST * wanted * rows ? 'index order' : 'bitmap';
}

/** The edition list's order: undated editions last (`''`); date_start knows years too (migration 002). */
const EDITION_SORT_KEY = `coalesce(e.date_start, '') COLLATE "C"`;

/** A relevance search's matches for one scan: FROM and WHERE, the id to walk them by, the tsquery and its binds. */
interface CandidateMatches {
  from: string;
  newestFirst: string;
  tsquery: string;
  binds: Binds;
}

export interface ListOptions {
  /** Lists count up to this many (`LIST_TOTAL_BOUND`). */
  totalBound?: number | undefined;
  /** A relevance search ranks this many of the newest matches (RANKED_CANDIDATES; smaller in tests). */
  rankedCandidates?: number | undefined;
  /** Find a relevance search's candidates by this scan whatever the estimate (tests, benchmarks). */
  candidateScan?: Scans | undefined;
}

export function postgresLists(pool: Pool, options: ListOptions = {}) {
  const totalBound = options.totalBound ?? DEFAULT_TOTAL_BOUND;
  const rankedCandidates = options.rankedCandidates ?? RANKED_CANDIDATES;
  /** The most results a relevance walk serves here: the candidates it ranks, within the result window. */
  const relevanceWindow = Math.min(rankedCandidates, SEARCH_RESULT_WINDOW);

  /**
   * Runs one statement with some of the planner's scans switched off, in a transaction of its
   * own (SET LOCAL ends with it; pgbouncer's transaction pooling keeps the statements on one
   * server connection). The planner prices `search @@ q` as one cheap operator, but as a
   * filter it reads the row's whole TOASTed tsvector (~4 KB here), tens of µs a row: a plan
   * that filters rows by it, chosen on that price, can be ten times slower than the one that
   * reads the GIN index (measured below).
   */
  async function queryPlanned<Row extends object>(
    scans: Scans,
    sql: string,
    values: unknown[],
  ): Promise<Row[]> {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN READ ONLY; ${SCAN_SETTINGS[scans]}`);
      const { rows } = await client.query<Row>(sql, values);
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Counts the rows of `from` (a FROM and WHERE) up to the bound: at most bound + 1 rows read. A search counts by `searchTotal`. */
  async function count(from: string, binds: Binds): Promise<Total> {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${binds.bind(totalBound + 1)}) counted`,
      binds.values,
    );
    return totalOf(toNumber(rows[0]?.n ?? 0), totalBound);
  }

  async function highestId(table: 'articles' | 'teasers'): Promise<number> {
    const { rows } = await pool.query<{ id: string | null }>(`SELECT max(id) AS id FROM ${table}`);
    return toNumber(rows[0]?.id ?? 0);
  }

  /** A relevance cursor's position, checked against what this engine's walk can have served. */
  function withinRelevanceWindow(position: SearchPosition): SearchPosition {
    if (position.served >= relevanceWindow) {
      throw new InvalidCursorError('the cursor is not one this server issued');
    }
    return position;
  }

  /** The planner's estimate of the rows of `from` (a FROM and WHERE): planning only, nothing read. */
  async function estimatedRows(from: string, binds: Binds): Promise<number> {
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 ${from}`,
      binds.values,
    );
    return rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  }

  /**
   * One page of a relevance search: the newest `rankedCandidates` matches, ranked, `limit + 1`
   * of them after the `served` first, as `fields` of the candidates (`columns`). `matchesBy`
   * gives the matches (a FROM and WHERE up to the walk's highest id, ordered by `newestFirst`)
   * for each scan, and the statement's tsquery and binds; `ranking` reads the candidates' search
   * vectors (`vector`, through `join`). The same statement says how many candidates it found, up
   * to one more than it ranks: that is the search's total, so no count runs. A bounded count
   * (10,001 matches, by a bitmap of every match) was most of a common term's cost at 1M
   * articles: ~1.1 s cold, for a total the walk caps at its window anyway.
   */
  async function rankedPage<Row extends object>(
    shape: { columns: string; fields: readonly string[]; ranking: { join: string; vector: string } },
    matchesBy: (scan: Scans) => CandidateMatches,
    page: { highest: number; limit: number; served: number },
  ): Promise<{ rows: Row[]; found: number }> {
    const scan = scanOf(await matchEstimate(matchesBy), page.highest, rankedCandidates + 1);
    const { from, newestFirst, tsquery, binds } = matchesBy(scan);
    const rows = await queryPlanned<Row & { found: string; score: number | null }>(
      scan,
      `WITH candidates AS MATERIALIZED (
         SELECT ${shape.columns} ${from}
          ORDER BY ${newestFirst} DESC LIMIT ${binds.bind(rankedCandidates + 1)})
       SELECT found.n AS found, ${shape.fields.map((field) => `page.${field}`).join(', ')}, page.score
         FROM (SELECT count(*) AS n FROM candidates) found
         LEFT JOIN LATERAL (
           SELECT ${shape.fields.map((field) => `ranked.${field}`).join(', ')}, ${rankOf(shape.ranking.vector, tsquery)} AS score
             FROM (SELECT * FROM candidates ORDER BY id DESC LIMIT ${binds.bind(rankedCandidates)}) ranked
             ${shape.ranking.join}
            ORDER BY score DESC, ranked.id LIMIT ${binds.bind(page.limit + 1)} OFFSET ${binds.bind(page.served)}
         ) page ON true
        ORDER BY page.score DESC, page.id`,
      binds.values,
    );
    return {
      // a page past the candidates (articles deleted since the walk began) is one row of nulls
      rows: rows.filter((row) => row.score !== null),
      found: toNumber(rows[0]?.found ?? 0),
    };
  }

  /** What a relevance response says it ranked: the newest `rankedCandidates` matches, and whether those were all. */
  const rankedWithin = (allMatchesRanked: boolean): RankedWithin => ({
    newestMatches: rankedCandidates,
    allMatchesRanked,
  });

  /** The total of a relevance walk: the candidates found, within the list bound and what the walk can serve. */
  const relevanceTotal = (found: number): Total =>
    withinWindow(totalOf(found, Math.min(rankedCandidates, totalBound)), relevanceWindow);

  /**
   * An article search's matches for one scan (FROM and WHERE, filters included, up to
   * `highest` when given). Walked newest first, the matches are tested against
   * article_search's inline copy of each vector (migration 015: ~10 µs a row against ~31 for
   * the TOASTed articles.search); by bitmap, they come from the GIN index of articles.search
   * and no vector is read.
   */
  function articleMatches(
    search: SearchQuery,
    query: ArticleListQuery,
    highest: number | null,
    scan: Scans,
  ): CandidateMatches {
    const binds = new Binds();
    // A search that requires nothing matches nothing.
    const tsquery = tsQuery(search, binds) ?? "''::tsquery";
    const walked = scan === 'index order';
    const id = walked ? 's.article_id' : 'a.id';
    const clauses = [
      walked ? `s.search @@ ${tsquery}` : `a.search @@ ${tsquery}`,
      ...(highest === null ? [] : [`${id} <= ${binds.bind(highest)}`]),
      ...articleWhere(query, binds),
    ];
    if (query.distinct === 'story') clauses.push(storyRepresentative(query, tsquery, binds));
    const articles = walked ? 'article_search s JOIN articles a ON a.id = s.article_id' : 'articles a';
    return {
      from: `FROM ${articles} LEFT JOIN editions e ON e.id = a.edition_id ${sqlWhere(clauses)}`,
      newestFirst: id,
      tsquery,
      binds,
    };
  }

  /** The planner's estimate of a search's matches (planning only; 0 when a test forces the scan). */
  async function matchEstimate(matchesBy: (scan: Scans) => CandidateMatches): Promise<number> {
    if (options.candidateScan !== undefined) return 0;
    const planned = matchesBy('bitmap');
    return estimatedRows(planned.from, planned.binds);
  }

  /** The scan that finds `wanted` of the matches soonest, from their estimate among `rows`. */
  const scanOf = (estimate: number, rows: number, wanted: number): Scans =>
    options.candidateScan ?? candidatesScan(estimate, rows, wanted);

  /** A search's total counts to the bound of what its relevance search ranks. */
  const searchTotalBound = () => Math.min(rankedCandidates, totalBound);

  /**
   * The total of a search in a keyset order: its matches counted up to the bound of a
   * relevance search's (RANKED_CANDIDATES, within the list bound), by `scan`. Counting a common
   * term to the list bound (10,001 matches, by a bitmap of every match) took 443 ms at 1M articles.
   */
  async function searchTotal(matchesBy: (scan: Scans) => CandidateMatches, scan: Scans): Promise<Total> {
    const bound = searchTotalBound();
    const { from, newestFirst, binds } = matchesBy(scan);
    // Walked, the newest matches come first; by bitmap, any bound + 1 of them count the same.
    const order = scan === 'index order' ? `ORDER BY ${newestFirst} DESC` : '';
    const rows = await queryPlanned<{ n: string }>(
      scan,
      `SELECT count(*) AS n FROM (SELECT 1 ${from} ${order} LIMIT ${binds.bind(bound + 1)}) counted`,
      binds.values,
    );
    return totalOf(toNumber(rows[0]?.n ?? 0), bound);
  }

  /**
   * One page of a relevance search: the newest `rankedCandidates` matches up to the walk's
   * highest id, ranked again, after those served.
   */
  async function searchArticles(query: ArticleListQuery & { q: string }): Promise<Page<ArticleListItem>> {
    const position = query.cursor
      ? withinRelevanceWindow(decodeArticleSearchCursor({ ...query, cursor: query.cursor }))
      : { lastId: await highestId('articles'), served: 0 };
    const search = parseSearchQuery(query.q);
    if (tsQuery(search, new Binds()) === null) return { ...nothingFound(), rankedWithin: rankedWithin(true) };
    const limit = Math.min(query.limit, relevanceWindow - position.served);
    const matchesBy = (scan: Scans) => articleMatches(search, query, position.lastId, scan);
    const ranked = await rankedPage<{ id: string }>(
      {
        columns: 'a.id',
        fields: ['id'],
        ranking: { join: 'JOIN article_search s ON s.article_id = ranked.id', vector: 's.search' },
      },
      matchesBy,
      { highest: position.lastId, limit, served: position.served },
    );
    const ids = ranked.rows.map((row) => toNumber(row.id));
    const pageIds = ids.slice(0, limit);
    const served = position.served + pageIds.length;
    const more = ids.length > limit && served < relevanceWindow;
    const terms = highlightTerms(search);
    const items = (await articlesByIds(pool, pageIds)).map((article) => ({
      ...article,
      snippet: buildSnippet(terms, article),
    }));
    return {
      items,
      nextCursor: more ? encodeArticleSearchCursor(query, { lastId: position.lastId, served }) : null,
      total: relevanceTotal(ranked.found),
      rankedWithin: rankedWithin(ranked.found <= rankedCandidates),
    };
  }

  async function listArticles(query: ArticleListQuery): Promise<Page<ArticleListItem>> {
    const sort = query.sort ?? (query.q === undefined ? '-edition_date' : 'relevance');
    if (sort === 'relevance') {
      if (query.q === undefined) throw relevanceNeedsQuery();
      return searchArticles({ ...query, q: query.q });
    }
    const order = ARTICLE_ORDERS[sort];
    const binds = new Binds();
    const search = query.q === undefined ? null : parseSearchQuery(query.q);
    const tsquery = search === null ? null : tsQuery(search, binds);
    // A search that requires nothing finds nothing; its cursor is still checked below.
    const clauses = search === null ? [] : [tsquery === null ? 'false' : `a.search @@ ${tsquery}`];
    clauses.push(...articleWhere(query, binds));
    if (query.distinct === 'story') clauses.push(storyRepresentative(query, tsquery, binds));
    // One story per item is another list than every capture: its cursors are its own.
    const tag = query.distinct === 'story' ? `${order.tag}:by-story` : order.tag;
    const from = `FROM articles a LEFT JOIN editions e ON e.id = a.edition_id`;
    // The cursor is read first: one never issued is refused before any query runs.
    const after = query.cursor ? decodeCursor(query.cursor, tag, ['string', 'number'] as const) : null;
    // A search walks the order's index or reads a bitmap of its matches and sorts them, by the
    // estimate of its matches, as its total does: walked, a term in 20 of 1M articles took 5.8 s.
    let pageScan: Scans | null = null;
    let total: Promise<Total>;
    if (search === null) total = count(`${from} ${sqlWhere(clauses)}`, copyOf(binds));
    else {
      const matchesBy = (scan: Scans) => articleMatches(search, query, null, scan);
      const [estimate, highest] = await Promise.all([matchEstimate(matchesBy), highestId('articles')]);
      total = searchTotal(matchesBy, scanOf(estimate, highest, searchTotalBound() + 1));
      pageScan = scanOf(estimate, highest, query.limit + 1);
    }
    if (after) clauses.push(order.after(issuedText(after[0]), after[1], binds));
    const pageSql = `SELECT a.id, a.sort_key ${from} ${sqlWhere(clauses)} ORDER BY ${order.orderBy} LIMIT ${binds.bind(query.limit + 1)}`;
    const [page, counted] = await Promise.all([
      pageScan === null
        ? pool.query<{ id: string; sort_key: string }>(pageSql, binds.values).then((result) => result.rows)
        : queryPlanned<{ id: string; sort_key: string }>(pageScan, pageSql, binds.values),
      total,
    ]);
    const more = page.length > query.limit;
    const shown = page.slice(0, query.limit);
    const last = shown.at(-1);
    const terms = search === null ? null : highlightTerms(search);
    const articles = await articlesByIds(
      pool,
      shown.map((row) => toNumber(row.id)),
    );
    return {
      items:
        terms === null
          ? articles
          : articles.map((article) => ({ ...article, snippet: buildSnippet(terms, article) })),
      nextCursor: more && last ? encodeCursor(tag, [last.sort_key, toNumber(last.id)]) : null,
      total: counted,
    };
  }

  async function listEditions(query: EditionListQuery): Promise<Page<EditionRecord>> {
    const binds = new Binds();
    const clauses: string[] = [];
    if (query.publication) clauses.push(publicationClause(query.publication, 'e.publication_id', binds));
    if (query.from !== undefined) {
      const from = dateBound(query.from, 'start');
      clauses.push(storable(from) ? `e.date_end COLLATE "C" >= ${binds.bind(from)}` : 'false');
    }
    if (query.to !== undefined) {
      const to = dateBound(query.to, 'end');
      clauses.push(storable(to) ? `e.date_start COLLATE "C" <= ${binds.bind(to)}` : 'false');
    }
    if (query.platform !== undefined) clauses.push(textEquals('e.platform', query.platform, binds));
    const countBinds = copyOf(binds);
    const total = await count(`FROM editions e ${sqlWhere(clauses)}`, countBinds);
    // `-date` (newest first, then id) keeps the historic cursor tag; `date` is its exact reverse.
    const newestFirst = (query.sort ?? '-date') === '-date';
    const tag = newestFirst ? 'editions' : 'editions:date';
    const key = EDITION_SORT_KEY;
    if (query.cursor) {
      const [sortKey, id] = decodeCursor(query.cursor, tag, ['string', 'number'] as const);
      const [past, idPast] = newestFirst ? ['<', '>'] : ['>', '<'];
      const bound = binds.bind(issuedText(sortKey));
      clauses.push(
        `${key} ${past}= ${bound} AND (${key} ${past} ${bound} OR (${key} = ${bound} AND e.id ${idPast} ${binds.bind(id)}))`,
      );
    }
    const { rows } = await pool.query<EditionRow & { sort_key: string }>(
      `${EDITION_SELECT.replace('SELECT e.id,', `SELECT ${key} AS sort_key, e.id,`)}
        ${sqlWhere(clauses)}
        ORDER BY ${newestFirst ? `${key} DESC, e.id` : `${key}, e.id DESC`} LIMIT ${binds.bind(query.limit + 1)}`,
      binds.values,
    );
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toEdition),
      nextCursor: more && last ? encodeCursor(tag, [last.sort_key, toNumber(last.id)]) : null,
      total,
    };
  }

  async function getEdition(id: number): Promise<EditionRecord | null> {
    const { rows } = await pool.query<EditionRow>(`${EDITION_SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ? toEdition(rows[0]) : null;
  }

  async function listPublications(query: PageQuery): Promise<Page<PublicationRecord>> {
    const binds = new Binds();
    const clauses: string[] = [];
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 'publications', ['string', 'number'] as const);
      const bound = `masthead_nocase(${binds.bind(issuedText(name))}) COLLATE "C"`;
      clauses.push(
        `(${PUBLICATION_KEY} > ${bound} OR (${PUBLICATION_KEY} = ${bound} AND p.id > ${binds.bind(id)}))`,
      );
    }
    const [{ rows }, total] = await Promise.all([
      pool.query<PublicationRow>(
        `${PUBLICATION_SELECT} ${sqlWhere(clauses)} ORDER BY ${PUBLICATION_KEY}, p.id LIMIT ${binds.bind(query.limit + 1)}`,
        binds.values,
      ),
      count('FROM publications p', new Binds()),
    ]);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toPublication),
      nextCursor: more && last ? encodeCursor('publications', [last.name, toNumber(last.id)]) : null,
      total,
    };
  }

  async function getPublication(id: number): Promise<PublicationRecord | null> {
    const { rows } = await pool.query<PublicationRow>(`${PUBLICATION_SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ? toPublication(rows[0]) : null;
  }

  /**
   * A teaser search's matches (FROM and WHERE, up to `highest` when given): one plan for every
   * scan, as teasers' vectors (a title and a summary) are small enough to stay in their rows.
   */
  function teaserMatches(
    search: SearchQuery,
    query: TeaserSearchQuery,
    highest: number | null,
  ): CandidateMatches {
    const binds = new Binds();
    // A search that requires nothing matches nothing.
    const tsquery = tsQuery(search, binds) ?? "''::tsquery";
    const clauses = [
      `t.search @@ ${tsquery}`,
      ...(highest === null ? [] : [`t.id <= ${binds.bind(highest)}`]),
    ];
    if (query.publication !== undefined) {
      clauses.push(textEquals('t.publication_key', publicationKey(query.publication), binds));
    }
    return { from: `FROM teasers t ${sqlWhere(clauses)}`, newestFirst: 't.id', tsquery, binds };
  }

  /** A teaser search's total in a keyset order (see `searchTotal`). */
  async function teaserSearchTotal(matchesBy: () => CandidateMatches): Promise<Total> {
    const [estimate, highest] = await Promise.all([matchEstimate(matchesBy), highestId('teasers')]);
    return searchTotal(matchesBy, scanOf(estimate, highest, searchTotalBound() + 1));
  }

  async function searchTeasers(query: TeaserSearchQuery): Promise<Page<TeaserSearchItem>> {
    const sort = query.sort ?? 'stored';
    if (sort === 'relevance') {
      if (query.q === undefined) throw relevanceNeedsQuery();
      return rankTeasers({ ...query, q: query.q });
    }
    const binds = new Binds();
    const clauses: string[] = [];
    const search = query.q === undefined ? null : parseSearchQuery(query.q);
    if (search !== null) {
      const tsquery = tsQuery(search, binds);
      // A search that requires nothing finds nothing; its cursor is still checked below.
      clauses.push(tsquery === null ? 'false' : `t.search @@ ${tsquery}`);
    }
    if (query.publication !== undefined) {
      clauses.push(textEquals('t.publication_key', publicationKey(query.publication), binds));
    }
    const total =
      search === null
        ? await count(`FROM teasers t ${sqlWhere(clauses)}`, copyOf(binds))
        : await teaserSearchTotal(() => teaserMatches(search, query, null));
    // `stored` keeps the historic cursor tag; `-stored` is its exact reverse.
    const tag = sort === 'stored' ? 'teasers' : 'teasers:-stored';
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, tag, ['number'] as const);
      clauses.push(`t.id ${sort === 'stored' ? '>' : '<'} ${binds.bind(id)}`);
    }
    const { rows } = await pool.query<TeaserRow>(
      `SELECT ${TEASER_COLUMNS} FROM teasers t ${sqlWhere(clauses)}
        ORDER BY t.id ${sort === 'stored' ? '' : 'DESC'} LIMIT ${binds.bind(query.limit + 1)}`,
      binds.values,
    );
    return teaserPage(rows, query.limit, total, (last) => encodeCursor(tag, [toNumber(last.id)]));
  }

  /** Teasers by relevance: stateless like the article search, over the newest RANKED_CANDIDATES matches. */
  async function rankTeasers(query: TeaserSearchQuery & { q: string }): Promise<Page<TeaserSearchItem>> {
    const position = query.cursor
      ? withinRelevanceWindow(decodeTeaserSearchCursor({ ...query, cursor: query.cursor }))
      : { lastId: await highestId('teasers'), served: 0 };
    const search = parseSearchQuery(query.q);
    if (tsQuery(search, new Binds()) === null) return { ...nothingFound(), rankedWithin: rankedWithin(true) };
    const limit = Math.min(query.limit, relevanceWindow - position.served);
    const matchesBy = () => teaserMatches(search, query, position.lastId);
    const ranked = await rankedPage<TeaserRow>(
      {
        columns: `${TEASER_COLUMNS}, t.search`,
        fields: TEASER_FIELDS,
        ranking: { join: '', vector: 'ranked.search' },
      },
      matchesBy,
      { highest: position.lastId, limit, served: position.served },
    );
    const served = position.served + Math.min(ranked.rows.length, limit);
    return {
      ...teaserPage(ranked.rows, limit, relevanceTotal(ranked.found), () =>
        served < relevanceWindow
          ? encodeTeaserSearchCursor(query, { lastId: position.lastId, served })
          : null,
      ),
      rankedWithin: rankedWithin(ranked.found <= rankedCandidates),
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
        id: toNumber(row.id),
        pageArticleId: toNumber(row.article_id),
        position: row.position,
        title: row.title,
        summary: row.summary,
        publication: row.publication,
        date: row.date,
        partial: row.partial === 1,
        linkedArticleId: row.linked_article_id === null ? null : toNumber(row.linked_article_id),
      })),
      nextCursor: more && last ? cursorAfter(last) : null,
      total,
    };
  }

  return { listArticles, listEditions, getEdition, listPublications, getPublication, searchTeasers };
}
