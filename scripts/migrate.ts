/** `npm run migrate`: applies pending migrations to DATABASE_PATH and says what it did. */
import { loadConfig } from '../src/config.js';
import { loadMigrations, migrate, schemaVersion } from '../src/storage/migrate.js';
import { openDatabase } from '../src/storage/sqlite.js';

const config = loadConfig();
const db = openDatabase(config.databasePath);
try {
  const applied = migrate(db, loadMigrations());
  const version = schemaVersion(db);
  console.log(
    applied.length === 0
      ? `${config.databasePath}: already at schema version ${version}`
      : `${config.databasePath}: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')}; now at version ${version}`,
  );
} finally {
  db.close();
}
