/**
 * PostgreSQL migrations: `migrations/postgres/NNN_name.sql`, the same version numbers as
 * SQLite's. Each is applied in its own transaction together with its row in
 * `schema_migrations`, so a failed migration leaves no trace. Several nodes may start at once:
 * the whole run holds a session advisory lock, and the versions are read again under it, so
 * each migration runs exactly once and a node that waited finds the work done.
 */
import { fileURLToPath } from 'node:url';
import type { Pool, PoolClient } from 'pg';
import { loadMigrations, type Migration } from '../migrate.js';

/** `migrations/postgres/` at the project root: the same path from `src/storage/postgres` and `dist/storage/postgres`. */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../../migrations/postgres/', import.meta.url),
);

/** The key of the advisory lock the migration run holds; used for nothing else. */
const MIGRATION_LOCK_KEY = 8001;

export function loadPostgresMigrations(): Migration[] {
  return loadMigrations(POSTGRES_MIGRATIONS_DIR);
}

const CREATE_VERSIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer PRIMARY KEY,
    name        text    NOT NULL,
    applied_at  text    NOT NULL
  )`;

/** The newest version applied; 0 for a database without migrations. */
export async function postgresSchemaVersion(client: Pool | PoolClient): Promise<number> {
  const table = await client.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  if (!table.rows[0]?.present) return 0;
  const result = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM schema_migrations`,
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Applies every migration newer than the database's version; returns the versions applied by
 * this call. Refuses a database newer than this build (it was migrated by a later release).
 *
 * Each migration is one transaction that first takes a transaction-level advisory lock and then
 * reads the version again: several nodes may start at once, also through pgbouncer in
 * transaction pooling, where a session lock would be taken on one server connection and the
 * next statement run on another (three nodes starting at once through pgbouncer then ran 001
 * twice: "duplicate key … pg_type_typname_nsp_index").
 */
export async function migratePostgres(
  pool: Pool,
  migrations: Migration[] = loadPostgresMigrations(),
): Promise<number[]> {
  const latest = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    // A last round with no migration: the version check runs even when there is nothing to apply.
    for (const migration of [...migrations, null]) {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK_KEY]);
        // IF NOT EXISTS alone is not safe against a concurrent CREATE; under the lock it is.
        await client.query(CREATE_VERSIONS_TABLE);
        const current = await postgresSchemaVersion(client);
        if (current > latest) {
          throw new Error(
            `migrations: database is at version ${current}, newer than this build (${latest}); refusing to run`,
          );
        }
        if (migration !== null && migration.version > current) {
          await client.query(migration.sql).catch((error: unknown) => {
            throw new Error(`migrations: ${migration.name} failed: ${(error as Error).message}`, {
              cause: error,
            });
          });
          await client.query(
            `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
            [migration.version, migration.name, new Date().toISOString()],
          );
          applied.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return applied;
  } finally {
    client.release();
  }
}
