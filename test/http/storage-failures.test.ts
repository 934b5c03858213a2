/**
 * What a client and /readyz see when the storage, not the request, is at fault (issue 10,
 * items 3, 9, 10): a write lock another process keeps, a full disk, a database file deleted
 * or replaced under the running server. None of these is a bug, so none is a 500; and
 * nothing is acknowledged that is not stored in the file the server will open next time.
 */
import { copyFileSync, mkdtempSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'masthead-storage-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pages = markedPages();
let pageNumber = 0;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** An app over a database file, with the server's own connection in hand (`db`). */
async function appOnFile(name: string) {
  const path = join(dir, name);
  let db: Database.Database | undefined;
  const repository = createSqliteRepository(path, { onOpen: (connection) => (db = connection) });
  const app = await buildApp(
    {
      ...loadConfig({}),
      logLevel: 'silent',
      rateLimits: { writesPerMinute: 0, searchesPerMinute: 0, parsePerMinute: 0 },
    },
    { repository },
  );
  await app.ready();
  closers.push(async () => {
    await app.close();
    await repository.close();
  });
  if (!db) throw new Error('onOpen was not called');
  const connection = db;
  /** Posts a new page, or page `again` a second time. */
  const ingest = (again?: number) => {
    const n = again ?? (pageNumber += 1);
    return app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: pages(n, `store${n}`).submission.body,
    });
  };
  const readyz = () => app.inject({ method: 'GET', url: '/readyz' });
  const count = () => (connection.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const lastPage = () => pageNumber;
  return { path, app, db: connection, ingest, lastPage, readyz, count };
}

describe('another process keeps the write lock', () => {
  it('past busy_timeout, an ingest is answered 503 storage-busy with Retry-After, not 500', async () => {
    const t = await appOnFile('busy.db');
    t.db.pragma('busy_timeout = 50');
    const other = new Database(t.path);
    other.exec('BEGIN IMMEDIATE');
    const refused = await t.ingest();
    other.exec('ROLLBACK');
    other.close();

    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ type: 'urn:masthead:problem:storage-busy', status: 503 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.ingest()).statusCode).toBe(201);
  });
});

describe('the disk is full', () => {
  it('answers 507 storage-full, is not ready until space returns, then recovers by itself', async () => {
    const t = await appOnFile('full.db');
    expect((await t.ingest()).statusCode).toBe(201);
    const roomy = t.db.pragma('max_page_count', { simple: true }) as number;
    // No page beyond those the file has (SQLite raises a lower limit to the current size), and
    // no free page inside it either: migrations that drop tables (016) leave some.
    t.db.exec('VACUUM');
    expect(t.db.pragma('freelist_count', { simple: true })).toBe(0);
    t.db.pragma('max_page_count = 1');

    const refused = await t.ingest();
    expect(refused.statusCode).toBe(507);
    expect(refused.json()).toMatchObject({ type: 'urn:masthead:problem:storage-full', status: 507 });
    const notReady = await t.readyz();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().detail).toMatch(/space/);
    expect(t.count()).toBe(1);

    t.db.pragma(`max_page_count = ${roomy}`);
    expect((await t.readyz()).statusCode).toBe(200);
    expect((await t.ingest()).statusCode).toBe(201);
    expect(t.count()).toBe(2);
  });
});

describe('the database file is deleted or replaced under the server', () => {
  it('deleted: /readyz is 503 and an ingest is refused with 503, not acknowledged', async () => {
    const t = await appOnFile('deleted.db');
    expect((await t.ingest()).statusCode).toBe(201);
    const acknowledged = t.lastPage();
    unlinkSync(t.path);

    const notReady = await t.readyz();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().detail).toMatch(/deleted\.db/);
    const refused = await t.ingest();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ type: 'urn:masthead:problem:storage-unavailable' });
    expect((await t.app.inject({ method: 'DELETE', url: '/v1/articles/1' })).statusCode).toBe(503);
    // "Already stored" is a promise too: the page acknowledged before is not answered 200 now.
    const resent = await t.ingest(acknowledged);
    expect(resent.statusCode).toBe(503);
    expect(resent.json()).toMatchObject({ type: 'urn:masthead:problem:storage-unavailable' });
  });

  it('replaced by another database file: the same', async () => {
    const t = await appOnFile('replaced.db');
    expect((await t.ingest()).statusCode).toBe(201);
    const acknowledged = t.lastPage();
    const other = join(dir, 'other.db');
    await createSqliteRepository(other).close();
    copyFileSync(other, join(dir, 'other-copy.db'));
    renameSync(join(dir, 'other-copy.db'), t.path);

    expect((await t.readyz()).statusCode).toBe(503);
    const refused = await t.ingest();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ type: 'urn:masthead:problem:storage-unavailable' });
    const resent = await t.ingest(acknowledged);
    expect(resent.statusCode).toBe(503);
    // Nothing refused was written: what is at the path now has at most the article acknowledged
    // before (the old connection's WAL, still at `path-wal`, is read over the new file).
    const now = new Database(t.path, { readonly: true });
    expect(now.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
    now.close();
  });
});
