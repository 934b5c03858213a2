/**
 * A database file with a damaged page (issue 10, item 11): the server checks the file at
 * start-up (`PRAGMA quick_check`) and refuses to serve it, with one line that names the file
 * and what to do, and exit code 2; SKIP_INTEGRITY_CHECK=1 or `--skip-check` starts it anyway.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import { ingestPage } from '../../src/ingest/ingest.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { runTs, serverEnv, startServerProcess, type ChildRun, type Exit } from '../helpers/server-process.js';

const ARTICLES = 40;
const BTREE_PAGE_TYPES = new Set([0x02, 0x05, 0x0a, 0x0d]);

const dir = mkdtempSync(join(tmpdir(), 'masthead-damaged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A closed database of ARTICLES articles with the b-tree page nearest its middle overwritten. */
async function damagedDatabase(): Promise<string> {
  const path = join(dir, 'damaged.db');
  const repository = createSqliteRepository(path);
  const pages = markedPages();
  for (let n = 0; n < ARTICLES; n += 1) await ingestPage(repository, pages(n, `damaged${n}`).submission);
  await repository.close(); // checkpoints: every page is in the file, the WAL is empty

  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const pageCount = statSync(path).size / pageSize;
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(1);
    for (let page = Math.floor(pageCount / 2); page < pageCount; page += 1) {
      readSync(fd, header, 0, 1, page * pageSize);
      if (!BTREE_PAGE_TYPES.has(header[0]!)) continue;
      // Keep the page type, garble the rest of the header and the cell pointers.
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize + 1);
      return path;
    }
  } finally {
    closeSync(fd);
  }
  throw new Error('no b-tree page in the second half of the file');
}

/** The exit of a server expected to refuse to start; one that listens instead is stopped, and says so. */
async function refusal(run: ChildRun): Promise<Exit | 'served'> {
  const listening = new Promise<'served'>((resolve) => {
    const poll = setInterval(() => {
      if (!run.stdout.join('').includes('Server listening')) return;
      clearInterval(poll);
      run.child.kill('SIGTERM');
      resolve('served');
    }, 50);
    void run.exited.then(() => clearInterval(poll));
  });
  return Promise.race([run.exited, listening]);
}

describe('a database file with a damaged page', () => {
  let path: string;
  beforeAll(async () => {
    path = await damagedDatabase();
  });

  it('is refused at start-up with one line naming it and what to do (exit 2); the override starts it', async () => {
    const refused = runTs('src/server.ts', [], serverEnv(path));
    const exit = await refusal(refused);
    const output = refused.stdout.join('') + refused.stderr.join('');
    expect(exit, output).toEqual({ code: 2, signal: null });
    const lines = refused.stderr.join('').trim().split('\n');
    expect(lines, output).toHaveLength(1);
    console.log(`refusal: ${lines[0]}`);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toMatch(/damaged/);
    expect(lines[0]).toMatch(/backup/);
    expect(lines[0]).toMatch(/\.recover/);
    expect(lines[0]).toMatch(/SKIP_INTEGRITY_CHECK=1/);

    const overridden = await startServerProcess(serverEnv(path, { SKIP_INTEGRITY_CHECK: '1' }));
    expect((await fetch(`${overridden.url}/healthz`)).status).toBe(200);
    await overridden.stop();

    const flagged = await startServerProcess(serverEnv(path), ['--skip-check']);
    expect((await fetch(`${flagged.url}/healthz`)).status).toBe(200);
    await flagged.stop();
  }, 120_000);

  it('`masthead serve` refuses it too (exit 2), and starts it with --skip-check', async () => {
    const refused = runTs('src/cli.ts', ['serve'], serverEnv(path));
    expect(await refusal(refused), refused.stderr.join('')).toEqual({ code: 2, signal: null });
    expect(refused.stderr.join('')).toContain(`the database ${path} is damaged`);

    const flagged = await startServerProcess(serverEnv(path), ['serve', '--skip-check'], 'src/cli.ts');
    expect((await fetch(`${flagged.url}/healthz`)).status).toBe(200);
    await flagged.stop();
  }, 120_000);
});
