/**
 * Articles: ingest, read, re-parse and delete, with their raw documents, editions,
 * teasers, teaser links and search rows. Every write is one transaction, IMMEDIATE: it reads
 * before it writes, and a deferred transaction whose snapshot another process wrote past
 * fails at once (SQLITE_BUSY_SNAPSHOT) instead of waiting for the lock.
 */
import { countWords } from '../word-count.js';
import type Database from 'better-sqlite3';
import type { Edition, Platform } from '../../parser/types.js';
import { dateBounds, publicationKey, titleKey } from '../keys.js';
import { pageShapes, platformKey, shapeHash } from '../../parser/learned.js';
import {
  InvalidCursorError,
  type ArticleEditionRecord,
  type ArticleRecord,
  type EditionRecord,
  type IngestRecord,
  type Page,
  type PageQuery,
  type PageWithStory,
  type RawContentType,
  type StoredDocumentMatch,
  type ArticleSource,
  type LearnedShapeRecord,
  type TeaserRecord,
} from '../repository.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { storyStore } from './stories.js';

export interface ArticleRow {
  id: number;
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string;
  language: string | null;
  page_locale: string | null;
  word_count: number;
  parser_version: string;
  ingested_at: string;
  source_url: string | null;
  edition_id: number | null;
  edition_date: string | null;
  publication_name: string | null;
  teaser_count: number;
  /** NULL for an article stored before migration 007 and not yet fingerprinted. */
  story_id: number | null;
}

export interface EditionRow {
  id: number;
  date: string | null;
  label: string | null;
  platform: Platform | null;
  publication_id: number;
  publication_name: string;
  article_count: number;
}

interface TeaserRow {
  position: number;
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
  partial: number;
  linked_article_id: number | null;
}

export const ARTICLE_COLUMNS = `
  a.id, a.title, a.deck, a.byline, a.dateline, a.paragraphs, a.language, a.page_locale,
  a.word_count, a.parser_version, a.ingested_at, a.source_url,
  a.edition_id, e.date AS edition_date, p.name AS publication_name, a.teaser_count, a.story_id`;

export const ARTICLE_FROM = `
    FROM articles a
    LEFT JOIN editions e ON e.id = a.edition_id
    LEFT JOIN publications p ON p.id = e.publication_id`;

export const EDITION_SELECT = `
  SELECT e.id, e.date, e.label, e.platform, p.id AS publication_id, p.name AS publication_name,
         e.article_count
    FROM editions e JOIN publications p ON p.id = e.publication_id`;

export function toEdition(row: EditionRow): EditionRecord {
  return {
    id: row.id,
    publication: { id: row.publication_id, name: row.publication_name },
    date: row.date,
    label: row.label,
    platform: row.platform,
    articleCount: row.article_count,
  };
}

function toTeaser(row: TeaserRow): TeaserRecord {
  return {
    position: row.position,
    title: row.title,
    summary: row.summary,
    publication: row.publication,
    date: row.date,
    partial: row.partial === 1,
    linkedArticleId: row.linked_article_id,
  };
}

/** What an article's record carries from other rows: who teases it, and its story's other captures. */
export type ArticleRelations = Pick<ArticleRecord, 'teasedBy' | 'captures'>;

export function toArticle(row: ArticleRow, relations: ArticleRelations): ArticleRecord {
  return {
    id: row.id,
    title: row.title,
    deck: row.deck,
    byline: row.byline,
    dateline: row.dateline,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    language: row.language,
    pageLocale: row.page_locale,
    wordCount: row.word_count,
    edition:
      row.edition_id === null || row.publication_name === null
        ? null
        : { id: row.edition_id, publication: row.publication_name, date: row.edition_date },
    teaserCount: row.teaser_count,
    teasedBy: relations.teasedBy,
    storyId: row.story_id ?? row.id,
    captures: relations.captures,
    sourceUrl: row.source_url,
    ingestedAt: row.ingested_at,
    parserVersion: row.parser_version,
  };
}

/**
 * The id a new row of `table` gets: above every id it holds and every id it ever deleted
 * (migration 005), so a deleted resource's URL never names another. Two single-seek
 * subqueries (max(id) of a rowid table reads the last b-tree entry); inside the write
 * transaction, so the ingests of one group commit get consecutive ids.
 */
const nextId = (table: 'articles' | 'editions' | 'publications'): string => `
  max(ifnull((SELECT max(id) FROM ${table}), 0),
      ifnull((SELECT max_deleted_id FROM id_high_water WHERE table_name = '${table}'), 0)) + 1`;

/**
 * An article's search row (rowid, title, deck, body), computed from its row in `articles`.
 * The full-text indexes are contentless (migration 016): FTS5 removes a row only when given
 * the values it was indexed with, so a delete reads them from the stored row before it
 * changes; they equal what `writeSearchRow` indexed from the page (the paragraphs joined by
 * newlines; test/storage/sqlite/fts-contentless.test.ts compares the index with one rebuilt
 * from the rows). The insert binds them from the page: through json_each it took 3 times as long.
 */
const SEARCH_ROW_OF_ARTICLE = `
  SELECT id, ifnull(title, ''), ifnull(deck, ''),
         ifnull((SELECT group_concat(p.value, char(10) ORDER BY p.key) FROM json_each(paragraphs) p), '')
    FROM articles WHERE id = ?`;
/** The search rows (rowid, title, summary) of an article's teasers, from their rows. */
const SEARCH_ROWS_OF_TEASERS = `SELECT id, title, ifnull(summary, '') FROM teasers WHERE article_id = ?`;

/** The article statements, prepared once per database. */
export function articleStore(db: Database.Database) {
  const stories = storyStore(db);
  const statements = {
    articleById: db.prepare<[number], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} ${ARTICLE_FROM} WHERE a.id = ?`),
    articleByHash: db.prepare<[string], ArticleRow & { document_content_type: RawContentType }>(
      `SELECT ${ARTICLE_COLUMNS}, r.content_type AS document_content_type ${ARTICLE_FROM}
         JOIN raw_documents r ON r.id = a.raw_document_id
        WHERE r.sha256 = ?`,
    ),
    setDocumentContentType: db.prepare<[RawContentType, number]>(
      `UPDATE raw_documents SET content_type = ?
        WHERE id = (SELECT raw_document_id FROM articles WHERE id = ?)`,
    ),
    articleIdByHash: db.prepare<[string], { id: number }>(
      `SELECT a.id FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE r.sha256 = ?`,
    ),
    teasedBy: db.prepare<[number], { article_id: number; position: number }>(
      `SELECT article_id, position FROM teasers WHERE linked_article_id = ? ORDER BY article_id, position`,
    ),
    articleEdition: db.prepare<[number], { edition_id: number | null; page_locale: string | null }>(
      `SELECT edition_id, page_locale FROM articles WHERE id = ?`,
    ),
    editionById: db.prepare<[number], EditionRow>(`${EDITION_SELECT} WHERE e.id = ?`),
    articleExists: db.prepare<[number], { found: number }>(`SELECT 1 AS found FROM articles WHERE id = ?`),
    teasersByArticle: db.prepare<[number], TeaserRow>(`
      SELECT position, title, summary, publication, date, partial, linked_article_id
        FROM teasers WHERE article_id = ? ORDER BY position`),
    teaserPage: db.prepare<{ articleId: number; after: number; limit: number }, TeaserRow>(`
      SELECT position, title, summary, publication, date, partial, linked_article_id
        FROM teasers WHERE article_id = @articleId AND position > @after ORDER BY position LIMIT @limit`),
    // The UTF-8 bytes as a BLOB: one copy out of SQLite, no decoding to a string and back.
    source: db.prepare<[number], { body: Buffer; content_type: RawContentType; sha256: string }>(`
      SELECT CAST(r.body AS BLOB) AS body, r.content_type, r.sha256
        FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
       WHERE a.id = ?`),
    insertDocument: db.prepare<[string, string, string, string | null, string]>(`
      INSERT INTO raw_documents (sha256, content_type, body, source_url, received_at)
      VALUES (?, ?, ?, ?, ?)`),
    publicationByName: db.prepare<[string], { id: number }>(`SELECT id FROM publications WHERE name = ?`),
    insertPublication: db.prepare<[string, string]>(
      `INSERT INTO publications (id, name, created_at) VALUES (${nextId('publications')}, ?, ?)`,
    ),
    editionByIdentity: db.prepare<
      [number, string | null, string | null],
      { id: number; date: string | null }
    >(`
      SELECT id, date FROM editions
       WHERE publication_id = ? AND ifnull(date, '') = ifnull(?, '') AND ifnull(platform, '') = ifnull(?, '')`),
    insertEdition: db.prepare<[number, string | null, string | null, string | null, string]>(`
      INSERT INTO editions (id, publication_id, date, label, platform, created_at)
      VALUES (${nextId('editions')}, ?, ?, ?, ?, ?)`),
    insertArticle: db.prepare(`
      INSERT INTO articles (id, raw_document_id, edition_id, title, deck, byline, dateline, paragraphs,
                            language, page_locale, word_count, parser_version, ingested_at,
                            title_key, publication_key, edition_start, edition_end, sort_key,
                            teaser_count, source_url, story_id)
      VALUES (${nextId('articles')}, @rawDocumentId, @editionId, @title, @deck, @byline, @dateline, @paragraphs,
              @language, @pageLocale, @wordCount, @parserVersion, @ingestedAt,
              @titleKey, @publicationKey, @editionStart, @editionEnd, @sortKey,
              @teaserCount, @sourceUrl,
              -- a new story is named after its first capture: this row's id (the same expression)
              ifnull(@storyId, ${nextId('articles')}))`),
    updateArticle: db.prepare(`
      UPDATE articles SET edition_id = @editionId, title = @title, deck = @deck, byline = @byline,
             dateline = @dateline, paragraphs = @paragraphs, language = @language, page_locale = @pageLocale,
             word_count = @wordCount, parser_version = @parserVersion, title_key = @titleKey,
             publication_key = @publicationKey, edition_start = @editionStart, edition_end = @editionEnd,
             sort_key = @sortKey, teaser_count = @teaserCount
       WHERE id = @articleId`),
    insertTeaser: db.prepare(`
      INSERT INTO teasers (article_id, position, title, summary, publication, date, partial,
                           title_key, publication_key, linked_article_id)
      VALUES (@articleId, @position, @title, @summary, @publication, @date, @partial,
              @titleKey, @publicationKey,
              (SELECT a.id FROM articles a
                WHERE a.publication_key = @publicationKey AND a.title_key = @titleKey AND a.id <> @articleId
                ORDER BY a.id LIMIT 1))`),
    insertTeaserSearchRows: db.prepare<[number]>(
      `INSERT INTO teasers_fts (rowid, title, summary) ${SEARCH_ROWS_OF_TEASERS}`,
    ),
    deleteTeaserSearchRows: db.prepare<[number]>(
      `INSERT INTO teasers_fts (teasers_fts, rowid, title, summary)
       SELECT 'delete', * FROM (${SEARCH_ROWS_OF_TEASERS})`,
    ),
    deleteTeasers: db.prepare<[number]>(`DELETE FROM teasers WHERE article_id = ?`),
    /** Teasers already stored that announce this story now get their link. */
    linkWaitingTeasers: db.prepare<[number, string, string, number]>(`
      UPDATE teasers SET linked_article_id = ?
       WHERE publication_key = ? AND title_key = ? AND linked_article_id IS NULL AND article_id <> ?`),
    anyWaitingTeaser: db.prepare<[string, string, number], { found: number }>(`
      SELECT 1 AS found FROM teasers
       WHERE publication_key = ? AND title_key = ? AND linked_article_id IS NULL AND article_id <> ? LIMIT 1`),
    unlinkTeasers: db.prepare<[number]>(
      `UPDATE teasers SET linked_article_id = NULL WHERE linked_article_id = ?`,
    ),
    insertSearchRow: db.prepare<[number, string, string, string]>(
      `INSERT INTO articles_fts (rowid, title, deck, body) VALUES (?, ?, ?, ?)`,
    ),
    deleteSearchRow: db.prepare<[number]>(
      `INSERT INTO articles_fts (articles_fts, rowid, title, deck, body)
       SELECT 'delete', * FROM (${SEARCH_ROW_OF_ARTICLE})`,
    ),
    rawDocumentOf: db.prepare<[number], { raw_document_id: number; edition_id: number | null }>(
      `SELECT raw_document_id, edition_id FROM articles WHERE id = ?`,
    ),
    deleteArticle: db.prepare<[number]>(`DELETE FROM articles WHERE id = ?`),
    deleteRawDocument: db.prepare<{ id: number }>(
      `DELETE FROM raw_documents WHERE id = @id AND NOT EXISTS (SELECT 1 FROM articles WHERE raw_document_id = @id)`,
    ),
    deleteEmptyEdition: db.prepare<{ id: number }>(
      `DELETE FROM editions WHERE id = @id AND NOT EXISTS (SELECT 1 FROM articles WHERE edition_id = @id)`,
    ),
    deleteEmptyPublications: db.prepare(
      `DELETE FROM publications WHERE NOT EXISTS (SELECT 1 FROM editions WHERE publication_id = publications.id)`,
    ),
    // A shape comes back with counted = 1 only when this page made the publication count: its
    // second story printing the shape (a first insert returns counted = 0, a repeat nothing).
    // All of a page's shapes in one statement (a JSON array) instead of one each (~14 a page).
    noteLearnedPresences: db.prepare<
      { platform: string; hashes: string; publicationKey: string; story: number | null },
      { shape_hash: number; counted: number }
    >(`
      INSERT INTO learned_line_publications (platform, shape_hash, publication_key, first_story)
      SELECT @platform, shape.value, @publicationKey, @story FROM json_each(@hashes) shape WHERE true
      ON CONFLICT (platform, shape_hash, publication_key)
      DO UPDATE SET counted = 1 WHERE counted = 0 AND first_story IS NOT excluded.first_story
      RETURNING shape_hash, counted`),
    countLearnedShape: db.prepare<{ platform: string; hash: number; shape: string; story: number | null }>(`
      INSERT INTO learned_shapes (platform, shape_hash, publications, shape, first_story)
      VALUES (@platform, @hash, 1, NULL, @story)
      ON CONFLICT (platform, shape_hash)
      DO UPDATE SET publications = publications + 1, shape = ifnull(shape, @shape),
                    stories_differ = max(stories_differ, first_story IS NOT @story)`),
    learnedShapes: db.prepare<
      [number, number],
      { platform: string; shape_hash: number; publications: number; shape: string | null }
    >(`
      SELECT platform, shape_hash, publications, shape FROM learned_shapes
       WHERE publications >= 2 AND stories_differ = 1 AND publications >= ?
       ORDER BY publications DESC, platform, shape_hash LIMIT ?`),
  };

  /**
   * Counts the page's line shapes for its publication (migration 006): a shape new to this
   * publication adds one to its count of distinct publications, and notes whether its story's
   * title differs from the first one's (a syndicated story shares its title and lines). Pages without a publication
   * teach nothing (they cannot tell one publication from many).
   */
  function learnShapes(page: PageWithStory, pagePublicationKey: string | null): void {
    if (pagePublicationKey === null || pagePublicationKey === '') return;
    const platform = platformKey(page.edition?.platform);
    // the story's identity: its title, or its first line when it prints none (body-first pages)
    const { title, deck, paragraphs } = page.story;
    const first = title ?? deck ?? paragraphs[0] ?? null;
    const story = first === null ? null : shapeHash(titleKey(first));
    const shapes = pageShapes(page);
    if (shapes.size === 0) return;
    const presences = statements.noteLearnedPresences.all({
      platform,
      hashes: JSON.stringify([...shapes.keys()]),
      publicationKey: pagePublicationKey,
      story,
    });
    for (const { shape_hash: hash, counted } of presences) {
      if (counted === 1)
        statements.countLearnedShape.run({ platform, hash, shape: shapes.get(hash) ?? '', story });
    }
  }

  function findOrCreatePublication(name: string, now: string): number {
    const existing = statements.publicationByName.get(name);
    if (existing) return existing.id;
    return Number(statements.insertPublication.run(name, now).lastInsertRowid);
  }

  function findOrCreateEdition(
    edition: Edition | null,
    now: string,
  ): { id: number; date: string | null } | null {
    if (!edition?.publication) return null;
    const publicationId = findOrCreatePublication(edition.publication, now);
    const existing = statements.editionByIdentity.get(publicationId, edition.date, edition.platform);
    if (existing) return existing;
    const id = Number(
      statements.insertEdition.run(publicationId, edition.date, edition.label, edition.platform, now)
        .lastInsertRowid,
    );
    return { id, date: edition.date };
  }

  /** Column values shared by insert and re-parse. */
  function articleColumns(page: PageWithStory, parserVersion: string, now: string) {
    const story = page.story;
    const edition = findOrCreateEdition(page.edition, now);
    const bounds = dateBounds(edition?.date ?? null);
    return {
      editionId: edition?.id ?? null,
      title: story.title,
      deck: story.deck,
      byline: story.byline,
      dateline: story.dateline,
      paragraphs: JSON.stringify(story.paragraphs),
      language: story.language,
      pageLocale: page.page_locale,
      wordCount: countWords(story.paragraphs),
      parserVersion,
      titleKey: story.title === null ? null : titleKey(story.title),
      publicationKey: edition && page.edition?.publication ? publicationKey(page.edition.publication) : null,
      editionStart: bounds.start,
      editionEnd: bounds.end,
      sortKey: bounds.start ?? '',
      teaserCount: page.teasers.length,
    };
  }

  /** Teasers, their search rows and links, for an article whose old teasers are gone. */
  function writeTeasers(articleId: number, page: PageWithStory, pagePublicationKey: string | null): void {
    page.teasers.forEach((teaser, index) => {
      statements.insertTeaser.run({
        articleId,
        position: index + 1,
        title: teaser.title,
        summary: teaser.summary,
        publication: teaser.publication,
        date: teaser.date,
        partial: teaser.partial ? 1 : 0,
        titleKey: titleKey(teaser.title),
        publicationKey: teaser.publication === null ? pagePublicationKey : publicationKey(teaser.publication),
      });
    });
    if (page.teasers.length > 0) statements.insertTeaserSearchRows.run(articleId);
  }

  /** Title, deck and body as SEARCH_ROW_OF_ARTICLE computes them back from the row. */
  function writeSearchRow(articleId: number, page: PageWithStory): void {
    const story = page.story;
    statements.insertSearchRow.run(
      articleId,
      story.title ?? '',
      story.deck ?? '',
      story.paragraphs.join('\n'),
    );
  }

  function linkWaiting(
    articleId: number,
    columns: { titleKey: string | null; publicationKey: string | null },
  ): void {
    if (columns.titleKey === null || columns.publicationKey === null) return;
    // The UPDATE alone costs ~120 µs inside an ingest's savepoint even when no teaser waits (it
    // rewrites the index it searches, so SQLite plans it in two passes); the probe costs ~1.5 µs.
    if (!statements.anyWaitingTeaser.get(columns.publicationKey, columns.titleKey, articleId)) return;
    statements.linkWaitingTeasers.run(articleId, columns.publicationKey, columns.titleKey, articleId);
  }

  /** One ingest's writes; the caller runs it inside a transaction (see group-commit.ts). */
  const writeIngest = (record: IngestRecord): { id: number; created: boolean } => {
    const existing = statements.articleIdByHash.get(record.document.sha256);
    if (existing) return { id: existing.id, created: false };

    const { document, page } = record;
    const rawDocumentId = Number(
      statements.insertDocument.run(
        document.sha256,
        document.contentType,
        document.body,
        document.sourceUrl,
        document.receivedAt,
      ).lastInsertRowid,
    );
    const columns = articleColumns(page, record.parserVersion, record.ingestedAt);
    const story = stories.place(page.story.paragraphs);
    const articleId = Number(
      statements.insertArticle.run({
        ...columns,
        rawDocumentId,
        ingestedAt: record.ingestedAt,
        sourceUrl: document.sourceUrl,
        storyId: story.storyId,
      }).lastInsertRowid,
    );
    stories.remember(articleId, story.storyId ?? articleId, story.signature);
    writeTeasers(articleId, page, columns.publicationKey);
    writeSearchRow(articleId, page);
    linkWaiting(articleId, columns);
    learnShapes(page, columns.publicationKey);
    return { id: articleId, created: true };
  };

  const replaceParse = db.transaction(
    (articleId: number, page: PageWithStory, parserVersion: string, now: string): 'updated' | 'missing' => {
      const before = statements.rawDocumentOf.get(articleId);
      if (!before) return 'missing';
      const columns = articleColumns(page, parserVersion, now);
      // the search rows go first, while the rows still hold what they were indexed with
      statements.deleteSearchRow.run(articleId);
      statements.deleteTeaserSearchRows.run(articleId);
      statements.updateArticle.run({ ...columns, articleId });
      statements.deleteTeasers.run(articleId);
      writeTeasers(articleId, page, columns.publicationKey);
      writeSearchRow(articleId, page);
      // The story's title or publication may have changed: relink from scratch.
      statements.unlinkTeasers.run(articleId);
      linkWaiting(articleId, columns);
      learnShapes(page, columns.publicationKey);
      // the body may have changed: its story is found again
      stories.reassign(articleId, page.story.paragraphs);
      if (before.edition_id !== null && before.edition_id !== columns.editionId) {
        statements.deleteEmptyEdition.run({ id: before.edition_id });
        statements.deleteEmptyPublications.run();
      }
      return 'updated';
    },
  );

  const remove = db.transaction((articleId: number): boolean => {
    const before = statements.rawDocumentOf.get(articleId);
    if (!before) return false;
    statements.deleteTeaserSearchRows.run(articleId);
    statements.deleteSearchRow.run(articleId);
    statements.unlinkTeasers.run(articleId);
    stories.forget(articleId);
    statements.deleteArticle.run(articleId); // teasers go with it (ON DELETE CASCADE)
    statements.deleteRawDocument.run({ id: before.raw_document_id });
    if (before.edition_id !== null) {
      statements.deleteEmptyEdition.run({ id: before.edition_id });
      statements.deleteEmptyPublications.run();
    }
    return true;
  });

  function teasedBy(articleId: number): ArticleRecord['teasedBy'] {
    return statements.teasedBy
      .all(articleId)
      .map((row) => ({ articleId: row.article_id, position: row.position }));
  }

  /** Two keyed reads per article (both bounded: teasers of one page, MAX_CAPTURES captures). */
  function relations(row: Pick<ArticleRow, 'id' | 'story_id'>): ArticleRelations {
    return {
      teasedBy: teasedBy(row.id),
      captures: row.story_id === null ? [] : stories.captures(row.id, row.story_id),
    };
  }

  return {
    writeIngest,
    /** Counts a page's line shapes (a re-parse that changes nothing still teaches what it saw). */
    learnShapes: (page: PageWithStory) =>
      learnShapes(page, page.edition?.publication ? publicationKey(page.edition.publication) : null),
    learnedShapes: (minPublications: number, limit: number): LearnedShapeRecord[] =>
      statements.learnedShapes.all(minPublications, limit).map((row) => ({
        platform: row.platform === '' ? null : (row.platform as Platform),
        hash: row.shape_hash,
        publications: row.publications,
        shape: row.shape ?? '',
      })),
    replaceParse: (...args: Parameters<typeof replaceParse>) => replaceParse.immediate(...args),
    remove: (articleId: number) => remove.immediate(articleId),
    relations,
    /** A re-parse that changed nothing still gives a story to an article stored before migration 007. */
    assignStoryIfMissing(articleId: number, paragraphs: readonly string[]): void {
      if (!stories.hasStory(articleId)) stories.assign(articleId, paragraphs);
    },
    assignMissingStories: db.transaction((limit: number): number => stories.assignMissing(limit)),

    article(id: number): ArticleRecord | null {
      const row = statements.articleById.get(id);
      return row ? toArticle(row, relations(row)) : null;
    },

    articleByHash(sha256: string): StoredDocumentMatch | null {
      const row = statements.articleByHash.get(sha256);
      return row ? { article: toArticle(row, relations(row)), contentType: row.document_content_type } : null;
    },

    /** The document keeps its bytes; a client said they are of another media type. */
    setDocumentContentType(articleId: number, contentType: RawContentType): void {
      statements.setDocumentContentType.run(contentType, articleId);
    },

    articleEdition(articleId: number): ArticleEditionRecord | undefined {
      const article = statements.articleEdition.get(articleId);
      if (!article) return undefined;
      const row = article.edition_id === null ? undefined : statements.editionById.get(article.edition_id);
      return { pageLocale: article.page_locale, edition: row ? toEdition(row) : null };
    },

    /** Every teaser (what a re-parse compares); the API pages them with `teaserPage`. */
    teasers(articleId: number): TeaserRecord[] | null {
      if (!statements.articleExists.get(articleId)) return null;
      return statements.teasersByArticle.all(articleId).map(toTeaser);
    },

    /** Keyset on position, unique per article: a walk sees each teaser once, in page order. */
    teaserPage(articleId: number, query: PageQuery): Page<TeaserRecord> | null {
      if (!statements.articleExists.get(articleId)) return null;
      let after = 0;
      if (query.cursor) {
        const [cursorArticleId, position] = decodeCursor(query.cursor, 'article-teasers', [
          'number',
          'number',
        ] as const);
        if (cursorArticleId !== articleId) {
          throw new InvalidCursorError("the cursor belongs to another article's teasers");
        }
        after = position;
      }
      const rows = statements.teaserPage.all({ articleId, after, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toTeaser),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor('article-teasers', [articleId, last.position])
            : null,
      };
    },

    source(articleId: number): ArticleSource | null {
      const row = statements.source.get(articleId);
      return row ? { bytes: row.body, contentType: row.content_type, sha256: row.sha256 } : null;
    },
  };
}

export type ArticleStore = ReturnType<typeof articleStore>;
