import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { writeRawProblem } from './client-errors.js';
import { isLingering } from './early-answers.js';
import {
  HttpProblem,
  PROBLEM_KINDS,
  problemBody,
  PROBLEM_CONTENT_TYPE,
  PROBLEMS,
  sendProblem,
  type ProblemKind,
  type StatusOf,
} from './problem.js';
import { parsePoolProblem } from './parse-budget.js';
import { storageProblem } from './storage-problem.js';
import type { RouteTable } from './route-table.js';
import { ChangesGoneError, InvalidCursorError, SearchOverloadedError } from '../storage/repository.js';

/** Seconds a client should wait before retrying when the search queue is full. */
const SEARCH_RETRY_AFTER_SECONDS = 1;

/** A kind with its status, so a table of them cannot pair a kind with another status. */
type KnownProblem = {
  [Kind in ProblemKind]: { status: StatusOf<Kind>; kind: Kind; detail: string };
}[ProblemKind];

/** Fastify's own error codes that mean "the client sent something we cannot take". */
const CLIENT_ERROR_KINDS: Record<string, KnownProblem> = {
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    kind: 'validation',
    detail: 'the Content-Length header does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    kind: 'malformed-json',
    detail: 'the JSON body is empty',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    kind: 'malformed-json',
    detail: 'the body is not valid JSON',
  },
};

/**
 * The media types the route's body schema names (the page endpoints: text/plain, text/html,
 * application/json), so a 415 says only what this endpoint reads; JSON when it names none.
 */
function acceptedMediaTypes(request: FastifyRequest): string {
  const body = (request.routeOptions.schema?.body ?? {}) as { content?: Record<string, unknown> };
  const types = Object.keys(body.content ?? {});
  if (types.length === 0) return 'application/json';
  return types.length === 1 ? types[0]! : `${types.slice(0, -1).join(', ')} or ${types.at(-1)!}`;
}

/**
 * One place turns every failure into application/problem+json: validation errors list
 * their fields, client errors say what to fix, and 5xx responses say nothing internal
 * (the details go to the log with the request id).
 */
export function registerErrorHandling(app: FastifyInstance, routes: RouteTable): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);
    const parseProblem = parsePoolProblem(error);
    if (parseProblem) return sendProblem(request, reply, parseProblem);
    const storage = storageProblem(error);
    if (storage) {
      // Not a bug, but the operator must know: a full disk, a lost database file.
      request.log.error({ err: error }, 'storage failure');
      return sendProblem(request, reply, storage);
    }
    if (error instanceof InvalidCursorError) {
      return sendProblem(request, reply, new HttpProblem(400, 'invalid-cursor', error.message));
    }
    if (error instanceof ChangesGoneError) {
      return sendProblem(request, reply, new HttpProblem(410, 'changes-gone', error.message));
    }
    if (error instanceof SearchOverloadedError) {
      return sendProblem(
        request,
        reply,
        new HttpProblem(
          503,
          'overloaded',
          error.message,
          {},
          { 'retry-after': String(SEARCH_RETRY_AFTER_SECONDS) },
        ),
      );
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const errors = error.validation.map((issue) => ({
        path: `${where}${issue.instancePath === '/' ? '' : issue.instancePath}`,
        message: issue.message ?? 'invalid value',
      }));
      const summary = errors.map((entry) => `${entry.path}: ${entry.message}`).join('; ');
      return sendProblem(
        request,
        reply,
        new HttpProblem(400, 'validation', `invalid ${where}: ${summary}`, { errors }),
      );
    }

    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(
        request,
        reply,
        new HttpProblem(415, 'unsupported-media-type', `send ${acceptedMediaTypes(request)} (UTF-8)`),
      );
    }
    const known = error.code ? CLIENT_ERROR_KINDS[error.code] : undefined;
    if (known) {
      return sendProblem(request, reply, new HttpProblem(known.status, known.kind, known.detail));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(
        request,
        reply,
        new HttpProblem(
          413,
          'payload-too-large',
          `the body is larger than ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`,
        ),
      );
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return sendProblem(
        request,
        reply,
        new HttpProblem(400, 'malformed-json', `malformed JSON: ${error.message}`),
      );
    }

    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // A client error no rule above names: the first kind of its status in the table, else
      // 400 `validation`, so type and status still say what the README says.
      const kind = PROBLEM_KINDS.find((k) => PROBLEMS[k].status === status) ?? 'validation';
      return sendProblem(request, reply, new HttpProblem(PROBLEMS[kind].status, kind, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        problemBody(
          request,
          500,
          'internal',
          'an internal error occurred; quote request_id when reporting it',
        ),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = routes.methodsFor(path);
    // A route that exists for this very method but found nothing (a missing static file,
    // `//` in the path) is a 404, not a 405 that lists the method it refuses.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return sendProblem(
        request,
        reply,
        new HttpProblem(
          405,
          'method-not-allowed',
          `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`,
          {},
          { allow: allowed.join(', ') },
        ),
      );
    }
    return sendProblem(
      request,
      reply,
      new HttpProblem(404, 'not-found', `no route for ${request.method} ${path}`),
    );
  });
}

/** What node reports on a connection before any request exists, and how masthead answers it. */
const CONNECTION_ERRORS: Record<string, KnownProblem> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    kind: 'request-timeout',
    detail: 'the request did not arrive in time; send the headers and body without pausing',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    kind: 'headers-too-large',
    detail: 'the request headers are larger than the server accepts (16 KiB)',
  },
};

/**
 * Answers errors node raises on a connection before fastify has a request (a request that
 * did not arrive within `requestTimeout`, headers over `maxHeaderSize`, bytes that are not
 * HTTP): the same problem+json shape as every other error, with a fresh request id, then
 * the connection is closed. Replaces fastify's default, which answers bare JSON.
 */
export function connectionErrorHandler(
  log: () => FastifyBaseLogger,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // The request was answered and its body is being discarded: a second answer would be
    // read as the answer to a next request.
    if (isLingering(socket)) {
      socket.destroy();
      return;
    }
    const known = CONNECTION_ERRORS[error.code ?? ''] ?? {
      status: 400,
      kind: 'malformed-request' as const,
      detail: 'the request is not valid HTTP/1.1',
    };
    const requestId = writeRawProblem(socket, known);
    log().info({ request_id: requestId, code: error.code, status: known.status }, 'connection error');
    socket.destroy(error);
  };
}

/**
 * Router errors fastify raises before any route runs (`frameworkErrors`): a path with a
 * broken %-escape, or a path parameter longer than the router allows.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // No route ran, so neither did the hooks that echo the request id.
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendProblem(
      request,
      reply,
      // Every parameterised route documents 400 for a malformed id; an overlong one is that.
      new HttpProblem(400, 'validation', 'a path parameter is longer than any id this API issues', {
        errors: [{ path: 'params', message: 'too long' }],
      }),
    );
    return;
  }
  sendProblem(
    request,
    reply,
    new HttpProblem(400, 'malformed-request', 'the request path is not a valid URL (check its %-escapes)'),
  );
}
