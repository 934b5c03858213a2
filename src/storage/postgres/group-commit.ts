import type { Pool, PoolClient } from 'pg';
import { isRetryable, postgresFailureOf } from './errors.js';

/** Most writes one shared transaction holds. */
export const MAX_GROUP_SIZE = 128;
/** How long a group waits for company when its writer says more writes follow (as SQLite's group commit). */
export const COMMIT_DELAY_MS = 2;
/** A write that deadlocked with another node's transaction runs again, this many times at most. */
const RETRIES = 3;
/** A group that deadlocked runs again whole, this many times at most, after a random pause of up to this × attempt ms. */
const GROUP_RETRIES = 5;
const RETRY_PAUSE_MS = 20;

export interface GroupCommitOptions<I, O> {
  maxGroupSize?: number;
  commitDelayMs?: number;
  /**
   * The whole group's writes in one round trip, with the results of `write` in the inputs'
   * order (all or nothing: should one write fail, it throws, and the group is replayed with
   * `write`, one savepoint each). Without it, `write` runs for each input in turn.
   */
  writeGroup?: (client: PoolClient, inputs: readonly I[]) => Promise<O[]>;
  /**
   * Run first in every group's transaction, before any write: takes the locks the writes will
   * need in one global order, so that two nodes' groups holding the same documents wait for
   * each other instead of deadlocking (each would hold one document the other inserts next).
   */
  lockInOrder?: (client: PoolClient, inputs: readonly I[]) => Promise<void>;
}

interface PendingWrite<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitter<I, O> {
  /** Queues a write; resolves with its result once its group has committed. */
  submit(input: I, moreFollow?: boolean): Promise<O>;
  /** Resolves once every queued write has been applied (before the pool closes). */
  drain(): Promise<void>;
}

/**
 * Group commit on PostgreSQL, with the contract of src/storage/sqlite/group-commit.ts (read
 * its header): writes are queued and applied together, in the order requested, in one
 * transaction on one connection; a promise resolves only after its group's COMMIT. One group
 * writes at a time per repository, so ids follow call order; the next group gathers while one
 * writes, and starts its writes (on another connection) as soon as the last one's COMMIT is
 * sent: the commit's round trip and WAL flush overlap the next group's work. That cannot
 * deadlock: once its writes are done a group waits at most for another transaction's COMMIT
 * (the change feed's lock, taken at COMMIT), never for the next group's writes, and a next
 * group that needs one of its rows (a document, an edition's count) waits for its COMMIT.
 *
 * A group first runs its writes back to back (or all in one call: `writeGroup`). Should one throw, the transaction (aborted by
 * PostgreSQL at the first error) is rolled back and run again with a SAVEPOINT per write, so
 * the failing write is rolled back alone and rejects alone; a write that deadlocked with
 * another node's transaction is retried inside its savepoint. `write` must therefore be safe to
 * run again (it reads the database, not state of its own). When the connection or the
 * server fails (unavailable, full), or the COMMIT does, every write of the group rejects.
 */
export function postgresGroupCommitter<I, O>(
  pool: Pool,
  write: (client: PoolClient, input: I) => Promise<O>,
  options: GroupCommitOptions<I, O> = {},
): GroupCommitter<I, O> {
  const maxGroupSize = options.maxGroupSize ?? MAX_GROUP_SIZE;
  const commitDelayMs = options.commitDelayMs ?? COMMIT_DELAY_MS;
  const queue: PendingWrite<I, O>[] = [];
  let waiting: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  /** Settles when the group writing has sent its COMMIT (or failed): the next group may start. */
  let writing: Promise<void> | null = null;
  /** Groups started and not settled yet (their COMMIT may be in flight). */
  const unsettled = new Set<Promise<void>>();

  async function begin(client: PoolClient, group: readonly PendingWrite<I, O>[]): Promise<void> {
    await client.query('BEGIN');
    await options.lockInOrder?.(
      client,
      group.map((pending) => pending.input),
    );
  }

  async function applyAll(client: PoolClient, group: readonly PendingWrite<I, O>[]): Promise<Outcome<O>[]> {
    await begin(client, group);
    if (options.writeGroup) {
      const values = await options.writeGroup(
        client,
        group.map((pending) => pending.input),
      );
      return values.map((value) => ({ ok: true, value }));
    }
    const outcomes: Outcome<O>[] = [];
    for (const pending of group) outcomes.push({ ok: true, value: await write(client, pending.input) });
    return outcomes;
  }

  async function applyEachGuarded(
    client: PoolClient,
    group: readonly PendingWrite<I, O>[],
  ): Promise<Outcome<O>[]> {
    await begin(client, group);
    const outcomes: Outcome<O>[] = [];
    for (const pending of group) {
      for (let attempt = 1; ; attempt++) {
        await client.query('SAVEPOINT one_write');
        try {
          const value = await write(client, pending.input);
          await client.query('RELEASE SAVEPOINT one_write');
          outcomes.push({ ok: true, value });
          break;
        } catch (error) {
          // the server or the connection failed: the whole group fails
          const failure = postgresFailureOf(error);
          if (failure === 'unavailable' || failure === 'full') throw error;
          await client.query('ROLLBACK TO SAVEPOINT one_write');
          if (isRetryable(error) && attempt < RETRIES) continue;
          outcomes.push({ ok: false, error });
          break;
        }
      }
    }
    return outcomes;
  }

  /**
   * The whole group again, after a pause, when it deadlocked or failed to serialise with
   * another node's transaction: rolled back, it holds no lock, so the other commits and the
   * rerun finds its rows (ON CONFLICT). Retrying one write inside a savepoint instead keeps the
   * group's earlier locks, and the same two transactions deadlock again (503 storage-busy for a
   * document posted to three nodes at once, in the multi-node test).
   */
  async function applyAllRetried(
    client: PoolClient,
    group: readonly PendingWrite<I, O>[],
  ): Promise<Outcome<O>[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await applyAll(client, group);
      } catch (error) {
        if (!isRetryable(error) || attempt >= GROUP_RETRIES || !(await rollback(client))) throw error;
        // a random pause, longer each time, so that two victims do not meet again at once
        await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_PAUSE_MS * attempt));
      }
    }
  }

  async function rollback(client: PoolClient): Promise<boolean> {
    try {
      await client.query('ROLLBACK');
      return true;
    } catch {
      return false;
    }
  }

  async function commit(group: readonly PendingWrite<I, O>[], writesDone: () => void): Promise<void> {
    const rejectAll = (error: unknown) => group.forEach((pending) => pending.reject(error));
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      rejectAll(error);
      return;
    }
    let broken: Error | undefined;
    try {
      let outcomes: Outcome<O>[];
      try {
        outcomes = await applyAllRetried(client, group);
      } catch (error) {
        const failure = postgresFailureOf(error);
        if (!(await rollback(client)) || failure === 'unavailable' || failure === 'full') {
          broken = error as Error;
          rejectAll(error);
          return;
        }
        try {
          outcomes = await applyEachGuarded(client, group);
        } catch (error) {
          if (!(await rollback(client))) broken = error as Error;
          rejectAll(error);
          return;
        }
      }
      writesDone();
      try {
        await client.query('COMMIT');
      } catch (error) {
        // Unknown whether it committed when the connection broke: nothing is acknowledged.
        broken = error as Error;
        rejectAll(error);
        return;
      }
      group.forEach((pending, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } finally {
      // a connection in an unknown state is closed, not handed to the next caller
      client.release(broken);
    }
  }

  function cancelScheduled(): void {
    if (waiting !== null) clearTimeout(waiting);
    if (immediate !== null) clearImmediate(immediate);
    waiting = null;
    immediate = null;
  }

  function flush(): void {
    cancelScheduled();
    if (writing !== null) return; // the writing group schedules the next when its writes are done
    const group = queue.splice(0, maxGroupSize);
    if (group.length === 0) return;
    let writesDone!: () => void;
    const slot = new Promise<void>((resolve) => (writesDone = resolve));
    writing = slot;
    void slot.then(() => {
      writing = null;
      if (queue.length > 0) schedule(false);
    });
    const settled: Promise<void> = commit(group, writesDone).finally(() => {
      writesDone();
      unsettled.delete(settled);
    });
    unsettled.add(settled);
  }

  function schedule(moreFollow: boolean): void {
    if (writing !== null || immediate !== null) return;
    if (moreFollow && queue.length < maxGroupSize && commitDelayMs > 0) {
      waiting ??= setTimeout(flush, commitDelayMs);
      return;
    }
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
    async drain() {
      while (writing !== null || queue.length > 0 || unsettled.size > 0) {
        if (writing === null && queue.length > 0) flush();
        await (writing ?? Promise.all(unsettled));
      }
    },
  };
}
