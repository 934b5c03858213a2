/**
 * Several processes writing one database file: a `masthead import` beside a running server,
 * and two servers on one file. SQLite lets one writer at a time; the others must wait for
 * the lock (busy_timeout), not fail at once with "database is locked" (issue 10, item 3).
 * Every ingest must be answered 201 and every page stored.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import {
  postPage,
  runTs,
  serverEnv,
  startServerProcess,
  type ServerProcess,
} from '../helpers/server-process.js';

/** Pages the CLI imports, and the least the server is sent meanwhile. */
const CLI_PAGES = 150;
const HTTP_PAGES = 150;
/** The HTTP stream goes on while the import runs, up to this many pages. */
const MAX_HTTP_PAGES = 1500;
const CONCURRENCY = 8;

const dir = mkdtempSync(join(tmpdir(), 'masthead-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pages = markedPages();

interface Sent {
  sha256: string;
  status: number | string;
  detail: string;
  /** `performance.now()` when the page was sent and when its answer came: orders them against the other writer. */
  sentAt: number;
  answeredAt: number;
}

/** Sends pages `prefix0`, `prefix1`, … with CONCURRENCY clients until `count` are sent and `until()` says so. */
async function ingestStream(
  server: ServerProcess,
  prefix: string,
  count: number,
  until: () => boolean = () => true,
): Promise<Sent[]> {
  const sent: Sent[] = [];
  let next = 0;
  const client = async (): Promise<void> => {
    while ((next < count || !until()) && next < MAX_HTTP_PAGES) {
      const n = next++;
      const body = pages(n, `${prefix}${n}`).submission.body;
      const sentAt = performance.now();
      const answer = await postPage(server.url, body);
      sent.push({
        sha256: sha256Hex(body),
        status: answer.status,
        detail: answer.text.slice(0, 200),
        sentAt,
        answeredAt: performance.now(),
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return sent;
}

function failures(sent: Sent[]): string[] {
  return sent.filter((s) => s.status !== 201).map((s) => `${s.status} ${s.detail}`);
}

async function missing(databasePath: string, hashes: string[]): Promise<number> {
  const repository = createSqliteRepository(databasePath, { migrate: false });
  try {
    let absent = 0;
    for (const sha256 of hashes) {
      if ((await repository.findArticleByDocumentHash(sha256)) === null) absent += 1;
    }
    return absent;
  } finally {
    await repository.close();
  }
}

describe('several writers on one database file', () => {
  it('a CLI import beside a server that ingests: no 5xx, nothing lost', async () => {
    const databasePath = join(dir, 'import.db');
    const pagesDir = join(dir, 'pages');
    mkdirSync(pagesDir);
    const cliHashes: string[] = [];
    for (let n = 0; n < CLI_PAGES; n += 1) {
      // Numbered after the HTTP pages' range, so no page is sent twice.
      const body = pages(n, `cli${n}`).submission.body;
      cliHashes.push(sha256Hex(body));
      writeFileSync(join(pagesDir, `page-${String(n).padStart(4, '0')}.txt`), body);
    }

    const server = await startServerProcess(serverEnv(databasePath));
    try {
      // One page first: the server's first ingest (cold code, opening the search thread) can
      // take longer under load than the whole import, and then the writers would not meet.
      const warmUp = await ingestStream(server, 'warm', 1);
      expect(failures(warmUp)).toEqual([]);
      const cli = runTs('src/cli.ts', ['import', pagesDir, '--database', databasePath], process.env);
      let cliDone = false;
      let cliDoneAt = Number.POSITIVE_INFINITY;
      const cliExit = cli.exited.then((exit) => {
        cliDone = true;
        cliDoneAt = performance.now();
        return exit;
      });
      // Start sending once the import has opened the database, and go on until it has done.
      const importingAt = await new Promise<number>((resolve) => {
        const ready = (): void => {
          if (cli.stderr.join('').includes('importing')) resolve(performance.now());
          else setTimeout(ready, 20);
        };
        ready();
        void cli.exited.then(() => resolve(performance.now()));
      });
      const sent = [...warmUp, ...(await ingestStream(server, 'http', HTTP_PAGES, () => cliDone))];
      const exit = await cliExit;
      const output = cli.stdout.join('') + cli.stderr.join('');
      const firstAnswer = Math.min(...sent.slice(1).map((s) => s.answeredAt));
      console.log(
        `import beside a server: ${sent.length} HTTP ingests, ${failures(sent).length} not 201; ` +
          `first answer ${Math.round(firstAnswer - importingAt)} ms and import done ` +
          `${Math.round(cliDoneAt - importingAt)} ms after it began; ` +
          `import exit ${exit.code}: ${/ingested.*$/m.exec(output)?.[0] ?? output.slice(-300)}`,
      );

      expect(failures(sent).slice(0, 5), 'HTTP ingests not answered 201').toEqual([]);
      // The two writers overlapped: server ingests were in flight while the import ran (they
      // may be answered after it, if the import held the lock throughout).
      const inFlight = sent.filter((s) => s.sentAt < cliDoneAt && s.answeredAt > importingAt);
      expect(inFlight.length).toBeGreaterThan(0);
      expect(exit.code, output.slice(-2000)).toBe(0);
      expect(output).toMatch(`ingested ${CLI_PAGES}, duplicates 0, no story 0, errors 0`);
      await server.stop();
      expect(await missing(databasePath, [...cliHashes, ...sent.map((s) => s.sha256)])).toBe(0);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('two servers started together on one new file, both ingesting: no 5xx, nothing lost', async () => {
    const databasePath = join(dir, 'two.db');
    // Started together on a new file: both migrate it, one after the other.
    const started = await Promise.allSettled([
      startServerProcess(serverEnv(databasePath)),
      startServerProcess(serverEnv(databasePath)),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
      throw failed.reason;
    }
    const [first, second] = started.map(
      (result) => (result as PromiseFulfilledResult<ServerProcess>).value,
    ) as [ServerProcess, ServerProcess];
    try {
      const [a, b] = await Promise.all([
        ingestStream(first, 'first', HTTP_PAGES),
        ingestStream(second, 'second', HTTP_PAGES),
      ]);
      const sent = [...a, ...b];
      console.log(`two servers: ${sent.length} ingests, ${failures(sent).length} not 201`);

      expect(failures(sent).slice(0, 5), 'ingests not answered 201').toEqual([]);
      expect(failures(sent).length).toBe(0);
      await Promise.all([first.stop(), second.stop()]);
      expect(
        await missing(
          databasePath,
          sent.map((s) => s.sha256),
        ),
      ).toBe(0);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 120_000);
});
