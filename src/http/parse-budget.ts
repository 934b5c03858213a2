import { ParseBudgetExceededError, ParsePoolClosedError, ParsePoolFullError } from '../ingest/parse-pool.js';
import { HttpProblem, type ProblemKind } from './problem.js';

const PARSE_TIMEOUT: ProblemKind = 'parse-timeout';
const OVERLOADED: ProblemKind = 'overloaded';

/** Seconds a client should wait before retrying when the parse queue is full. */
export const PARSE_QUEUE_RETRY_AFTER_SECONDS = 1;

/**
 * The problem a parse-pool failure is answered with, or null for any other error:
 * over budget → 422 parse-timeout, queue full → 503 overloaded (with Retry-After), pool
 * closed (the server is shutting down) → 503 not-ready. A crashed worker is not mapped:
 * it is a server fault, logged and answered 500 by the central handler.
 */
export function parsePoolProblem(error: unknown): HttpProblem | null {
  if (error instanceof ParseBudgetExceededError) {
    return new HttpProblem(
      422,
      PARSE_TIMEOUT,
      `the page was not parsed within the ${error.budgetMs} ms parse budget and was cut off; nothing was stored`,
    );
  }
  if (error instanceof ParsePoolFullError) {
    return new HttpProblem(
      503,
      OVERLOADED,
      `too many pages are waiting to be parsed (${error.maxQueue}); retry shortly`,
      {},
      { 'retry-after': String(PARSE_QUEUE_RETRY_AFTER_SECONDS) },
    );
  }
  if (error instanceof ParsePoolClosedError) {
    return new HttpProblem(503, 'not-ready', 'the server is shutting down; retry on another instance');
  }
  return null;
}
