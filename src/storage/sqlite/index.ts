import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';
import {
  StorageError,
  type PageWithStory,
  type Represent,
  type Repository,
  type ReparseCandidatesQuery,
  type ReparseOutcome,
  type ReparseTarget,
  type StoredPage,
} from '../repository.js';
import { parseUnchanged, type StoredParse } from '../parse-comparison.js';
import { articleStore, type ArticleStore } from './articles.js';
import { changeStore } from './changes.js';
import { openDatabase } from './database.js';
import { DatabaseFileMovedError, roomForWrites, storageFailureOf, watchDatabaseFile } from './file-state.js';
import { groupCommitter } from './group-commit.js';
import { jobStore } from './jobs.js';
import { listStore } from './lists.js';
import { loadSqliteMigrations, migrate, schemaVersion } from './migrate.js';
import { representationStore } from './representations.js';
import { rankingRunner } from './search-thread.js';

export { openDatabase, registerFunctions } from './database.js';
export { checkDatabaseFile, type IntegrityCheck } from './file-state.js';

/**
 * Room a write must have again before a repository that ran out of space says it is healthy:
 * a full group of ingests writes some 30 MB to the WAL (128 articles of ~60 pages each).
 */
const ROOM_TO_RECOVER_BYTES = 64 * 1024 * 1024;

export interface OpenOptions {
  /** Apply pending migrations on open (the server does; `npm run migrate` does it explicitly). */
  migrate?: boolean;
  migrations?: Migration[];
  /**
   * How many changes the feed keeps (GET /v1/changes); older ones are pruned as new ones
   * arrive. Unset: as stored (1,000,000 from migration 008).
   */
  changesRetained?: number;
  /** Lists count their items up to this many (`total`); past it the count is a lower bound. */
  totalBound?: number;
  /** A relevance search ranks this many of the newest matches (RANKED_CANDIDATES; smaller in tests). */
  rankedCandidates?: number | undefined;
  /** Told the versions this open applied (none when `migrate` is off): `masthead migrate` reports them. */
  onMigrated?: (applied: number[]) => void;
  /**
   * Builds an article's representation as served (JSON and ETag), stored beside it by every
   * write that changes what it shows (migration 014). Unset: none is stored, GET builds from rows.
   */
  represent?: Represent;
  /** Tests only: the connection, once open (to simulate a full disk with `max_page_count`). */
  onOpen?: (db: Database.Database) => void;
}

/** Opens the database at `path` and returns the SQLite repository over it. */
export function createSqliteRepository(path: string, options: OpenOptions = {}): Repository {
  const migrations = options.migrations ?? loadSqliteMigrations();
  const db = openDatabase(path);
  options.onOpen?.(db);
  try {
    const applied = (options.migrate ?? true) ? migrate(db, migrations) : [];
    options.onMigrated?.(applied);
    if (options.changesRetained !== undefined) changeStore(db).setRetained(options.changesRetained);
    return sqliteRepository(db, path, migrations.at(-1)?.version ?? 0, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

interface StoredPageRow {
  article_id: number;
  sha256: string;
  body: string;
  content_type: StoredPage['contentType'];
  source_url: string | null;
  parser_version: string;
}

/** The stored side of the re-parse comparison (src/storage/parse-comparison.ts); null when incomplete. */
function storedParse(articles: ArticleStore, articleId: number): StoredParse | null {
  const article = articles.article(articleId);
  const edition = articles.articleEdition(articleId);
  const teasers = articles.teasers(articleId);
  return article && edition && teasers ? { article, edition, teasers } : null;
}

/** Rolls a re-parse back: its node no longer holds the job it was part of. */
class JobLostError extends Error {
  override name = 'JobLostError';
}

function sqliteRepository(
  db: Database.Database,
  path: string,
  latestVersion: number,
  options: Pick<OpenOptions, 'totalBound' | 'rankedCandidates' | 'represent'>,
): Repository {
  const articles = articleStore(db);
  const representations = representationStore(db, (id) => articles.article(id), options.represent);
  const ranking = rankingRunner(db);
  const lists = listStore(db, ranking, articles.relations, {
    totalBound: options.totalBound,
    rankedCandidates: options.rankedCandidates,
  });
  const jobs = jobStore(db);
  const changes = changeStore(db);
  const fileProblem = watchDatabaseFile(path);
  /** Set when a write failed for lack of space; cleared by a write that succeeds, or by room. */
  let outOfSpace = false;

  /** Throws when the file is no longer the one opened: what is written there would be lost. */
  function confirmFile(): void {
    const problem = fileProblem();
    if (problem !== null) throw new DatabaseFileMovedError(problem);
  }
  const ingests = groupCommitter(db, articles.writeIngest, {
    confirm: confirmFile,
    finish: () => representations.refresh(),
  });

  function failure(action: string, error: unknown): StorageError {
    const kind = storageFailureOf(error);
    if (kind === 'full') outOfSpace = true;
    return new StorageError(action, { cause: error, failure: kind });
  }

  const candidates = (
    query: Omit<ReparseCandidatesQuery, 'afterArticleId' | 'limit'>,
  ): { clause: string; values: Record<string, string> } =>
    query.staleFor === undefined
      ? { clause: '', values: {} }
      : { clause: 'AND a.parser_version <> @staleFor', values: { staleFor: query.staleFor } };

  const setParserVersion = db.prepare<[string, number]>(
    `UPDATE articles SET parser_version = ? WHERE id = ?`,
  );
  const documentHashOf = db.prepare<[number], { sha256: string }>(
    `SELECT r.sha256 FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE a.id = ?`,
  );

  /**
   * One re-parse write: the document check, the comparison and the write in one transaction,
   * so nothing can change the article between them (ids are never reused, so a deleted
   * article is 'missing'; the document check keeps that true for any engine or bug).
   */
  const reparseOne = db.transaction(
    (target: ReparseTarget, page: PageWithStory, parserVersion: string): ReparseOutcome => {
      const outcome = reparseArticle(target, page, parserVersion);
      // Counted in the job in the same transaction, or not written at all (see ReparseTarget.job).
      if (target.job && !jobs.countOutcome(target.job.id, target.job.nodeId, target.articleId, outcome)) {
        throw new JobLostError();
      }
      representations.refresh();
      return outcome;
    },
  );
  const deleteOne = db.transaction((articleId: number): boolean => {
    const removed = articles.remove(articleId);
    representations.refresh();
    return removed;
  });
  const assignMissingStories = db.transaction((limit: number): number => {
    const assigned = articles.assignMissingStories(limit);
    representations.refresh();
    return assigned;
  });
  function reparseArticle(
    target: ReparseTarget,
    page: PageWithStory,
    parserVersion: string,
  ): Exclude<ReparseOutcome, 'job-lost'> {
    {
      const held = documentHashOf.get(target.articleId);
      if (!held) return 'missing';
      if (held.sha256 !== target.documentSha256) return 'document-changed';
      if (target.contentType !== undefined)
        articles.setDocumentContentType(target.articleId, target.contentType);
      // Compared here, inside the transaction that writes: nothing changes the article between.
      if (parseUnchanged(storedParse(articles, target.articleId), page)) {
        setParserVersion.run(parserVersion, target.articleId);
        articles.learnShapes(page);
        articles.assignStoryIfMissing(target.articleId, page.story.paragraphs);
        return 'unchanged';
      }
      return articles.replaceParse(target.articleId, page, parserVersion, new Date().toISOString());
    }
  }

  /** A write outside the group committer, checked against the file before and after like one. */
  function write<T>(action: string, work: () => T): T {
    let result: T;
    try {
      confirmFile();
      result = work();
      confirmFile();
    } catch (error) {
      throw failure(action, error);
    }
    outOfSpace = false;
    return result;
  }

  return {
    async ingest(record, hints) {
      let outcome: { id: number; created: boolean };
      try {
        outcome = await ingests.submit(record, hints?.moreFollow ?? false);
      } catch (error) {
        throw failure('insert article', error);
      }
      outOfSpace = false;
      const article = articles.article(outcome.id);
      if (!article)
        throw new StorageError('read back ingested article', {
          cause: new Error(`article ${outcome.id} vanished`),
        });
      return { article, created: outcome.created };
    },
    async findArticleByDocumentHash(sha256) {
      const match = articles.articleByHash(sha256);
      // "Already stored" promises durability as a 201 does: only while the file is the one opened.
      if (match !== null) {
        try {
          confirmFile();
        } catch (error) {
          throw failure('find stored document', error);
        }
      }
      return match;
    },
    getArticle: async (id) => articles.article(id),
    getArticleRepresentation: async (id) => representations.read(id),
    getArticleEdition: async (id) => articles.articleEdition(id),
    listArticleTeasers: async (id, query) => articles.teaserPage(id, query),
    getArticleSource: async (id) => articles.source(id),
    deleteArticle: async (id) => write('delete article', () => deleteOne.immediate(id)),

    listArticles: async (query) => lists.listArticles(query),
    listEditions: async (query) => lists.listEditions(query),
    getEdition: async (id) => lists.edition(id),
    listPublications: async (query) => lists.listPublications(query),
    getPublication: async (id) => lists.publication(id),
    searchTeasers: async (query) => lists.searchTeasers(query),
    listChanges: async (query) => changes.list(query),
    learnedShapes: async (minPublications, limit) => articles.learnedShapes(minPublications, limit),

    async listReparseCandidates(query) {
      const filter = candidates(query);
      return db
        .prepare<Record<string, string | number>, StoredPageRow>(
          `SELECT a.id AS article_id, r.sha256, r.body, r.content_type, r.source_url, a.parser_version
             FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
            WHERE a.id > @after ${filter.clause}
            ORDER BY a.id LIMIT @limit`,
        )
        .all({ ...filter.values, after: query.afterArticleId, limit: query.limit })
        .map((row) => ({
          articleId: row.article_id,
          documentSha256: row.sha256,
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

    async replaceParse(target, page, parserVersion) {
      // Immediate: the transaction reads then writes; it takes the write lock first.
      return write('re-parse article', () => {
        try {
          return reparseOne.immediate(target, page, parserVersion);
        } catch (error) {
          if (error instanceof JobLostError) return 'job-lost';
          throw error;
        }
      });
    },

    assignMissingStories: async (limit) =>
      write('assign story ids', () => assignMissingStories.immediate(limit)),

    createJob: async (kind, total, spec) => write('create job', () => jobs.create(kind, total, spec)),
    claimJob: async (nodeId, leaseMs, parserVersion, maxTakeovers) =>
      write('claim job', () => jobs.claim(nodeId, leaseMs, parserVersion, maxTakeovers)),
    heartbeatJob: async (id, nodeId, patch) =>
      write('job heartbeat', () => jobs.heartbeat(id, nodeId, patch)),
    updateJob: async (id, patch) => write('update job', () => jobs.update(id, patch)),
    getJob: async (id) => jobs.get(id),

    async schemaStatus() {
      return { current: schemaVersion(db), latest: latestVersion };
    },

    async sizeBytes() {
      const pages = db.pragma('page_count', { simple: true }) as number;
      return pages * (db.pragma('page_size', { simple: true }) as number);
    },

    async health() {
      const problem = fileProblem();
      if (problem !== null) return { status: 'unavailable', detail: problem };
      if (outOfSpace) {
        const room = roomForWrites(db, path);
        if (room < ROOM_TO_RECOVER_BYTES) {
          return {
            status: 'full',
            detail: `a write failed for lack of space, and ${room} bytes are free for ${path}`,
          };
        }
        outOfSpace = false;
      }
      return { status: 'ok' };
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
