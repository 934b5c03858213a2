/**
 * The database file's state, as far as a write depends on it: which SQLite errors are the
 * storage's state rather than bugs, whether the file is still the one the connection opened,
 * how much room a write has, and whether the file's pages are sound (start-up check).
 */
import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseCheckError, type StorageFailure } from '../repository.js';

/** The database file is no longer the one the connection opened (see watchDatabaseFile). */
export class DatabaseFileMovedError extends Error {
  override name = 'DatabaseFileMovedError';
}

/** What an error of SQLite or of the file system says about the storage; null when nothing (a bug). */
export function storageFailureOf(error: unknown): StorageFailure | null {
  if (error instanceof DatabaseFileMovedError) return 'unavailable';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return 'busy';
  // SQLite reports ENOSPC, and a file at `max_page_count`, as SQLITE_FULL.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code === 'SQLITE_READONLY_DBMOVED' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) {
    return 'unavailable';
  }
  return null;
}

/** Whether a path names a file on disk (not `:memory:`, nor a URI that SQLite resolves itself). */
function isFilePath(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/**
 * Returns a check that the file at `path` is still the one opened now (same device and
 * inode): null when it is, else why not. A connection keeps writing to the file it opened
 * even after that file was deleted or renamed over, and the next start opens whatever is at
 * the path: such writes are lost. One check is one stat: 4.7 µs on the 2-core machine, two per
 * group commit.
 */
export function watchDatabaseFile(path: string): () => string | null {
  if (!isFilePath(path)) return () => null;
  const opened = statSync(path, { bigint: true });
  return () => {
    const now = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (now === undefined) return `the database file ${path} has been deleted`;
    if (now.ino !== opened.ino || now.dev !== opened.dev) {
      return `the database file ${path} has been replaced by another file`;
    }
    return null;
  };
}

/**
 * Bytes a write may still use: the smaller of the free space on the file's disk and what
 * SQLite's page limit (`max_page_count`) leaves.
 */
export function roomForWrites(db: Database.Database, path: string): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const maxPages = db.pragma('max_page_count', { simple: true }) as number;
  const belowLimit = (maxPages - pages) * pageSize;
  if (!isFilePath(path)) return belowLimit;
  const disk = statfsSync(dirname(path));
  return Math.min(belowLimit, disk.bavail * disk.bsize);
}

/**
 * Largest file checked page by page at start-up. `quick_check` reads every page: 21.6 s for
 * 1.6 GB (100k articles from `npm run generate:db`) on the 2-core machine, 31.7 s at load 11,
 * so 50-75 MB/s, and a 256 MiB file (some 16k articles) costs 3.5-5 s of start-up. Larger
 * files are not checked (the caller says so in its log).
 */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export type IntegrityCheck =
  { checked: true; sizeBytes: number; ms: number } | { checked: false; sizeBytes: number; reason: string };

function damaged(path: string, finding: string): DatabaseCheckError {
  return new DatabaseCheckError(
    `the database ${path} is damaged (${finding}): restore it from a backup (\`npm run backup\` makes ` +
      `them), or salvage what it holds with \`sqlite3 ${path} .recover | sqlite3 recovered.db\`; ` +
      `to start on it anyway, set SKIP_INTEGRITY_CHECK=1 or pass --skip-check`,
  );
}

/**
 * Runs `PRAGMA quick_check` on the file at `path` (when it exists and is at most
 * `maxBytes`), on a connection of its own; throws a DatabaseCheckError naming the file and
 * what to do when a page is damaged or the file is not a database.
 */
export function checkDatabaseFile(path: string, maxBytes = QUICK_CHECK_MAX_BYTES): IntegrityCheck {
  if (!isFilePath(path) || !existsSync(path)) return { checked: false, sizeBytes: 0, reason: 'no file yet' };
  const sizeBytes = statSync(path).size;
  if (sizeBytes > maxBytes) {
    return {
      checked: false,
      sizeBytes,
      reason: `larger than ${maxBytes} bytes; check it offline with \`sqlite3 ${path} 'PRAGMA quick_check'\``,
    };
  }
  const started = performance.now();
  let findings: string[];
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      findings = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check);
    } finally {
      db.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw damaged(path, (error as Error).message);
    }
    throw error;
  }
  if (findings.length !== 1 || findings[0] !== 'ok') {
    // One line: the rows carry newlines and a "*** in database main ***" heading.
    const finding = findings
      .map((row) => row.replace('*** in database main ***', '').replace(/\s+/g, ' ').trim())
      .join('; ');
    throw damaged(path, `quick_check: ${finding}`);
  }
  return { checked: true, sizeBytes, ms: Math.round(performance.now() - started) };
}
