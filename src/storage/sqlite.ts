import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Platform } from '../parser/types.js';
import { loadMigrations, migrate, schemaVersion, type Migration } from './migrate.js';
import {
  StorageError,
  type ArticleEditionRecord,
  type ArticleRecord,
  type IngestRecord,
  type Repository,
  type TeaserRecord,
} from './repository.js';

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Apply pending migrations on open (the server does; `npm run migrate` does it explicitly). */
  migrate?: boolean;
  migrations?: Migration[];
}

/**
 * Opens (creating it and its folder if needed) a SQLite database with masthead's pragmas.
 * `synchronous=FULL` in WAL mode: a committed ingest survives a process crash and a power
 * loss (see README, "Durability").
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

interface ArticleRow {
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
}

interface EditionRow {
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
}

const ARTICLE_SELECT = `
  SELECT a.id, a.title, a.deck, a.byline, a.dateline, a.paragraphs, a.language, a.page_locale,
         a.word_count, a.parser_version, a.ingested_at, r.source_url,
         a.edition_id, e.date AS edition_date, p.name AS publication_name,
         (SELECT count(*) FROM teasers t WHERE t.article_id = a.id) AS teaser_count
    FROM articles a
    JOIN raw_documents r ON r.id = a.raw_document_id
    LEFT JOIN editions e ON e.id = a.edition_id
    LEFT JOIN publications p ON p.id = e.publication_id`;

function toArticle(row: ArticleRow): ArticleRecord {
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
    sourceUrl: row.source_url,
    ingestedAt: row.ingested_at,
    parserVersion: row.parser_version,
  };
}

/** Opens the database at `path` and returns the SQLite repository over it. */
export function createSqliteRepository(path: string, options: OpenOptions = {}): Repository {
  const migrations = options.migrations ?? loadMigrations();
  const db = openDatabase(path);
  try {
    if (options.migrate ?? true) migrate(db, migrations);
    return sqliteRepository(db, migrations.at(-1)?.version ?? 0);
  } catch (error) {
    db.close();
    throw error;
  }
}

function sqliteRepository(db: Database.Database, latestVersion: number): Repository {
  const statements = {
    articleById: db.prepare<[number], ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = ?`),
    articleByHash: db.prepare<[string], ArticleRow>(`${ARTICLE_SELECT} WHERE r.sha256 = ?`),
    articleIdByHash: db.prepare<[string], { id: number }>(
      `SELECT a.id FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE r.sha256 = ?`,
    ),
    articleEdition: db.prepare<[number], { edition_id: number | null; page_locale: string | null }>(
      `SELECT edition_id, page_locale FROM articles WHERE id = ?`,
    ),
    editionById: db.prepare<[number], EditionRow>(`
      SELECT e.id, e.date, e.label, e.platform, p.id AS publication_id, p.name AS publication_name,
             (SELECT count(*) FROM articles a WHERE a.edition_id = e.id) AS article_count
        FROM editions e JOIN publications p ON p.id = e.publication_id
       WHERE e.id = ?`),
    articleExists: db.prepare<[number], { found: number }>(`SELECT 1 AS found FROM articles WHERE id = ?`),
    teasersByArticle: db.prepare<[number], TeaserRow>(`
      SELECT position, title, summary, publication, date, partial
        FROM teasers WHERE article_id = ? ORDER BY position`),
    insertDocument: db.prepare<[string, string, string, string | null, string]>(`
      INSERT INTO raw_documents (sha256, content_type, body, source_url, received_at)
      VALUES (?, ?, ?, ?, ?)`),
    publicationByName: db.prepare<[string], { id: number }>(`SELECT id FROM publications WHERE name = ?`),
    insertPublication: db.prepare<[string, string]>(
      `INSERT INTO publications (name, created_at) VALUES (?, ?)`,
    ),
    editionByIdentity: db.prepare<[number, string | null, string | null], { id: number }>(`
      SELECT id FROM editions
       WHERE publication_id = ? AND ifnull(date, '') = ifnull(?, '') AND ifnull(platform, '') = ifnull(?, '')`),
    insertEdition: db.prepare<[number, string | null, string | null, string | null, string]>(`
      INSERT INTO editions (publication_id, date, label, platform, created_at) VALUES (?, ?, ?, ?, ?)`),
    insertArticle: db.prepare(`
      INSERT INTO articles (raw_document_id, edition_id, title, deck, byline, dateline, paragraphs,
                            language, page_locale, word_count, parser_version, ingested_at)
      VALUES (@rawDocumentId, @editionId, @title, @deck, @byline, @dateline, @paragraphs,
              @language, @pageLocale, @wordCount, @parserVersion, @ingestedAt)`),
    insertTeaser: db.prepare(`
      INSERT INTO teasers (article_id, position, title, summary, publication, date, partial)
      VALUES (@articleId, @position, @title, @summary, @publication, @date, @partial)`),
    insertSearchRow: db.prepare<[number, string, string, string]>(
      `INSERT INTO articles_fts (rowid, title, deck, body) VALUES (?, ?, ?, ?)`,
    ),
  };

  function findOrCreatePublication(name: string, now: string): number {
    const existing = statements.publicationByName.get(name);
    if (existing) return existing.id;
    return Number(statements.insertPublication.run(name, now).lastInsertRowid);
  }

  function findOrCreateEdition(record: IngestRecord): number | null {
    const edition = record.page.edition;
    if (!edition?.publication) return null;
    const publicationId = findOrCreatePublication(edition.publication, record.ingestedAt);
    const existing = statements.editionByIdentity.get(publicationId, edition.date, edition.platform);
    if (existing) return existing.id;
    return Number(
      statements.insertEdition.run(
        publicationId,
        edition.date,
        edition.label,
        edition.platform,
        record.ingestedAt,
      ).lastInsertRowid,
    );
  }

  /** Returns the new article's id, or the existing one's when the document is already stored. */
  const ingestTransaction = db.transaction((record: IngestRecord, wordCount: number) => {
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
    const story = page.story;
    const articleId = Number(
      statements.insertArticle.run({
        rawDocumentId,
        editionId: findOrCreateEdition(record),
        title: story.title,
        deck: story.deck,
        byline: story.byline,
        dateline: story.dateline,
        paragraphs: JSON.stringify(story.paragraphs),
        language: story.language,
        pageLocale: page.page_locale,
        wordCount,
        parserVersion: record.parserVersion,
        ingestedAt: record.ingestedAt,
      }).lastInsertRowid,
    );
    page.teasers.forEach((teaser, index) => {
      statements.insertTeaser.run({
        articleId,
        position: index + 1,
        title: teaser.title,
        summary: teaser.summary,
        publication: teaser.publication,
        date: teaser.date,
        partial: teaser.partial ? 1 : 0,
      });
    });
    statements.insertSearchRow.run(
      articleId,
      story.title ?? '',
      story.deck ?? '',
      story.paragraphs.join('\n'),
    );
    return { id: articleId, created: true };
  });

  function articleById(id: number, action: string): ArticleRecord {
    const row = statements.articleById.get(id);
    if (!row) throw new StorageError(action, { cause: new Error(`article ${id} vanished`) });
    return toArticle(row);
  }

  return {
    async ingest(record) {
      let outcome: { id: number; created: boolean };
      try {
        outcome = ingestTransaction(record, countWords(record.page.story.paragraphs));
      } catch (error) {
        throw new StorageError('insert article', { cause: error });
      }
      return { article: articleById(outcome.id, 'read back ingested article'), created: outcome.created };
    },

    async findArticleByDocumentHash(sha256) {
      const row = statements.articleByHash.get(sha256);
      return row ? toArticle(row) : null;
    },

    async getArticle(id) {
      const row = statements.articleById.get(id);
      return row ? toArticle(row) : null;
    },

    async getArticleEdition(articleId): Promise<ArticleEditionRecord | undefined> {
      const article = statements.articleEdition.get(articleId);
      if (!article) return undefined;
      const row = article.edition_id === null ? undefined : statements.editionById.get(article.edition_id);
      return {
        pageLocale: article.page_locale,
        edition: row
          ? {
              id: row.id,
              publication: { id: row.publication_id, name: row.publication_name },
              date: row.date,
              label: row.label,
              platform: row.platform,
              articleCount: row.article_count,
            }
          : null,
      };
    },

    async listArticleTeasers(articleId): Promise<TeaserRecord[] | null> {
      if (!statements.articleExists.get(articleId)) return null;
      return statements.teasersByArticle.all(articleId).map((row) => ({
        position: row.position,
        title: row.title,
        summary: row.summary,
        publication: row.publication,
        date: row.date,
        partial: row.partial === 1,
      }));
    },

    async schemaStatus() {
      return { current: schemaVersion(db), latest: latestVersion };
    },

    async close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Counts words the way each script spells them (CJK has no spaces), via ICU word breaks. */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    for (const segment of wordSegmenter.segment(paragraph)) {
      if (segment.isWordLike) words += 1;
    }
  }
  return words;
}
