import { describe, expect, it } from 'vitest';
import { batchedReads } from '../../../src/storage/postgres/read-batch.js';

/** A lookup whose statements the test finishes by hand, recording the keys each one read. */
function manualLookup() {
  const statements: { keys: readonly number[]; finish: (error?: Error) => void }[] = [];
  const lookup = (keys: readonly number[]) =>
    new Promise<Map<number, string>>((resolve, reject) => {
      statements.push({
        keys,
        finish: (error) =>
          error ? reject(error) : resolve(new Map(keys.filter((k) => k % 2 === 0).map((k) => [k, `v${k}`]))),
      });
    });
  return { statements, lookup };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedReads', () => {
  it('sends the first read at once and gathers the reads asked for meanwhile into one statement', async () => {
    const { statements, lookup } = manualLookup();
    const read = batchedReads(lookup, { inFlight: 1 });
    const first = read(2);
    expect(statements.map((s) => s.keys)).toEqual([[2]]);
    const rest = [4, 5, 6, 4].map((key) => read(key));
    expect(statements).toHaveLength(1);
    statements[0]!.finish();
    expect(await first).toBe('v2');
    await settle();
    // One statement for the four reads, each key once.
    expect(statements.map((s) => s.keys)).toEqual([[2], [4, 5, 6]]);
    statements[1]!.finish();
    expect(await Promise.all(rest)).toEqual(['v4', null, 'v6', 'v4']);
  });

  it('keeps at most `inFlight` statements running and at most `maxBatch` keys in each', async () => {
    const { statements, lookup } = manualLookup();
    const read = batchedReads(lookup, { inFlight: 2, maxBatch: 3 });
    const reads = Array.from({ length: 8 }, (_, i) => read(i * 2));
    expect(statements.map((s) => s.keys)).toEqual([[0], [2]]);
    statements[0]!.finish();
    await settle();
    expect(statements.map((s) => s.keys)).toEqual([[0], [2], [4, 6, 8]]);
    statements[1]!.finish();
    await settle();
    expect(statements.map((s) => s.keys)).toEqual([[0], [2], [4, 6, 8], [10, 12, 14]]);
    statements[2]!.finish();
    statements[3]!.finish();
    expect(await Promise.all(reads)).toEqual([0, 2, 4, 6, 8, 10, 12, 14].map((k) => `v${k}`));
  });

  it('rejects only the reads of a failed statement; the next statement still runs', async () => {
    const { statements, lookup } = manualLookup();
    const read = batchedReads(lookup, { inFlight: 1 });
    const failed = read(2);
    const later = read(4);
    statements[0]!.finish(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await settle();
    statements[1]!.finish();
    expect(await later).toBe('v4');
  });
});
