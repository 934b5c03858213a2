/**
 * Graceful shutdown: the real server (src/server.ts) in a child process gets SIGTERM in
 * the middle of a stream of concurrent ingests. It must exit 0, every request must end
 * (no hang), every 2xx article must be stored whole, no request the server processed may
 * lose its response, and the database must be closed cleanly (WAL checkpointed away).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import { ingestPage, sha256Hex } from '../../src/ingest/ingest.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import {
  acknowledgedViolations,
  integrityCheck,
  partialIngestViolations,
  type AcknowledgedArticle,
} from './invariants.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONCURRENCY = 8;
/**
 * Requests that are surely in flight at SIGTERM: headers and half the body sent before,
 * the rest SLOW_TAIL_MS after. The server must read them to the end, store and answer.
 */
const SLOW_REQUESTS = 3;
const SLOW_TAIL_MS = 300;
/** SIGTERM goes out once this many ingests have been answered 2xx. */
const ANSWERED_BEFORE_SIGTERM = 40;
/** A request still open after this long is a hang (the server's own grace is 10 s). */
const REQUEST_TIMEOUT_MS = 20_000;
const START_TIMEOUT_MS = 30_000;
/** Stored pages for the re-parse test: enough that the job is still running at SIGTERM. */
const REPARSE_PAGES = 400;
/** Requests are not sent forever if the server ignores SIGTERM. */
const MAX_REQUESTS = 3000;
/**
 * What a client may see instead of a 2xx once the server is closing: a 503 (fastify's
 * answer to a request arriving on an open connection while it closes), or no response
 * at all because the connection was refused, or reset while idle (the keep-alive race:
 * the client wrote its next request as the server closed that connection). Any other
 * status (a 500 from a closed database, say) or error fails the test.
 */
const CLOSING_STATUSES = [503];
const CLOSING_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'];

interface Outcome {
  marker: string;
  slow?: boolean;
  sha256: string;
  /** The request ended (answered or failed) after SIGTERM was sent. */
  afterSigterm: boolean;
  status?: number;
  body?: { id: number; teaser_count: number; paragraphs: string[] };
  /** Network error code when no response came. */
  error?: string;
}

interface JobCounts {
  status: string;
  total: number;
  processed: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

interface Server {
  child: ChildProcess;
  url: string;
  log: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(databasePath: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'info',
      API_TOKENS: '',
      // The stream is one client sending as fast as it can: no write rate limit here.
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${log.join('\n')}`));
    }, START_TIMEOUT_MS);
    let buffered = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        const listening = /"msg":"Server listening at (http:\/\/[^"]+)"/.exec(line);
        if (listening?.[1]) {
          clearTimeout(timer);
          resolve({ child, url: listening[1], log, exited });
        }
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('\n')}`));
    });
  });
}

/** POSTs a page on its own connection: headers and half the body now, the rest once `release` resolves. */
function slowIngest(url: string, body: string, release: Promise<void>, outcome: Outcome): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  const half = Math.floor(bytes.length / 2);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      outcome.error = 'TIMEOUT';
      req.destroy();
    }, REQUEST_TIMEOUT_MS);
    const req = request(
      `${url}/v1/articles`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': bytes.length },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          clearTimeout(timer);
          outcome.status = response.statusCode;
          if (outcome.status !== undefined && outcome.status < 300)
            outcome.body = JSON.parse(text) as Outcome['body'];
          resolve();
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      outcome.error ??= error.code ?? error.message;
      resolve();
    });
    req.write(bytes.subarray(0, half));
    void release.then(() => req.end(bytes.subarray(half)));
  });
}

function errorCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'TIMEOUT';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

const dir = mkdtempSync(join(tmpdir(), 'masthead-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown (SIGTERM during ingests)', () => {
  it('answers or refuses every request, stores every 2xx, exits 0 and checkpoints the WAL', async () => {
    const databasePath = join(dir, 'shutdown.db');
    const server = await startServer(databasePath);
    const pages = markedPages();
    const outcomes: Outcome[] = [];
    let next = 0;
    let answered = 0;
    let sigtermSent = false;
    let sigtermAt = 0;
    let releaseSlow = (): void => undefined;
    const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
    const slow = Array.from({ length: SLOW_REQUESTS }, (_, i) => {
      const page = pages(-(i + 1), `slow${i}`);
      const outcome: Outcome = {
        marker: page.marker,
        slow: true,
        sha256: sha256Hex(page.submission.body),
        afterSigterm: false,
      };
      outcomes.push(outcome);
      return slowIngest(server.url, page.submission.body, slowReleased, outcome);
    });

    const worker = async (): Promise<void> => {
      while (next < MAX_REQUESTS) {
        const n = next++;
        const page = pages(n, `shut${n}`);
        const outcome: Outcome = {
          marker: page.marker,
          sha256: sha256Hex(page.submission.body),
          afterSigterm: false,
        };
        outcomes.push(outcome);
        try {
          const response = await fetch(`${server.url}/v1/articles`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain; charset=utf-8' },
            body: page.submission.body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await response.text();
          outcome.status = response.status;
          outcome.afterSigterm = sigtermSent;
          if (response.ok) {
            outcome.body = JSON.parse(text) as Outcome['body'];
            answered += 1;
            if (answered === ANSWERED_BEFORE_SIGTERM && !sigtermSent) {
              sigtermSent = true;
              sigtermAt = Date.now();
              server.child.kill('SIGTERM');
              setTimeout(releaseSlow, SLOW_TAIL_MS);
            }
          }
        } catch (error) {
          outcome.error = errorCode(error);
          outcome.afterSigterm = sigtermSent;
          // Once the server is going away, a refused connection ends this client's stream.
          if (sigtermSent) return;
        }
      }
    };
    await Promise.all([...Array.from({ length: CONCURRENCY }, worker), ...slow]);
    const exit = await server.exited;
    const shutdownMs = Date.now() - sigtermAt;

    const byKind = (filter: (o: Outcome) => boolean) => outcomes.filter(filter);
    const ok = byKind((o) => o.status !== undefined && o.status >= 200 && o.status < 300);
    const is2xx = (o: Outcome) => o.status !== undefined && o.status >= 200 && o.status < 300;
    const failedBefore = byKind((o) => !o.afterSigterm && !o.slow && !is2xx(o));
    const slowOutcomes = byKind((o) => o.slow === true);
    const hung = byKind((o) => o.error === 'TIMEOUT');
    const refused = byKind(
      (o) => o.afterSigterm && o.status !== undefined && !(o.status >= 200 && o.status < 300),
    );
    const dropped = byKind((o) => o.afterSigterm && o.error !== undefined);
    console.log(
      `shutdown test: ${outcomes.length} requests (${SLOW_REQUESTS} in flight at SIGTERM: ` +
        `${slowOutcomes.map((o) => o.status ?? o.error).join(', ')}), ${ok.length} 2xx (${ok.filter((o) => o.afterSigterm).length} answered after SIGTERM), ` +
        `${refused.length} refused with a status (${[...new Set(refused.map((o) => o.status))].join(', ')}), ` +
        `${dropped.length} without a response (${[...new Set(dropped.map((o) => o.error))].join(', ')}), ` +
        `exit ${exit.code ?? exit.signal} ${shutdownMs} ms after SIGTERM`,
    );

    expect(sigtermSent).toBe(true);
    expect(
      slowOutcomes.map((o) => `${o.marker}: ${o.status ?? o.error}`),
      'requests in flight at SIGTERM are finished',
    ).toEqual(slowOutcomes.map((o) => `${o.marker}: 201`));
    expect(
      refused.filter((o) => !CLOSING_STATUSES.includes(o.status ?? 0)).map((o) => `${o.marker}: ${o.status}`),
    ).toEqual([]);
    expect(
      dropped.filter((o) => !CLOSING_ERRORS.includes(o.error ?? '')).map((o) => `${o.marker}: ${o.error}`),
    ).toEqual([]);
    expect(
      failedBefore.map((o) => `${o.marker}: ${o.status ?? o.error}`),
      'failed before SIGTERM',
    ).toEqual([]);
    expect(
      hung.map((o) => o.marker),
      'requests that never ended',
    ).toEqual([]);
    expect(exit, server.log.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
    expect(server.log.join('\n')).not.toMatch(/shutdown took too long|shutdown failed/);
    // Closed cleanly: the last connection's close checkpointed the WAL into the file.
    const wal = `${databasePath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0, 'bytes left in the WAL').toBe(0);

    const db = new Database(databasePath, { fileMustExist: true });
    try {
      expect(integrityCheck(db)).toBe('ok');
      expect(partialIngestViolations(db)).toEqual([]);
      const acknowledged: AcknowledgedArticle[] = ok.map((o) => ({
        id: o.body?.id ?? -1,
        sha256: o.sha256,
        marker: o.marker,
        teasers: o.body?.teaser_count ?? -1,
        paragraphs: o.body?.paragraphs.length ?? -1,
      }));
      expect(acknowledgedViolations(db, acknowledged, { reparse: true })).toEqual([]);
      const stored = db.prepare<[string], { id: number }>(
        `SELECT a.id FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE r.sha256 = ?`,
      );
      // A request the server answered with an error stored nothing; one that got no response
      // must not have been processed either (that would be an in-flight request cut off).
      expect(
        refused.filter((o) => stored.get(o.sha256)).map((o) => o.marker),
        'stored but refused',
      ).toEqual([]);
      expect(
        dropped.filter((o) => stored.get(o.sha256)).map((o) => o.marker),
        'stored, response cut off',
      ).toEqual([]);
      const total = db.prepare('SELECT count(*) FROM articles').pluck().get();
      expect(total, 'every stored article was answered 2xx').toBe(ok.length);
    } finally {
      db.close();
    }
  });

  it('hands a running re-parse job back to the queue before the database closes; the next start finishes it', async () => {
    const databasePath = join(dir, 'reparse.db');
    const repository = createSqliteRepository(databasePath);
    const pages = markedPages();
    for (let n = 0; n < REPARSE_PAGES; n += 1) {
      await ingestPage(repository, pages(n, `rp${n}`).submission);
    }
    await repository.close();

    const server = await startServer(databasePath);
    const started = await fetch(`${server.url}/v1/admin/reparse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string };
    let status = 'queued';
    while (status === 'queued') {
      const response = await fetch(`${server.url}/v1/admin/jobs/${job.id}`);
      status = ((await response.json()) as { status: string }).status;
    }
    expect(status, 'the job is still running at SIGTERM').toBe('running');
    server.child.kill('SIGTERM');
    const exit = await server.exited;

    expect(exit, server.log.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
    const wal = `${databasePath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0, 'bytes left in the WAL').toBe(0);
    const db = new Database(databasePath, { fileMustExist: true });
    try {
      expect(integrityCheck(db)).toBe('ok');
      // The job runner stops its job on close and hands it back to the queue with its progress
      // (the database must still be open then): another node, or the next start, resumes it.
      const stopped = db
        .prepare('SELECT status, error, claimed_by, processed, resume_after FROM jobs WHERE id = ?')
        .get(job.id) as { status: string; error: string | null; processed: number; resume_after: number };
      expect(stopped).toMatchObject({ status: 'queued', error: null });
      expect(stopped.processed).toBeLessThan(REPARSE_PAGES);
      expect(stopped.resume_after).toBeGreaterThanOrEqual(stopped.processed);
    } finally {
      db.close();
    }

    // The next start takes the job up where it stopped and finishes it, each page counted once.
    const restarted = await startServer(databasePath);
    let finished: JobCounts;
    for (;;) {
      const response = await fetch(`${restarted.url}/v1/admin/jobs/${job.id}`);
      finished = (await response.json()) as typeof finished;
      if (finished.status === 'succeeded' || finished.status === 'failed') break;
      await sleep(50);
    }
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
    expect(finished).toMatchObject({
      status: 'succeeded',
      total: REPARSE_PAGES,
      processed: REPARSE_PAGES,
      failed: 0,
    });
    expect(finished.updated + finished.unchanged + finished.skipped).toBe(REPARSE_PAGES);
  }, 60_000);

  it('a re-parse job survives SIGKILL of its node: the next node takes it over after the lease and finishes it', async () => {
    const databasePath = join(dir, 'reparse-kill.db');
    const repository = createSqliteRepository(databasePath);
    const pages = markedPages();
    for (let n = 0; n < REPARSE_PAGES; n += 1) {
      await ingestPage(repository, pages(n, `rk${n}`).submission);
    }
    await repository.close();
    const lease = { JOB_LEASE_MS: '1000', JOB_POLL_MS: '100' };

    const server = await startServer(databasePath, lease);
    const started = await fetch(`${server.url}/v1/admin/reparse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string };
    let seen = { status: 'queued', processed: 0 };
    while (seen.status === 'queued' || seen.processed === 0) {
      seen = (await (await fetch(`${server.url}/v1/admin/jobs/${job.id}`)).json()) as typeof seen;
    }
    expect(seen.status, 'the job is still running at SIGKILL').toBe('running');
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const left = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      // What the killed node left: the job running, held by it, with the articles it counted.
      const row = left.prepare('SELECT status, claimed_by, processed FROM jobs WHERE id = ?').get(job.id) as {
        status: string;
        claimed_by: string;
        processed: number;
      };
      expect(row).toMatchObject({
        status: 'running',
        claimed_by: expect.stringContaining(`:${server.child.pid}:`),
      });
      expect(row.processed).toBeGreaterThan(0);
    } finally {
      left.close();
    }

    // Another node on the file: the job is still held by the dead one until its lease runs out.
    const next = await startServer(databasePath, lease);
    let finished: JobCounts;
    for (;;) {
      const response = await fetch(`${next.url}/v1/admin/jobs/${job.id}`);
      finished = (await response.json()) as JobCounts;
      if (finished.status === 'succeeded' || finished.status === 'failed') break;
      await sleep(50);
    }
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
    expect(finished).toMatchObject({
      status: 'succeeded',
      total: REPARSE_PAGES,
      processed: REPARSE_PAGES,
      failed: 0,
    });
    expect(finished.updated + finished.unchanged + finished.skipped).toBe(REPARSE_PAGES);
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      // Finished by the node that took it over.
      const row = db.prepare('SELECT claimed_by FROM jobs WHERE id = ?').get(job.id) as {
        claimed_by: string;
      };
      expect(row.claimed_by).toContain(`:${next.child.pid}:`);
    } finally {
      db.close();
    }
  }, 120_000);
});
