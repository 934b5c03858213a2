import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { representArticle } from '../../src/http/representations.js';
import type { Repository } from '../../src/storage/repository.js';
import { openRepository, type StorageConfig } from '../../src/storage/open.js';

export const FIXTURES_DIR = new URL('../fixtures/pages/', import.meta.url);

export function fixtureText(id: string, file = 'raw.txt'): string {
  return readFileSync(new URL(`${id}/${file}`, FIXTURES_DIR), 'utf8');
}

export function fixtureJson<T>(id: string, file: string): T {
  return JSON.parse(fixtureText(id, file)) as T;
}

export const SEED_ID = '000-de-seed';

export interface TestApp {
  app: FastifyInstance;
  repository: Repository;
  close(): Promise<void>;
}

/**
 * The engine HTTP tests run on: SQLite in memory, or a fresh PostgreSQL database when the
 * test project sets MASTHEAD_TEST_ENGINE=postgres (vitest.config.ts: the contract suite's
 * second engine).
 */
export const TEST_ENGINE = process.env.MASTHEAD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

async function testLocation(): Promise<string> {
  if (TEST_ENGINE === 'sqlite') return ':memory:';
  const { freshPostgresUrl } = await import('./postgres.js');
  return freshPostgresUrl();
}

/** A fresh app over an empty database of the test engine; close it after the test. */
export async function buildTestApp(
  config: Partial<AppConfig> = {},
  storage: Omit<StorageConfig, 'location'> = {},
): Promise<TestApp> {
  const { repository } = await openRepository({
    ...storage,
    location: await testLocation(),
    represent: representArticle,
  });
  const app = await buildApp({ ...loadConfig({}), logLevel: 'silent', ...config }, { repository });
  await app.ready();
  return {
    app,
    repository,
    async close() {
      await app.close();
      await repository.close();
    },
  };
}
