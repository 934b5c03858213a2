import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  HttpProblem,
  PROBLEMS,
  problemTitle,
  problemType,
  PROBLEM_CONTENT_TYPE,
  sendProblem,
  type ProblemKind,
} from './problem.js';
import type { RouteTable } from './route-table.js';

/**
 * Requests node answers on its own (a bare 400 for a missing Host, a bare 417 for an unknown
 * Expect) or drops (CONNECT, with no 'connect' listener the socket is destroyed) get the same
 * problem+json answer as every other error, with a request id, then the connection closes.
 */

/** Node options that leave these requests to masthead: it would answer a missing Host bare. */
export const CLIENT_ERROR_SERVER_OPTIONS = { requireHostHeader: false } as const;

/** A problem written raw; its status is its kind's (PROBLEMS), so the two cannot disagree. */
interface RawProblem {
  kind: ProblemKind;
  detail: string;
  headers?: Record<string, string>;
}

function rawProblemBody(problem: RawProblem, requestId: string): string {
  const status = PROBLEMS[problem.kind].status;
  return JSON.stringify({
    type: problemType(problem.kind),
    title: problemTitle(status),
    status,
    detail: problem.detail,
    request_id: requestId,
  });
}

/**
 * Writes a whole problem+json response on a connection no `ServerResponse` owns, then
 * closes it. Returns the request id it generated, for the log line.
 */
export function writeRawProblem(socket: Duplex, problem: RawProblem): string {
  const requestId = randomUUID();
  if (socket.writable) {
    const body = rawProblemBody(problem, requestId);
    const status = PROBLEMS[problem.kind].status;
    const extra = Object.entries(problem.headers ?? {})
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const response =
      `HTTP/1.1 ${status} ${problemTitle(status)}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      extra +
      'Connection: close\r\n\r\n' +
      body;
    socket.end(response, () => socket.destroy());
  }
  return requestId;
}

/** The path of an origin-form target; null for CONNECT's authority form (`host:port`). */
function targetPath(url: string | undefined): string | null {
  return url?.startsWith('/') ? (url.split('?')[0] ?? url) : null;
}

export function registerClientErrorAnswers(app: FastifyInstance, routes: RouteTable): void {
  // CONNECT asks for a tunnel; this server is no proxy. `Allow` lists what the target path
  // accepts, and is empty for a `host:port` target, which names no resource here.
  app.server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    // node hands the socket over without its error listener.
    socket.on('error', () => undefined);
    const path = targetPath(request.url);
    const allowed = path === null ? [] : routes.methodsFor(path);
    const requestId = writeRawProblem(socket, {
      kind: 'method-not-allowed',
      detail: 'CONNECT is not supported: this server is not a proxy',
      headers: { Allow: allowed.join(', ') },
    });
    app.log.info(
      {
        request_id: requestId,
        method: 'CONNECT',
        url: request.url,
        status: PROBLEMS['method-not-allowed'].status,
      },
      'connect refused',
    );
  });

  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    const problem: RawProblem = {
      kind: 'expectation-failed',
      detail: 'the only expectation this server meets is "Expect: 100-continue"',
    };
    const body = rawProblemBody(problem, requestId);
    response.writeHead(PROBLEMS[problem.kind].status, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': Buffer.byteLength(body),
      'x-request-id': requestId,
      connection: 'close',
    });
    response.end(body);
    app.log.info(
      { request_id: requestId, url: request.url, status: PROBLEMS[problem.kind].status },
      'expectation refused',
    );
  });

  // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      reply.header('connection', 'close');
      sendProblem(
        request,
        reply,
        new HttpProblem(400, 'malformed-request', 'an HTTP/1.1 request must carry a Host header'),
      );
      return;
    }
    done();
  });
}
