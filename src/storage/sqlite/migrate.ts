/** SQLite's migration runner: the version lives in `PRAGMA user_version`. */
import type { Database } from 'better-sqlite3';
import { loadMigrations, migrationsDir, type Migration } from '../migrate.js';
import { registerFunctions } from './database.js';

/** SQLite's migrations, `migrations/sqlite/` (see src/storage/migrate.ts). */
export function loadSqliteMigrations(): Migration[] {
  return loadMigrations(migrationsDir('sqlite'));
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own
 * transaction together with the version bump, so a failed migration leaves no trace.
 * Returns the versions applied.
 */
export function migrate(db: Database, migrations: Migration[] = loadSqliteMigrations()): number[] {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `migrations: database is at version ${current}, newer than this build (${latest}); refusing to run`,
    );
  }
  registerFunctions(db);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // IMMEDIATE, and the version read again under the write lock: another process opening
    // the same file may have applied this migration while we waited for the lock.
    const ran = db
      .transaction(() => {
        if (schemaVersion(db) >= migration.version) return false;
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
