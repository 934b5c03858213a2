/**
 * PostgreSQL for tests: the run's cluster (test/helpers/postgres-global-setup.ts) and a fresh
 * database per caller, copied from the migrated template.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { TEMPLATE_DATABASE } from './postgres-global-setup.js';

const provided = inject('postgres');

/** Whether this run has a PostgreSQL server; use with `describe.skipIf(!postgresAvailable)`. */
export const postgresAvailable = provided.baseUrl !== null;
/** Why not, when it has none. */
export const postgresUnavailableReason = provided.reason;

function baseUrl(): string {
  if (provided.baseUrl === null) throw new Error(provided.reason ?? 'no PostgreSQL server for this run');
  return provided.baseUrl;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${baseUrl()}postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database holding the migrated schema and no rows; its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return `${baseUrl()}${name}`;
}

/** A new database with nothing in it (no schema): for migration tests. */
export async function emptyPostgresUrl(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return `${baseUrl()}${name}`;
}
