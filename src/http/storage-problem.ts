import { StorageError } from '../storage/repository.js';
import { HttpProblem } from './problem.js';

/** Seconds a client should wait before retrying a write that did not get the database's lock. */
export const STORAGE_BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * The problem a storage failure is answered with, or null for any other error (a bug, 500):
 * lock kept by another process past busy_timeout → 503 storage-busy (with Retry-After), no
 * space → 507 storage-full, database file deleted or replaced → 503 storage-unavailable.
 * Nothing was stored in any of them.
 */
export function storageProblem(error: unknown): HttpProblem | null {
  if (!(error instanceof StorageError) || error.failure === null) return null;
  switch (error.failure) {
    case 'busy':
      return new HttpProblem(
        503,
        'storage-busy',
        'another process kept the database locked; nothing was stored, retry shortly',
        {},
        { 'retry-after': String(STORAGE_BUSY_RETRY_AFTER_SECONDS) },
      );
    case 'full':
      return new HttpProblem(507, 'storage-full', 'the database has no space left; nothing was stored');
    case 'unavailable':
      return new HttpProblem(
        503,
        'storage-unavailable',
        'the database file has been deleted or replaced; nothing was stored (see /readyz)',
      );
  }
}
