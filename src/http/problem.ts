import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemBody } from './schemas.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Every problem type masthead answers with, `urn:masthead:problem:<kind>`: its status and when
 * it is sent. The one copy: `ProblemKind`, the problem responses each route documents
 * (responses.ts), their examples and the README table ("Errors", checked by
 * test/http/problem.test.ts) are derived from it. The title is the status' reason phrase.
 * `example` is the detail of the OpenAPI example: a route's response for a status shows the
 * first kind it lists, in this order, that has one.
 */
export const PROBLEMS = {
  validation: {
    status: 400,
    when: 'a field, parameter or body is invalid (`errors` says which)',
    example: 'invalid querystring: /limit: Too big: expected number to be <=100',
  },
  'malformed-json': {
    status: 400,
    when: 'the JSON body does not parse, or carries `__proto__`/`constructor` keys',
  },
  'invalid-encoding': {
    status: 400,
    when: 'the body is not valid UTF-8, or not valid for its `Content-Encoding`',
  },
  'invalid-text': {
    status: 400,
    when: 'the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)',
  },
  'malformed-request': {
    status: 400,
    when: 'bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape',
  },
  'invalid-cursor': {
    status: 400,
    when: 'a cursor this server did not issue, from another list, or from a search with another `q` or filters',
  },
  'invalid-search': {
    status: 400,
    when: 'a `q` of more than 32 words or with a one-letter prefix (`t*`); any other `q` is searched (see **Search**)',
  },
  unauthorized: {
    status: 401,
    when: 'missing or wrong bearer token (`WWW-Authenticate` says how)',
    example: 'this endpoint needs an Authorization: Bearer <token> header',
  },
  forbidden: {
    status: 403,
    when: 'a write from a non-loopback client while no tokens are configured',
    example:
      'writes are accepted from loopback clients only, because the server has no API_TOKENS configured',
  },
  'not-found': { status: 404, when: 'no such route or resource', example: 'article 42 does not exist' },
  'no-edition': { status: 404, when: "the article's page printed no publication" },
  'method-not-allowed': {
    status: 405,
    when: 'known path, wrong method (`Allow` lists the right ones); any `CONNECT` (this server is no proxy)',
    example: 'PUT is not allowed here; use GET, DELETE',
  },
  'not-acceptable': {
    status: 406,
    when: '`Accept` names no representation the resource has',
    example: 'this resource is available as application/json, text/markdown, text/plain, text/html',
  },
  'request-timeout': {
    status: 408,
    when: 'the request took longer than `REQUEST_TIMEOUT_MS` to arrive; the connection is closed',
  },
  'changes-gone': {
    status: 410,
    when: 'a `since` token whose changes are no longer kept (past `CHANGES_RETAINED`), or from another database: resync',
    example:
      'changes after this token are no longer kept (changes up to 1200 were pruned): resync, then follow from since=now',
  },
  'payload-too-large': {
    status: 413,
    when: 'body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue`',
    example: 'the body is larger than 2097152 bytes',
  },
  'too-many-lines': { status: 413, when: 'a batch of more than 1,000 lines or JSON items' },
  'unsupported-media-type': {
    status: 415,
    when: 'not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8',
    example: 'send text/plain, text/html or application/json (UTF-8)',
  },
  'expectation-failed': {
    status: 417,
    when: 'an `Expect` other than `100-continue`; the connection is closed',
  },
  'no-story': {
    status: 422,
    when: 'the page has no main story (`parse_result` shows what was found)',
    example: 'the page has no main story, so nothing was stored',
  },
  'parse-timeout': {
    status: 422,
    when: 'the page was not parsed within `PARSE_BUDGET_MS`: it was cut off and nothing was stored',
  },
  'rate-limited': {
    status: 429,
    when: 'over a rate limit; `Retry-After` and `RateLimit-*` say when to come back',
    example: 'too many requests; retry after 12 seconds',
  },
  'headers-too-large': { status: 431, when: 'request headers over 16 KiB; the connection is closed' },
  internal: {
    status: 500,
    when: 'a bug: quote `request_id`',
    example: 'an internal error occurred; quote request_id when reporting it',
  },
  overloaded: {
    status: 503,
    when: 'too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After`',
    example: 'too many pages are waiting to be parsed; retry shortly',
  },
  'not-ready': {
    status: 503,
    when: '`/readyz` when the database is unreachable, behind, out of space, or its file is gone; or shutting down',
    example: 'the database is unreachable',
  },
  'storage-busy': {
    status: 503,
    when: 'another process (an import, a second server) kept the database locked 5 s; retry after `Retry-After`',
    example: 'another process kept the database locked; nothing was stored, retry shortly',
  },
  'storage-unavailable': {
    status: 503,
    when: 'the database file was deleted or replaced while the server ran; nothing stored; restart',
  },
  'storage-full': {
    status: 507,
    when: 'no space left for the database; nothing stored; `/readyz` is 503 until there is room again',
    example: 'no space left for the database; nothing was stored',
  },
} as const satisfies Record<string, ProblemSpec>;

interface ProblemSpec {
  status: number;
  /** When it is sent: the README's "when" column, and the OpenAPI response descriptions. */
  when: string;
  example?: string;
}

export type ProblemKind = keyof typeof PROBLEMS;
/** The statuses problems are sent with. */
export type ProblemStatus = (typeof PROBLEMS)[ProblemKind]['status'];
/** The status of one kind: `HttpProblem` is typed so the two cannot disagree. */
export type StatusOf<Kind extends ProblemKind> = (typeof PROBLEMS)[Kind]['status'];

export const PROBLEM_KINDS = Object.keys(PROBLEMS) as ProblemKind[];

export function problemType(kind: ProblemKind): string {
  return `urn:masthead:problem:${kind}`;
}

/** The problem's title: the reason phrase of its status (`Not Found`). */
export function problemTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** The README's table of problem types, as `npm run openapi`'s prettier would align it. */
export function problemTableMarkdown(): string {
  const rows = [
    ['type', 'status', 'when'],
    ...PROBLEM_KINDS.map((kind) => [
      `\`${problemType(kind)}\``,
      String(PROBLEMS[kind].status),
      PROBLEMS[kind].when,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...rows.slice(1).map(line),
    '',
  ].join('\n');
}

/**
 * An error that becomes an RFC 9457 response. Throw it from anywhere in a request;
 * the app's error handler renders it.
 */
export class HttpProblem<Kind extends ProblemKind = ProblemKind> extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: StatusOf<Kind>,
    readonly kind: Kind,
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
    title: problemTitle(status),
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
