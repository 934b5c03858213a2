/** The SQLite storage engine (better-sqlite3); see src/storage/sqlite/ for its parts. */
export {
  checkDatabaseFile,
  createSqliteRepository,
  openDatabase,
  registerFunctions,
  type IntegrityCheck,
  type OpenOptions,
} from './sqlite/index.js';
