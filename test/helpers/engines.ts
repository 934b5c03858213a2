/**
 * The storage engines a contract test runs on: each gives a fresh, empty, migrated repository.
 * PostgreSQL runs when this run has a server (test/helpers/postgres-global-setup.ts); otherwise
 * its cases are skipped and the reason is in the suite's name.
 */
import type { Repository } from '../../src/storage/repository.js';
import { createPostgresRepository } from '../../src/storage/postgres/index.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from './postgres.js';

export interface EngineOptions {
  changesRetained?: number;
  totalBound?: number;
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
