import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitter } from '../../../src/storage/sqlite/group-commit.js';

let dir: string;
let db: Database.Database;
/** A second connection sees only what has been committed (WAL). */
let reader: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'masthead-group-'));
  db = new Database(join(dir, 'test.db'));
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE parents (id INTEGER PRIMARY KEY);
    CREATE TABLE items (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
    );`);
  db.pragma('foreign_keys = ON');
  reader = new Database(join(dir, 'test.db'), { readonly: true });
});

afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const committedCount = () => (reader.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;

/** Inserts an item and notes how many items other connections could see at that moment. */
function insertWatching(seenByReader: number[]) {
  const insert = db.prepare<{ name: string; parent: number | null }>(
    'INSERT INTO items (name, parent_id) VALUES (@name, @parent)',
  );
  return (input: { name: string; parent?: number }): number => {
    seenByReader.push(committedCount());
    return Number(insert.run({ name: input.name, parent: input.parent ?? null }).lastInsertRowid);
  };
}

describe('groupCommitter', () => {
  it('commits writes requested in the same turn together, in request order', async () => {
    const seen: number[] = [];
    const writes = groupCommitter(db, insertWatching(seen));
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((name) => writes.submit({ name })));
    expect(ids).toEqual([1, 2, 3, 4]);
    // Had each write committed on its own, the reader would have seen 0, 1, 2, 3.
    expect(seen).toEqual([0, 0, 0, 0]);
    expect(committedCount()).toBe(4);
  });

  it('resolves only after the group has committed', async () => {
    const writes = groupCommitter(db, insertWatching([]));
    const pending = writes.submit({ name: 'a' });
    expect(committedCount()).toBe(0);
    await pending;
    expect(committedCount()).toBe(1);
  });

  it('rolls back and rejects a failing write alone', async () => {
    const seen: number[] = [];
    const writes = groupCommitter(db, insertWatching(seen));
    const outcomes = await Promise.allSettled(['a', 'b', 'a', 'c'].map((name) => writes.submit({ name })));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const failure = outcomes[2] as PromiseRejectedResult;
    expect(String(failure.reason)).toMatch(/UNIQUE constraint failed: items.name/);
    expect(reader.prepare('SELECT name FROM items ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
    // First all four back to back (no savepoints) up to the failure, then again one by one.
    expect(seen).toHaveLength(3 + 4);
  });

  it('rejects every write of a group whose commit fails, and stores none of them', async () => {
    const writes = groupCommitter(db, insertWatching([]));
    // A deferred foreign key is checked at COMMIT: the whole group fails there.
    const outcomes = await Promise.allSettled([
      writes.submit({ name: 'a' }),
      writes.submit({ name: 'b', parent: 42 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(committedCount()).toBe(0);
    // The connection is usable afterwards.
    await expect(writes.submit({ name: 'c' })).resolves.toBe(1);
  });

  it('splits a long queue into groups of at most maxGroupSize', async () => {
    const seen: number[] = [];
    const writes = groupCommitter(db, insertWatching(seen), { maxGroupSize: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => writes.submit({ name })));
    expect(seen).toEqual([0, 0, 2, 2, 4]);
  });

  it('waits for company when told more writes follow: writes of later turns join the group', async () => {
    const seen: number[] = [];
    const writes = groupCommitter(db, insertWatching(seen), { commitDelayMs: 50 });
    const a = writes.submit({ name: 'a' }, true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(committedCount()).toBe(0); // a waits
    const b = writes.submit({ name: 'b' }, true);
    await new Promise((resolve) => setImmediate(resolve));
    const c = writes.submit({ name: 'c' }); // the last: commits the group at the next turn
    await Promise.all([a, b, c]);
    expect(seen).toEqual([0, 0, 0]);
  });

  it('does not wait when no more writes are announced (a writer that awaits each write)', async () => {
    const writes = groupCommitter(db, insertWatching([]), { commitDelayMs: 60_000 });
    await writes.submit({ name: 'a' });
    await writes.submit({ name: 'b' }); // would time the test out if it waited a minute
    expect(committedCount()).toBe(2);
  });

  it('commits a full group without waiting out the delay', async () => {
    const seen: number[] = [];
    const writes = groupCommitter(db, insertWatching(seen), { maxGroupSize: 3, commitDelayMs: 60_000 });
    await Promise.all(['a', 'b', 'c'].map((name) => writes.submit({ name }, true)));
    expect(seen).toEqual([0, 0, 0]);
  });

  it('drain applies queued writes at once', async () => {
    const writes = groupCommitter(db, insertWatching([]));
    const pending = [writes.submit({ name: 'a' }), writes.submit({ name: 'b' })];
    writes.drain();
    expect(committedCount()).toBe(2);
    await expect(Promise.all(pending)).resolves.toEqual([1, 2]);
  });
});
