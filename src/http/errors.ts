import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, problemBody, PROBLEM_CONTENT_TYPE, sendProblem, type ProblemKind } from './problem.js';
import type { RouteTable } from './route-table.js';
import { InvalidCursorError, InvalidSearchError } from '../storage/repository.js';

/** Fastify's own error codes that mean "the client sent something we cannot take". */
const CLIENT_ERROR_KINDS: Record<string, { status: number; kind: ProblemKind; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    kind: 'unsupported-media-type',
    detail: 'send text/plain, text/html or application/json (UTF-8)',
  },
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
 * One place turns every failure into application/problem+json: validation errors list
 * their fields, client errors say what to fix, and 5xx responses say nothing internal
 * (the details go to the log with the request id).
 */
export function registerErrorHandling(app: FastifyInstance, routes: RouteTable): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);
    if (error instanceof InvalidCursorError) {
      return sendProblem(request, reply, new HttpProblem(400, 'invalid-cursor', error.message));
    }
    if (error instanceof InvalidSearchError) {
      return sendProblem(request, reply, new HttpProblem(400, 'invalid-search', error.message));
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
      return sendProblem(request, reply, new HttpProblem(status, 'validation', error.message));
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
    if (allowed.length > 0) {
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
