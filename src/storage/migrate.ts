/**
 * Migration files, whatever the engine: `migrations/<engine>/NNN_name.sql`, forward-only.
 * Each engine applies its own folder with its own runner (SQLite: src/storage/sqlite/migrate.ts);
 * every engine's folder carries the same version numbers, so a schema version means the
 * same schema on any engine (test/storage/migrate.test.ts compares the folders).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `migrations/` at the project root: the same path from `src/storage` and `dist/storage`. */
export const MIGRATIONS_ROOT = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** The folder of one engine's migrations (`sqlite`, `postgres`). */
export function migrationsDir(engine: string): string {
  return join(MIGRATIONS_ROOT, engine);
}

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the `NNN_name.sql` files of `dir` in version order; versions must run 1, 2, 3… without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      version: Number(match[1]),
      name,
      sql: readFileSync(join(dir, name), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migrations: expected version ${index + 1}, found ${migration.name}`);
    }
  });
  return migrations;
}
