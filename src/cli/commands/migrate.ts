import { loadMigrations, migrate, schemaVersion } from '../../storage/migrate.js';
import { openDatabase } from '../../storage/sqlite.js';
import { databasePath, errorMessage, EXIT, type CliIo } from './common.js';

/**
 * Applies pending migrations to the database at `path` and says what was done:
 * `PATH: applied 001, 002; now at version 2` or `PATH: already at schema version 2`.
 */
export function migrateDatabase(path: string): string {
  const db = openDatabase(path);
  try {
    const applied = migrate(db, loadMigrations());
    const version = schemaVersion(db);
    return applied.length === 0
      ? `${path}: already at schema version ${version}`
      : `${path}: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')}; now at version ${version}`;
  } finally {
    db.close();
  }
}

export interface MigrateOptions {
  database?: string;
}

export function migrateAction(options: MigrateOptions, io: CliIo): number {
  const path = databasePath(options.database, io.env);
  try {
    io.stdout.write(`${migrateDatabase(path)}\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`masthead: migrate ${path}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
}
