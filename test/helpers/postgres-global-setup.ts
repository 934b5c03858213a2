/**
 * vitest globalSetup: ONE throwaway PostgreSQL cluster per test run, with a migrated template
 * database that each test file copies (`freshPostgresUrl()` in ./postgres.ts, ~0.1 s).
 *
 * `TEST_POSTGRES_URL` (a server's URL, without a database name) uses that server instead of
 * starting one. Without PostgreSQL binaries the PostgreSQL cases are reported as skipped,
 * with the reason printed once; under CI=true that is a failure instead.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  findPostgresBinDir,
  startPostgresCluster,
  stopPostgresCluster,
  type PostgresCluster,
} from '../../scripts/lib/postgres-cluster.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';

export const TEMPLATE_DATABASE = 'masthead_template';

export interface ProvidedPostgres {
  /** `postgres://user@host:port/` (append a database name); null when PostgreSQL is not available. */
  baseUrl: string | null;
  /** Why the PostgreSQL cases do not run, when baseUrl is null. */
  reason: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ProvidedPostgres;
  }
}

async function createTemplate(baseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${baseUrl}postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  // every connection to the template must be closed before it is copied
  const pool = new pg.Pool({ connectionString: `${baseUrl}${TEMPLATE_DATABASE}`, max: 1 });
  try {
    await migratePostgres(pool);
  } finally {
    await pool.end();
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const external = process.env.TEST_POSTGRES_URL;
  let cluster: PostgresCluster | null = null;
  let baseUrl: string | null = null;
  let reason: string | null = null;
  if (external) {
    baseUrl = external.endsWith('/') ? external : `${external}/`;
  } else if (findPostgresBinDir() !== null) {
    cluster = await startPostgresCluster();
    baseUrl = cluster.baseUrl;
  } else {
    reason =
      'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin or pg_config): the PostgreSQL cases are NOT RUN. ' +
      'Install postgresql-15 (apt) or set TEST_POSTGRES_URL.';
    if (process.env.CI === 'true') throw new Error(`CI: ${reason}`);
    console.warn(`\n*** ${reason}\n`);
  }
  if (baseUrl !== null) {
    try {
      await createTemplate(baseUrl);
    } catch (error) {
      if (cluster) stopPostgresCluster(cluster);
      throw error;
    }
  }
  project.provide('postgres', { baseUrl, reason });
  return () => {
    if (cluster) stopPostgresCluster(cluster);
  };
}
