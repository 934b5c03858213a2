/**
 * Reads by key, batched as group commit batches writes: the first read goes out at once, and
 * the reads asked for while a statement is in flight wait for it, then go together in one
 * statement (`= ANY($1)`). Under load that turns fifty GETs into a few statements: the driver's
 * per-query work (a pooled connection, the protocol messages, result parsing) and PostgreSQL's
 * per-statement work are shared; when idle a read waits for nothing.
 */

/** Most keys one statement reads (a bounded result; more wait for the next statement). */
export const MAX_READ_BATCH = 128;
/** Statements in flight at once: one gathering while the others run keeps batches full without idling a connection. */
export const READS_IN_FLIGHT = 2;

interface PendingRead<K, V> {
  key: K;
  resolve: (value: V | null) => void;
  reject: (error: unknown) => void;
}

/**
 * `lookup` reads many keys in one statement and returns what it found; a key it did not
 * return resolves `null`. A failed statement rejects every read of its batch.
 */
export function batchedReads<K, V>(
  lookup: (keys: readonly K[]) => Promise<Map<K, V>>,
  { maxBatch = MAX_READ_BATCH, inFlight = READS_IN_FLIGHT } = {},
): (key: K) => Promise<V | null> {
  const waiting: PendingRead<K, V>[] = [];
  let running = 0;

  function launch(): void {
    while (running < inFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      running += 1;
      // Each distinct key once: a burst of GETs on one article is one row.
      lookup([...new Set(batch.map((read) => read.key))])
        .then(
          (found) => {
            for (const read of batch) read.resolve(found.get(read.key) ?? null);
          },
          (error: unknown) => {
            for (const read of batch) read.reject(error);
          },
        )
        .finally(() => {
          running -= 1;
          launch();
        });
    }
  }

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      launch();
    });
}
