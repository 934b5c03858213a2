import type Database from 'better-sqlite3';
import { storageFailureOf } from './file-state.js';

/** Most writes one shared transaction holds, so that one group never blocks the event loop long. */
export const MAX_GROUP_SIZE = 128;
/**
 * How long a group waits for company when its writer says more writes follow. Parsed pages
 * reach the main thread one at a time (from the parse workers), so without a wait most groups
 * would hold one page; 2 ms is a fraction of an ingest's latency.
 */
export const COMMIT_DELAY_MS = 2;

export interface GroupCommitOptions {
  maxGroupSize?: number;
  commitDelayMs?: number;
  /**
   * Runs before each group and again after its COMMIT, before any write resolves; if it
   * throws, the group's writes reject with its error (nothing is acknowledged that the next
   * start would not find, such as writes into a database file that has been deleted).
   */
  confirm?: () => void;
  /**
   * Runs inside each group's transaction after its writes, before COMMIT (work owed by the
   * group as a whole, done once for it). If it throws, the group's writes reject with its error.
   */
  finish?: () => void;
}

interface PendingWrite<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitter<I, O> {
  /**
   * Queues a write; resolves with its result once its group has committed. `moreFollow`: the
   * caller knows of other writes on their way (ingests still being parsed), worth waiting for.
   */
  submit(input: I, moreFollow?: boolean): Promise<O>;
  /** Applies every queued write now (before the database closes). */
  drain(): void;
}

/**
 * Group commit. Each COMMIT costs an fsync under `synchronous=FULL`, and writes every page the
 * transaction touched to the WAL (about 60 pages for one article: its rows, their indexes and
 * the full-text segments), far more than the inserts themselves. So writes are queued and
 * applied together, in the order they were requested, in one transaction: pages shared by the
 * group's articles are written once, and one fsync covers them all.
 *
 * Each group's transaction is IMMEDIATE: it takes the write lock before its first read, waiting
 * up to busy_timeout for another process (an import, a second server) to release it. A
 * deferred transaction would read first and then fail at once with SQLITE_BUSY_SNAPSHOT when
 * another connection had written meanwhile, without waiting.
 *
 * A group commits at the next turn of the event loop, unless its latest write said more
 * follow: then it waits up to `commitDelayMs` for them, or until it is full. (A writer that
 * waits for each write before the next must not say so: it would wait out every delay.)
 *
 * A group first runs its writes back to back (savepoints cost ~120 µs an article: a fifth of
 * the storage work). Should any write throw, the whole group is rolled back and run again with
 * each write in its own savepoint, so that the failing write is rolled back alone and rejects
 * alone. `write` must therefore be safe to run again after a rollback (it reads the database,
 * not state of its own). If the COMMIT itself fails, every write of the group rejects. A
 * promise resolves only after its group has committed, so an acknowledged write is as durable
 * as one committed on its own.
 */
export function groupCommitter<I, O>(
  db: Database.Database,
  write: (input: I) => O,
  options: GroupCommitOptions = {},
): GroupCommitter<I, O> {
  const maxGroupSize = options.maxGroupSize ?? MAX_GROUP_SIZE;
  const commitDelayMs = options.commitDelayMs ?? COMMIT_DELAY_MS;
  const confirm = options.confirm ?? (() => undefined);
  const finish = options.finish ?? (() => undefined);
  const queue: PendingWrite<I, O>[] = [];
  let waiting: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;

  const applyAll = db.transaction((group: readonly PendingWrite<I, O>[]): Outcome<O>[] => {
    const outcomes = group.map((pending): Outcome<O> => ({ ok: true, value: write(pending.input) }));
    finish();
    return outcomes;
  });
  const guardedWrite = db.transaction(write); // inside a transaction: a savepoint
  const applyEachGuarded = db.transaction((group: readonly PendingWrite<I, O>[]): Outcome<O>[] => {
    const outcomes = group.map((pending): Outcome<O> => {
      try {
        return { ok: true, value: guardedWrite(pending.input) };
      } catch (error) {
        // SQLite rolled the whole transaction back (no space, I/O error): all writes fail.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    });
    finish();
    return outcomes;
  });

  function rejectAll(group: readonly PendingWrite<I, O>[], error: unknown): void {
    for (const pending of group) pending.reject(error);
  }

  function commit(group: readonly PendingWrite<I, O>[]): void {
    try {
      confirm();
    } catch (error) {
      rejectAll(group, error);
      return;
    }
    let outcomes: Outcome<O>[];
    try {
      outcomes = applyAll.immediate(group);
    } catch (error) {
      // The storage failed, not one write (the lock not had within busy_timeout, no space
      // left): a rerun would fail the same way, after waiting as long again.
      if (storageFailureOf(error) !== null) {
        rejectAll(group, error);
        return;
      }
      // Rolled back whole; again, one savepoint per write.
      try {
        outcomes = applyEachGuarded.immediate(group);
      } catch (error) {
        rejectAll(group, error);
        return;
      }
    }
    try {
      confirm();
    } catch (error) {
      rejectAll(group, error);
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  function cancelScheduled(): void {
    if (waiting !== null) clearTimeout(waiting);
    if (immediate !== null) clearImmediate(immediate);
    waiting = null;
    immediate = null;
  }

  function flush(): void {
    cancelScheduled();
    const group = queue.splice(0, maxGroupSize);
    if (group.length > 0) commit(group);
    if (queue.length > 0) schedule(false);
  }

  function schedule(moreFollow: boolean): void {
    if (immediate !== null) return;
    if (moreFollow && queue.length < maxGroupSize && commitDelayMs > 0) {
      waiting ??= setTimeout(flush, commitDelayMs);
      return;
    }
    // Full, or nothing more to wait for: commit at the next turn, whatever was planned.
    if (waiting !== null) clearTimeout(waiting);
    waiting = null;
    immediate = setImmediate(flush);
  }

  return {
    submit: (input, moreFollow = false) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        schedule(moreFollow);
      }),
    drain() {
      cancelScheduled();
      while (queue.length > 0) commit(queue.splice(0, maxGroupSize));
    },
  };
}
