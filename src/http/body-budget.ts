/**
 * A server-wide budget of request-body bytes held at once. Each body limit bounds one request,
 * not how many arrive together: 150 concurrent 1.9 MB parses held 979 MB of RSS (the body,
 * its decoded string, its copy to a parse worker). A request that declares a body takes its
 * share when its headers arrive (`Content-Length`, or the route's body limit when chunked)
 * and gives it back when its response is done or its connection closes; past the budget it is
 * answered 503 `overloaded` before a byte of its body is read.
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.js';

/** Seconds a client should wait before retrying when the budget is spent. */
export const BODY_BUDGET_RETRY_AFTER_SECONDS = 1;

/**
 * Bytes a request will buffer: its Content-Length, or the route's limit for a chunked or a
 * compressed body (a 10 KB gzip body may decode to the whole limit); 0 with no body, or when
 * fastify will refuse the body as too large without reading it.
 */
function declaredBodyBytes(headers: Record<string, unknown>, bodyLimit: number): number {
  const length = headers['content-length'];
  const encoding = headers['content-encoding'];
  const compressed = typeof encoding === 'string' && encoding.trim().toLowerCase() !== 'identity';
  if (typeof length === 'string') {
    if (compressed && length !== '0') return bodyLimit;
    const bytes = Number(length);
    return Number.isSafeInteger(bytes) && bytes <= bodyLimit ? bytes : 0;
  }
  return headers['transfer-encoding'] === undefined ? 0 : bodyLimit;
}

export function registerBodyBudget(app: FastifyInstance, budgetBytes: number): void {
  let held = 0;
  // A callback hook, not an async one: it runs on every request.
  app.addHook('onRequest', (request, reply, done) => {
    const bodyLimit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
    const bytes = declaredBodyBytes(request.headers, bodyLimit);
    if (bytes === 0) {
      done();
      return;
    }
    if (held + bytes > budgetBytes) {
      done(
        new HttpProblem(
          503,
          'overloaded',
          'too many request bodies are being received at once; retry shortly',
          {},
          { 'retry-after': String(BODY_BUDGET_RETRY_AFTER_SECONDS) },
        ),
      );
      return;
    }
    held += bytes;
    // 'close' comes once the response is sent or the connection is gone, whichever happens.
    reply.raw.once('close', () => {
      held -= bytes;
    });
    done();
  });
}
