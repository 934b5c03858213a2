/**
 * The PostgreSQL repository (issue 13): `pg` Pool, unnamed statements only (it must work
 * through pgbouncer in transaction pooling), id lists bound as `= ANY($1::bigint[])`. Writes
 * go to the primary (`url`); lists, searches and the change feed go to the replicas
 * (`readUrls`) in turn, a page never to a replica behind the one that read the page before
 * (./read-routing.ts). Single reads by id stay on the primary: a client that just wrote reads
 * its write.
 */
import pg from 'pg';
import type { PoolClient } from 'pg';
import { parseUnchanged, type StoredParse } from '../parse-comparison.js';
import {
  StorageError,
  type ArticleRecord,
  type IngestRecord,
  type PageWithStory,
  type Represent,
  type Repository,
  type ReparseCandidatesQuery,
  type ReparseOutcome,
  type ReparseTarget,
  type StorageHealth,
  type StoredPage,
} from '../repository.js';
import {
  assignMissingStories,
  assignStoryIfMissing,
  learnPageShapes,
  lockArticle,
  readArticle,
  readArticleByHash,
  readArticleEdition,
  readLearnedShapes,
  readSource,
  readTeaserPage,
  readTeasers,
  setDocumentContentType,
  setParserVersion,
  writeDelete,
  writeIngest,
  writeIngestGroup,
  lockDocuments,
  writeReparse,
  type Queryable,
} from './articles.js';
import { postgresChanges } from './changes.js';
import { isRetryable, postgresFailureOf } from './errors.js';
import { postgresGroupCommitter } from './group-commit.js';
import { postgresJobs } from './jobs.js';
import { postgresLists } from './lists.js';
import { readRouter } from './read-routing.js';
import { postgresRepresentations } from './representations.js';
import { loadPostgresMigrations, migratePostgres, postgresSchemaVersion } from './migrate.js';

export interface PostgresOptions {
  /** The primary: `postgres://user:password@host:port/database`. */
  url: string;
  /** Replicas for lists, searches and the change feed; unset: the primary. */
  readUrls?: string[];
  /** How long a page waits for a replica to replay up to its cursor before the primary reads it (read-routing.ts). */
  replicaWaitMs?: number;
  /** How many changes the feed keeps; unset: as stored (1,000,000 from migration 008). */
  changesRetained?: number;
  /** Lists count their items up to this many (`total`). */
  totalBound?: number;
  /** A relevance search ranks this many of the newest matches (lists.ts; smaller in tests). */
  rankedCandidates?: number;
  /** Apply pending migrations at start (default true; several nodes may do so at once). */
  migrate?: boolean;
  /** Connections per pool (default 10). */
  maxConnections?: number;
  /**
   * Builds an article's representation as served (JSON and ETag), stored beside it after every
   * write that changes what it shows (migration 014). Unset: none is stored, GET builds from rows.
   */
  represent?: Represent;
}

/** What one ingest's transaction returns: the article as it left it (null only if deleted meanwhile). */
interface IngestedRow {
  id: number;
  created: boolean;
  article: ArticleRecord | null;
}

/** Rolls a re-parse back: its node no longer holds the job it was part of. */
class JobLostError extends Error {
  override name = 'JobLostError';
}

/** How long health() waits for `SELECT 1` before it calls the database unavailable. */
const HEALTH_TIMEOUT_MS = 2_000;
/** After a write failed for lack of space, health() says `full` this long unless a write succeeds. */
const FULL_REPORTED_MS = 30_000;
/** A re-parse or delete that deadlocked with another node's transaction runs again, this many times at most. */
const RETRIES = 3;

/** OID of int8 (bigint): ids, counts and 53-bit hashes, all below 2^53, parsed as numbers. */
const INT8_OID = 20;
const parseInt8 = (value: string): number => Number(value);
const builtinParser = (oid: number, format?: 'text' | 'binary'): unknown =>
  pg.types.getTypeParser(oid, format) as unknown;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : builtinParser(oid, format)) as typeof pg.types.getTypeParser,
};

function newPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // An idle connection that the server closed (restart, failover) is dropped, not fatal.
  pool.on('error', () => undefined);
  return pool;
}

/** The stored side of the re-parse rule (src/storage/parse-comparison.ts), read in the caller's transaction. */
async function storedParse(sql: Queryable, articleId: number): Promise<StoredParse | null> {
  const [article, edition, teasers] = [
    await readArticle(sql, articleId),
    await readArticleEdition(sql, articleId),
    await readTeasers(sql, articleId),
  ];
  return article && edition && teasers ? { article, edition, teasers } : null;
}

interface StoredPageRow {
  article_id: number;
  sha256: string;
  body: string;
  content_type: StoredPage['contentType'];
  source_url: string | null;
  parser_version: string;
}

export async function createPostgresRepository(options: PostgresOptions): Promise<Repository> {
  const max = options.maxConnections ?? 10;
  const primary = newPool(options.url, max);
  const replicas = (options.readUrls ?? []).map((url) => newPool(url, max));
  try {
    const migrations = loadPostgresMigrations();
    if (options.migrate ?? true) await migratePostgres(primary, migrations);
    if (options.changesRetained !== undefined) {
      await primary.query(`UPDATE change_feed SET retained = $1 WHERE singleton = 1 AND retained <> $1`, [
        options.changesRetained,
      ]);
    }
    return postgresRepository(primary, replicas, migrations.at(-1)?.version ?? 0, options);
  } catch (error) {
    await Promise.all([primary, ...replicas].map((pool) => pool.end()));
    throw error;
  }
}

function postgresRepository(
  primary: pg.Pool,
  replicas: pg.Pool[],
  latestVersion: number,
  options: PostgresOptions,
): Repository {
  // Reads that may lag (lists, searches, the change feed): the replicas in turn, never back in time.
  const router = readRouter(primary, replicas, { waitMs: options.replicaWaitMs });
  const listsOn = new Map(
    [primary, ...replicas].map((pool) => [
      pool,
      postgresLists(pool, { totalBound: options.totalBound, rankedCandidates: options.rankedCandidates }),
    ]),
  );
  const changesOn = new Map([primary, ...replicas].map((pool) => [pool, postgresChanges(pool)]));
  const lists = (pool: pg.Pool) => listsOn.get(pool)!;
  const jobs = postgresJobs(primary);
  const representations = postgresRepresentations(primary, options.represent);
  /** Each ingest's article as its transaction left it, its stored body written in that transaction. */
  async function withArticles(
    client: PoolClient,
    outcomes: readonly { id: number; created: boolean }[],
  ): Promise<IngestedRow[]> {
    const articles = await representations.readWithin(
      client,
      outcomes.map((outcome) => outcome.id),
    );
    return outcomes.map((outcome, index) => ({ ...outcome, article: articles[index] ?? null }));
  }
  const ingests = postgresGroupCommitter<IngestRecord, IngestedRow>(
    primary,
    async (client, record) => (await withArticles(client, [await writeIngest(client, record)]))[0]!,
    {
      writeGroup: async (client, records) => withArticles(client, await writeIngestGroup(client, records)),
      lockInOrder: lockDocuments,
    },
  );
  /** When a write last failed for lack of space (0: not since start or since a write succeeded). */
  let fullSince = 0;
  let closed = false;

  function failure(action: string, error: unknown): StorageError {
    const kind = postgresFailureOf(error);
    if (kind === 'full') fullSince = Date.now();
    return new StorageError(action, { cause: error, failure: kind });
  }

  /** A read, its driver failures wrapped like writes' (a bug stays a bug). */
  async function read<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (postgresFailureOf(error) === null) throw error;
      throw failure(action, error);
    }
  }

  /** One article's re-parse, in the caller's transaction (see `replaceParse`). */
  async function reparseArticle(
    client: PoolClient,
    target: ReparseTarget,
    page: PageWithStory,
    parserVersion: string,
  ): Promise<Exclude<ReparseOutcome, 'job-lost'>> {
    const held = await lockArticle(client, target.articleId);
    if (!held) return 'missing';
    if (held.sha256 !== target.documentSha256) return 'document-changed';
    if (target.contentType !== undefined)
      await setDocumentContentType(client, target.articleId, target.contentType);
    // Compared here, inside the transaction that writes: nothing changes the article between.
    if (parseUnchanged(await storedParse(client, target.articleId), page)) {
      await setParserVersion(client, target.articleId, parserVersion);
      await learnPageShapes(client, page);
      await assignStoryIfMissing(client, target.articleId, page.story.paragraphs);
      return 'unchanged';
    }
    await writeReparse(
      client,
      target.articleId,
      held.editionId,
      page,
      parserVersion,
      new Date().toISOString(),
    );
    return 'updated';
  }

  async function transaction<T>(action: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: PoolClient;
      try {
        client = await primary.connect();
      } catch (error) {
        throw failure(action, error);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        fullSince = 0;
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = error as Error;
        }
        if (isRetryable(error) && attempt < RETRIES) continue;
        throw failure(action, error);
      } finally {
        client.release(broken);
      }
    }
  }

  const candidates = (query: Omit<ReparseCandidatesQuery, 'afterArticleId' | 'limit'>) =>
    query.staleFor === undefined
      ? { clause: '', values: [] as string[] }
      : { clause: 'AND a.parser_version <> $1', values: [query.staleFor] };

  return {
    async ingest(record, hints) {
      let outcome: IngestedRow;
      try {
        outcome = await ingests.submit(record, hints?.moreFollow ?? false);
      } catch (error) {
        throw failure('insert article', error);
      }
      fullSince = 0;
      // the bodies of other articles it changed (teaser links, a story's other captures)
      if (outcome.created) await representations.refresh();
      const { article } = outcome;
      if (!article)
        throw new StorageError('read ingested article', {
          cause: new Error(`article ${outcome.id} vanished`),
        });
      return { article, created: outcome.created };
    },
    findArticleByDocumentHash: (sha256) =>
      read('find stored document', () => readArticleByHash(primary, sha256)),
    getArticle: (id) => read('read article', () => readArticle(primary, id)),
    getArticleRepresentation: (id) => read('read article representation', () => representations.read(id)),
    getArticleEdition: (id) => read('read article edition', () => readArticleEdition(primary, id)),
    listArticleTeasers: (id, query) => read('read teasers', () => readTeaserPage(primary, id, query)),
    getArticleSource: (id) => read('read article source', () => readSource(primary, id)),
    async deleteArticle(id) {
      const deleted = await transaction('delete article', async (client) => {
        const locked = await lockArticle(client, id);
        if (!locked) return false;
        await writeDelete(client, id, locked);
        return true;
      });
      if (deleted) await representations.refresh();
      return deleted;
    },

    listArticles: (query) => router.page(query, (pool, paged) => lists(pool).listArticles(paged)),
    listEditions: (query) => router.page(query, (pool, paged) => lists(pool).listEditions(paged)),
    getEdition: async (id) => lists(await router.serverAt(null)).getEdition(id),
    listPublications: (query) => router.page(query, (pool, paged) => lists(pool).listPublications(paged)),
    getPublication: async (id) => lists(await router.serverAt(null)).getPublication(id),
    searchTeasers: (query) => router.page(query, (pool, paged) => lists(pool).searchTeasers(paged)),
    listChanges: (query) =>
      router.feed(
        (pool) => changesOn.get(pool)!.listIfReached(query),
        (pool) => changesOn.get(pool)!.list(query),
      ),
    learnedShapes: async (minPublications, limit) => {
      const pool = await router.serverAt(null);
      return read('read learned shapes', () => readLearnedShapes(pool, minPublications, limit));
    },

    async listReparseCandidates(query) {
      const filter = candidates(query);
      const n = filter.values.length;
      const { rows } = await read('list re-parse candidates', () =>
        primary.query<StoredPageRow>(
          `SELECT a.id AS article_id, r.sha256, r.body, r.content_type, r.source_url, a.parser_version
             FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
            WHERE a.id > $${n + 1} ${filter.clause}
            ORDER BY a.id LIMIT $${n + 2}`,
          [...filter.values, query.afterArticleId, query.limit],
        ),
      );
      return rows.map((row) => ({
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
      const { rows } = await read('count re-parse candidates', () =>
        primary.query<{ n: number }>(
          `SELECT count(*) AS n FROM articles a WHERE true ${filter.clause}`,
          filter.values,
        ),
      );
      return rows[0]?.n ?? 0;
    },

    /**
     * The document check, the comparison and the write in one transaction, the article's row
     * locked (FOR UPDATE) from the check on: nothing can change it in between.
     */
    async replaceParse(target: ReparseTarget, page: PageWithStory, parserVersion: string) {
      try {
        const outcome = await transaction('re-parse article', async (client): Promise<ReparseOutcome> => {
          const outcome = await reparseArticle(client, target, page, parserVersion);
          // Counted in the job in the same transaction, or not written at all (ReparseTarget.job).
          const job = target.job;
          if (job && !(await jobs.countOutcome(client, job.id, job.nodeId, target.articleId, outcome))) {
            throw new JobLostError();
          }
          return outcome;
        });
        await representations.refresh();
        return outcome;
      } catch (error) {
        if (error instanceof StorageError && error.cause instanceof JobLostError) return 'job-lost';
        throw error;
      }
    },

    async assignMissingStories(limit) {
      const assigned = await transaction('assign story ids', (client) => assignMissingStories(client, limit));
      if (assigned > 0) await representations.refresh();
      return assigned;
    },

    createJob: async (kind, total, spec) => {
      try {
        return await jobs.create(kind, total, spec);
      } catch (error) {
        throw failure('create job', error);
      }
    },
    claimJob: async (nodeId, leaseMs, parserVersion, maxTakeovers) => {
      try {
        return await jobs.claim(nodeId, leaseMs, parserVersion, maxTakeovers);
      } catch (error) {
        throw failure('claim job', error);
      }
    },
    heartbeatJob: async (id, nodeId, patch) => {
      try {
        return await jobs.heartbeat(id, nodeId, patch);
      } catch (error) {
        throw failure('job heartbeat', error);
      }
    },
    updateJob: async (id, patch) => {
      try {
        await jobs.update(id, patch);
      } catch (error) {
        throw failure('update job', error);
      }
    },
    getJob: (id) => read('read job', () => jobs.get(id)),

    async schemaStatus() {
      return {
        current: await read('read schema version', () => postgresSchemaVersion(primary)),
        latest: latestVersion,
      };
    },

    async sizeBytes() {
      const { rows } = await read('read database size', () =>
        primary.query<{ size: number }>(`SELECT pg_database_size(current_database()) AS size`),
      );
      return rows[0]?.size ?? 0;
    },

    async health(): Promise<StorageHealth> {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          primary.query('SELECT 1'),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer to SELECT 1 within ${HEALTH_TIMEOUT_MS} ms`)),
              HEALTH_TIMEOUT_MS,
            );
          }),
        ]);
      } catch (error) {
        return { status: 'unavailable', detail: `PostgreSQL: ${(error as Error).message}` };
      } finally {
        clearTimeout(timer);
      }
      if (fullSince !== 0 && Date.now() - fullSince < FULL_REPORTED_MS) {
        return {
          status: 'full',
          detail: 'a write failed for lack of space on the PostgreSQL server (53100)',
        };
      }
      return { status: 'ok' };
    },

    async close() {
      if (closed) return;
      closed = true;
      await ingests.drain();
      await Promise.all([primary, ...replicas].map((pool) => pool.end()));
    },
  };
}
