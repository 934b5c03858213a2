import type Database from 'better-sqlite3';
import { loadMigrations, migrate, schemaVersion, type Migration } from '../migrate.js';
import {
  StorageError,
  type PageWithStory,
  type Repository,
  type ReparseCandidatesQuery,
  type StoredPage,
} from '../repository.js';
import { publicationKey } from '../keys.js';
import { articleStore, type ArticleStore } from './articles.js';
import { openDatabase } from './database.js';
import { groupCommitter } from './group-commit.js';
import { jobStore } from './jobs.js';
import { listStore } from './lists.js';
import { rankingRunner } from './search-thread.js';

export { openDatabase, registerFunctions } from './database.js';

export interface OpenOptions {
  /** Apply pending migrations on open (the server does; `npm run migrate` does it explicitly). */
  migrate?: boolean;
  migrations?: Migration[];
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

interface StoredPageRow {
  article_id: number;
  body: string;
  content_type: StoredPage['contentType'];
  source_url: string | null;
  parser_version: string;
}

/**
 * What a re-parse compares: everything the parser decides, nothing the store adds. The
 * publication compares by key: the stored name is its first-seen spelling.
 */
function parsedFingerprint(articles: ArticleStore, articleId: number): string | null {
  const article = articles.article(articleId);
  const edition = articles.articleEdition(articleId);
  const teasers = articles.teasers(articleId);
  if (!article || !edition || !teasers) return null;
  const e = edition.edition;
  return JSON.stringify([
    article.title,
    article.deck,
    article.byline,
    article.dateline,
    article.paragraphs,
    article.language,
    article.pageLocale,
    e ? [publicationKey(e.publication.name), e.date, e.label, e.platform] : null,
    teasers.map((t) => [t.title, t.summary, t.publication, t.date, t.partial]),
  ]);
}

function pageFingerprint(page: PageWithStory): string {
  const { story, edition } = page;
  return JSON.stringify([
    story.title,
    story.deck,
    story.byline,
    story.dateline,
    story.paragraphs,
    story.language,
    page.page_locale,
    edition?.publication
      ? [publicationKey(edition.publication), edition.date, edition.label, edition.platform]
      : null,
    page.teasers.map((t) => [t.title, t.summary, t.publication, t.date, t.partial]),
  ]);
}

function sqliteRepository(db: Database.Database, latestVersion: number): Repository {
  const articles = articleStore(db);
  const ranking = rankingRunner(db);
  const lists = listStore(db, ranking, articles.teasedBy);
  const jobs = jobStore(db);
  const ingests = groupCommitter(db, articles.writeIngest);

  const candidates = (
    query: Omit<ReparseCandidatesQuery, 'afterArticleId' | 'limit'>,
  ): { clause: string; values: Record<string, string> } =>
    query.staleFor === undefined
      ? { clause: '', values: {} }
      : { clause: 'AND a.parser_version <> @staleFor', values: { staleFor: query.staleFor } };

  const setParserVersion = db.prepare<[string, number]>(
    `UPDATE articles SET parser_version = ? WHERE id = ?`,
  );

  function wrap<T>(action: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw new StorageError(action, { cause: error });
    }
  }

  return {
    async ingest(record, hints) {
      let outcome: { id: number; created: boolean };
      try {
        outcome = await ingests.submit(record, hints?.moreFollow ?? false);
      } catch (error) {
        throw new StorageError('insert article', { cause: error });
      }
      const article = articles.article(outcome.id);
      if (!article)
        throw new StorageError('read back ingested article', {
          cause: new Error(`article ${outcome.id} vanished`),
        });
      return { article, created: outcome.created };
    },
    findArticleByDocumentHash: async (sha256) => articles.articleByHash(sha256),
    getArticle: async (id) => articles.article(id),
    getArticleEdition: async (id) => articles.articleEdition(id),
    listArticleTeasers: async (id) => articles.teasers(id),
    getArticleSource: async (id) => articles.source(id),
    deleteArticle: async (id) => wrap('delete article', () => articles.remove(id)),

    listArticles: async (query) => lists.listArticles(query),
    listEditions: async (query) => lists.listEditions(query),
    getEdition: async (id) => lists.edition(id),
    listPublications: async (query) => lists.listPublications(query),
    getPublication: async (id) => lists.publication(id),
    searchTeasers: async (query) => lists.searchTeasers(query),

    async listReparseCandidates(query) {
      const filter = candidates(query);
      return db
        .prepare<Record<string, string | number>, StoredPageRow>(
          `SELECT a.id AS article_id, r.body, r.content_type, r.source_url, a.parser_version
             FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
            WHERE a.id > @after ${filter.clause}
            ORDER BY a.id LIMIT @limit`,
        )
        .all({ ...filter.values, after: query.afterArticleId, limit: query.limit })
        .map((row) => ({
          articleId: row.article_id,
          body: row.body,
          contentType: row.content_type,
          sourceUrl: row.source_url,
          parserVersion: row.parser_version,
        }));
    },

    async countReparseCandidates(query) {
      const filter = candidates(query);
      const row = db
        .prepare<Record<string, string>, { n: number }>(
          `SELECT count(*) AS n FROM articles a WHERE 1 ${filter.clause}`,
        )
        .get(filter.values);
      return row?.n ?? 0;
    },

    async replaceParse(articleId, page, parserVersion) {
      return wrap('re-parse article', () => {
        const before = parsedFingerprint(articles, articleId);
        if (before === null) return 'missing';
        if (before === pageFingerprint(page)) {
          setParserVersion.run(parserVersion, articleId);
          return 'unchanged';
        }
        return articles.replaceParse(articleId, page, parserVersion, new Date().toISOString());
      });
    },

    createJob: async (kind, total) => jobs.create(kind, total),
    updateJob: async (id, patch) => jobs.update(id, patch),
    getJob: async (id) => jobs.get(id),

    async schemaStatus() {
      return { current: schemaVersion(db), latest: latestVersion };
    },

    async close() {
      if (!db.open) return;
      await ranking.close();
      ingests.drain();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
