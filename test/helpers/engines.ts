/**
 * The storage engines, for tests that are about behaviour and so must pass on both.
 *
 * - `engines` (Engine): a fresh, empty, migrated Repository per call; PostgreSQL's cases are
 *   skipped with the reason in the suite's name when the run has no server.
 * - `ENGINES` / `openEngine` (pg-read's lists, search and change-feed tests): the repository
 *   with, on PostgreSQL, a pool and the database's URL for statements a test runs itself.
 */
import pg from 'pg';
import { createPostgresRepository } from '../../src/storage/postgres/index.js';
import type { ArticleRecord, IngestRecord, Repository, Represent } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from './postgres.js';

export interface EngineOptions {
  changesRetained?: number;
  totalBound?: number;
  represent?: Represent;
}

export interface Engine {
  name: string;
  /** False: the cases are skipped (the name says why). */
  available: boolean;
  open(options?: EngineOptions): Promise<Repository>;
}

export const sqliteEngine: Engine = {
  name: 'SQLite',
  available: true,
  open: async (options = {}) => createSqliteRepository(':memory:', options),
};

export const postgresEngine: Engine = {
  name: postgresAvailable ? 'PostgreSQL' : `PostgreSQL (NOT RUN: ${postgresUnavailableReason})`,
  available: postgresAvailable,
  open: async (options = {}) => createPostgresRepository({ url: await freshPostgresUrl(), ...options }),
};

export const engines: Engine[] = [sqliteEngine, postgresEngine];

export type EngineName = 'sqlite' | 'postgres';

export type ReadRepository = Pick<
  Repository,
  | 'listArticles'
  | 'listEditions'
  | 'getEdition'
  | 'listPublications'
  | 'getPublication'
  | 'searchTeasers'
  | 'listChanges'
  | 'deleteArticle'
  | 'replaceParse'
  | 'close'
> & {
  engine: EngineName;
  ingest(input: IngestRecord, hints?: { moreFollow?: boolean }): Promise<{ article: ArticleRecord }>;
  /** PostgreSQL only: a pool, for statements a test runs itself, and the database's URL. */
  pool?: pg.Pool;
  url?: string;
};

/** The engines this run can test (PostgreSQL when the run has a server: see postgres.ts). */
export const ENGINES: EngineName[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

export async function openEngine(
  engine: EngineName,
  options: { totalBound?: number; rankedCandidates?: number; changesRetained?: number } = {},
): Promise<ReadRepository> {
  if (engine === 'sqlite') {
    const repository = createSqliteRepository(':memory:', {
      totalBound: options.totalBound,
      rankedCandidates: options.rankedCandidates,
      changesRetained: options.changesRetained,
    });
    return Object.assign(repository, { engine });
  }
  const url = await freshPostgresUrl();
  const repository = await createPostgresRepository({
    url,
    ...(options.totalBound !== undefined ? { totalBound: options.totalBound } : {}),
    ...(options.rankedCandidates !== undefined ? { rankedCandidates: options.rankedCandidates } : {}),
    ...(options.changesRetained !== undefined ? { changesRetained: options.changesRetained } : {}),
  });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const closeRepository = repository.close.bind(repository);
  return Object.assign(repository, {
    engine,
    pool,
    url,
    close: async () => {
      await pool.end();
      await closeRepository();
    },
  });
}
