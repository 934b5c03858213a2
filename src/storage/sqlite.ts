/** The SQLite storage engine (better-sqlite3); see src/storage/sqlite/ for its parts. */
export { createSqliteRepository, openDatabase, registerFunctions, type OpenOptions } from './sqlite/index.js';
