import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemBody } from './schemas.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types masthead uses; each is documented in README ("Errors"). */
export type ProblemKind =
  | 'validation'
  | 'malformed-json'
  | 'invalid-encoding'
  | 'invalid-text'
  | 'malformed-request'
  | 'request-timeout'
  | 'headers-too-large'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'expectation-failed'
  | 'not-acceptable'
  | 'invalid-cursor'
  | 'invalid-search'
  | 'changes-gone'
  | 'too-many-lines'
  | 'rate-limited'
  | 'no-story'
  | 'no-edition'
  | 'not-ready'
  | 'parse-timeout'
  | 'overloaded'
  | 'storage-busy'
  | 'storage-full'
  | 'storage-unavailable'
  | 'internal';

export function problemType(kind: ProblemKind): string {
  return `urn:masthead:problem:${kind}`;
}

/**
 * An error that becomes an RFC 9457 response. Throw it from anywhere in a request;
 * the app's error handler renders it.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: Partial<Pick<ProblemBody, 'errors' | 'parse_result'>> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problemBody(
  request: FastifyRequest,
  status: number,
  kind: ProblemKind,
  detail?: string,
  extra: Partial<ProblemBody> = {},
): ProblemBody {
  return {
    type: problemType(kind),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0] ?? request.url,
    request_id: request.id,
    ...extra,
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(request, problem.status, problem.kind, problem.detail, problem.extra));
}
