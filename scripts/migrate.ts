/** `npm run migrate`: applies pending migrations to DATABASE_URL, else DATABASE_PATH, and says what it did (as `masthead migrate`). */
import { migrateDatabase } from '../src/cli/commands/migrate.js';
import { databaseLocation, loadConfig } from '../src/config.js';

console.log(await migrateDatabase(databaseLocation(loadConfig())));
