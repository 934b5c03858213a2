/**
 * The search thread's worker (see search-thread.ts): runs ranking statements on its own
 * read-only connection to the database file and answers with their rows. Loaded as
 * `dist/storage/sqlite/search-worker.js` by plain node, or as this file under tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { RankingReply, RankingRequest } from './search-thread.js';

if (parentPort === null) throw new Error('search-worker runs only as a worker thread');
const port = parentPort;
const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };

const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
/** Prepared statements by SQL: a handful of shapes (filters, page sizes), bounded anyway. */
const statements = new Map<string, Statement<unknown[], unknown>>();
const MAX_STATEMENTS = 256;

port.on('message', (request: RankingRequest) => {
  let reply: RankingReply;
  try {
    let statement = statements.get(request.sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statement = db.prepare<unknown[], unknown>(request.sql);
      statements.set(request.sql, statement);
    }
    reply = { id: request.id, rows: statement.all(...request.parameters) };
  } catch (error) {
    const { message, code } = error as Error & { code?: string };
    reply = { id: request.id, error: { message: String(message), code: code ?? null } };
  }
  port.postMessage(reply);
});
