import type Database from 'better-sqlite3';

/** Most writes one shared transaction holds, so that one group never blocks the event loop long. */
export const MAX_GROUP_SIZE = 128;

interface PendingWrite<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit. Under `synchronous=FULL` every COMMIT waits for an fsync, which costs far more
 * than the inserts of one page; so writes requested while the event loop is busy are queued
 * and applied together at the next turn, in the order they were requested, in one transaction:
 * one fsync for the whole group. Each write runs in its own savepoint (`write` is a
 * better-sqlite3 transaction function, which nests as a savepoint), so one failing write is
 * rolled back alone and rejects alone; if the COMMIT itself fails, every write of the group
 * rejects. A promise resolves only after its group has committed, so an acknowledged write is
 * as durable as one committed on its own.
 */
export interface GroupCommitter<I, O> {
  /** Queues a write; resolves with its result once its group has committed. */
  submit(input: I): Promise<O>;
  /** Applies every queued write now (before the database closes). */
  drain(): void;
}

export function groupCommitter<I, O>(
  db: Database.Database,
  write: (input: I) => O,
  options: { maxGroupSize?: number } = {},
): GroupCommitter<I, O> {
  const maxGroupSize = options.maxGroupSize ?? MAX_GROUP_SIZE;
  const queue: PendingWrite<I, O>[] = [];
  let scheduled = false;

  const applyGroup = db.transaction((group: readonly PendingWrite<I, O>[]): Outcome<O>[] =>
    group.map((pending) => {
      try {
        return { ok: true, value: write(pending.input) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    scheduled = false;
    const group = queue.splice(0, maxGroupSize);
    if (queue.length > 0) schedule();
    if (group.length > 0) commit(group);
  }

  function commit(group: readonly PendingWrite<I, O>[]): void {
    let outcomes: Outcome<O>[];
    try {
      outcomes = applyGroup(group);
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    submit: (input) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        schedule();
      }),
    drain() {
      while (queue.length > 0) commit(queue.splice(0, maxGroupSize));
    },
  };
}
