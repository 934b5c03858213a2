/** `npm run migrate`: applies pending migrations to DATABASE_PATH and says what it did (as `masthead migrate`). */
import { migrateDatabase } from '../src/cli/commands/migrate.js';
import { loadConfig } from '../src/config.js';

console.log(migrateDatabase(loadConfig().databasePath));
