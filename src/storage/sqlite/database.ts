import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { titleKey } from '../keys.js';

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQL functions the schema relies on (migrations call them to backfill keys). */
export function registerFunctions(db: Database.Database): void {
  db.function('masthead_title_key', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? titleKey(text) : null,
  );
}

/**
 * Opens (creating it and its folder if needed) a SQLite database with masthead's pragmas.
 * `synchronous=FULL` in WAL mode: a committed ingest survives a process crash and a power
 * loss (see README, "Durability").
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // SQLite's default page cache (2 MiB) stays: 32 MiB saved one file read per GET at 1M
  // articles (4.9 → 4.1, served from the OS page cache, p50 unchanged) but cost 30 MB of
  // resident memory (bench/read-io.ts, bench/memory-by-request.ts).
  registerFunctions(db);
  return db;
}
