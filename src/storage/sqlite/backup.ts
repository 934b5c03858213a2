/**
 * Online backups with SQLite's backup API (better-sqlite3's `db.backup`), through a
 * connection of their own: they run while the server keeps serving and writing. The copy
 * is one consistent snapshot of the database: what it held at one commit.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { schemaVersion } from './migrate.js';

/** Pages copied per step; between steps the source is unlocked. */
const PAGES_PER_STEP = 1000;
/** Asks the backup API for every remaining page in one step. */
const ALL_REMAINING_PAGES = 0x7fffffff;
/** How long the backup connection waits for a writer's lock. */
const BUSY_TIMEOUT_MS = 5000;

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupResult {
  /** Pages in the copy (of `pageSize` bytes each). */
  pages: number;
  pageSize: number;
  bytes: number;
  /** The copy's schema version (`PRAGMA user_version`), the same as the source's. */
  schemaVersion: number;
  /** Times a write to the source made SQLite start the copy over. */
  restarts: number;
  milliseconds: number;
}

export interface BackupOptions {
  /** Replace an existing file at the target (atomically, once the new copy is complete). */
  overwrite?: boolean;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Copies the SQLite database at `sourcePath` to `targetPath`, which must not exist yet
 * unless `options.overwrite` is set.
 * The copy is written to a temporary file beside the target and renamed into place once
 * complete and checked (`PRAGMA quick_check`), so a failed or interrupted backup never
 * leaves a half-written file under the target's name.
 *
 * The copy proceeds in steps of PAGES_PER_STEP pages. A commit by another connection (the
 * server) between two steps makes SQLite restart the copy; under a steady stream of writes
 * it would never finish, so after the first restart the rest is copied in one step. One
 * step reads one WAL snapshot: it does not block the server's writers, and it is consistent.
 */
export async function backupDatabase(
  sourcePath: string,
  targetPath: string,
  onProgress?: (progress: BackupProgress) => void,
  options: BackupOptions = {},
): Promise<BackupResult> {
  if (existsSync(targetPath) && !options.overwrite) {
    throw new BackupError(`backup: ${targetPath} already exists (use --force to replace it)`);
  }
  if (!existsSync(sourcePath)) throw new BackupError(`backup: no database at ${sourcePath}`);
  const started = performance.now();
  const partial = `${targetPath}.partial-${process.pid}`;
  const source = new Database(sourcePath, { fileMustExist: true });
  let restarts = 0;
  try {
    source.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    let lastRemaining = Number.POSITIVE_INFINITY;
    await source.backup(partial, {
      progress({ totalPages, remainingPages }) {
        onProgress?.({ totalPages, remainingPages });
        if (remainingPages > lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        return restarts > 0 ? ALL_REMAINING_PAGES : PAGES_PER_STEP;
      },
    });
  } catch (error) {
    removeDatabaseFiles(partial);
    throw new BackupError(`backup: unable to copy ${sourcePath}`, { cause: error });
  } finally {
    source.close();
  }

  let result: Omit<BackupResult, 'milliseconds'>;
  try {
    result = checkCopy(partial, restarts);
    // Stale -wal/-shm files of a replaced database would be read as part of the copy.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${targetPath}${suffix}`, { force: true });
    renameSync(partial, targetPath);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error instanceof BackupError
      ? error
      : new BackupError(`backup: unable to finish ${targetPath}`, { cause: error });
  }
  return { ...result, milliseconds: performance.now() - started };
}

/** Opens the copy once: it must be a sound database file that needs nothing beside it. */
function checkCopy(path: string, restarts: number): Omit<BackupResult, 'milliseconds'> {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`backup: the copy fails quick_check: ${String(check)}`);
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    return { pages, pageSize, bytes: statSync(path).size, schemaVersion: schemaVersion(copy), restarts };
  } finally {
    // Closing the last connection checkpoints and removes the copy's -wal and -shm files.
    copy.close();
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
