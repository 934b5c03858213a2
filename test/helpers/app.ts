import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Repository } from '../../src/storage/repository.js';
import { openRepository } from '../../src/storage/open.js';

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

/** A fresh app over an empty in-memory database; close it after the test. */
export async function buildTestApp(config: Partial<AppConfig> = {}): Promise<TestApp> {
  const { repository } = await openRepository({ location: ':memory:' });
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
