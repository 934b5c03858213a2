/**
 * Runs full-text rankings off the main thread: a broad query (`the OR and OR of OR to OR
 * in` ranked 300k articles in 0.9 s; 25 two-letter prefixes in 3 s) then delays other
 * searches, not every request the server answers. One worker thread with its own
 * read-only connection (WAL lets it read beside the writer) takes rankings in order; at
 * most MAX_WAITING wait, and more are refused with SearchOverloadedError at once. The
 * worker starts on the first ranking, does not keep the process alive, and is started
 * again if it dies. A database in memory cannot be opened twice: its rankings run in
 * place, on the caller's thread (tests).
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { SearchOverloadedError } from '../repository.js';
import { BUSY_TIMEOUT_MS } from './database.js';
import { siblingScript, workerEntry } from '../../worker-entry.js';

/** Rankings that may wait for the search thread before more are refused. */
export const MAX_WAITING = 32;

export type SqlValue = string | number | bigint;

export interface RankingRequest {
  id: number;
  sql: string;
  parameters: SqlValue[];
}

export type RankingReply =
  { id: number; rows: unknown[] } | { id: number; error: { message: string; code: string | null } };

export interface RankingRunner {
  /** The rows of a read-only statement, run on the search thread. */
  all<Row>(sql: string, parameters: SqlValue[]): Promise<Row[]>;
  close(): Promise<void>;
}

const WORKER_URL = siblingScript('./search-worker', import.meta.url);

function inPlace(db: Database.Database): RankingRunner {
  return {
    all: async <Row>(sql: string, parameters: SqlValue[]) =>
      db.prepare<SqlValue[], Row>(sql).all(...parameters),
    close: async () => undefined,
  };
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

export function rankingRunner(db: Database.Database): RankingRunner {
  if (db.memory) return inPlace(db);
  const path = db.name;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 0;

  function failAll(error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }

  function start(): Worker {
    const started = new Worker(workerEntry(WORKER_URL), {
      workerData: { path, busyTimeoutMs: BUSY_TIMEOUT_MS },
    });
    started.unref();
    started.on('message', (reply: RankingReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if ('rows' in reply) job.resolve(reply.rows);
      else job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code ?? undefined }));
    });
    const lost = (cause: string) => {
      if (worker !== started) return;
      worker = null;
      failAll(new Error(`the search thread stopped: ${cause}`));
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`exited with code ${code}`));
    return started;
  }

  return {
    all<Row>(sql: string, parameters: SqlValue[]): Promise<Row[]> {
      // The one running plus those waiting.
      if (pending.size > MAX_WAITING) return Promise.reject(new SearchOverloadedError(MAX_WAITING));
      worker ??= start();
      const id = (nextId += 1);
      const target = worker;
      return new Promise<Row[]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
        target.ref(); // a search in flight keeps the process up until it answers
        target.postMessage({ id, sql, parameters } satisfies RankingRequest);
      });
    },
    async close() {
      const stopping = worker;
      worker = null;
      failAll(new Error('the repository is closed'));
      if (stopping) await stopping.terminate();
    },
  };
}
