import { STATUS_CODES } from 'node:http';
import type { ProblemKind } from './problem.js';
import { ProblemSchema } from './schemas.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed: the problem says which field and why.',
  401: 'A valid bearer token is needed.',
  403: 'Writes are accepted from loopback clients only (no API_TOKENS configured).',
  404: 'No such resource.',
  405: 'The path exists but not with this method; see `Allow`.',
  406: 'None of the representations in `Accept` is available.',
  410: 'The changes after `since` are no longer kept, or the token is from another database: resync, then follow from `since=now`.',
  413: 'The body is larger than BODY_LIMIT_BYTES.',
  415: 'The media type or charset is not accepted.',
  422: 'The page has no main story (`parse_result` shows what the parser found), or it was not parsed within PARSE_BUDGET_MS (`parse-timeout`).',
  429: 'Too many requests: see `Retry-After` and the RateLimit headers.',
  500: 'Internal error; the body carries a request_id to quote.',
  503: 'Not ready (database unreachable, schema out of date, shutting down), overloaded (too many pages waiting to be parsed, or searches waiting to be ranked; see `Retry-After`), the database locked by another process (`storage-busy`; see `Retry-After`), or its file deleted or replaced (`storage-unavailable`).',
  507: 'The database has no space left (`storage-full`); nothing was stored.',
};

/** One typical problem per status, so each documented error shows its own body (Swagger UI). */
const EXAMPLES: Record<number, { kind: ProblemKind; detail: string }> = {
  400: { kind: 'validation', detail: 'invalid querystring: /limit: Too big: expected number to be <=100' },
  401: { kind: 'unauthorized', detail: 'this endpoint needs an Authorization: Bearer <token> header' },
  403: {
    kind: 'forbidden',
    detail: 'writes are accepted from loopback clients only, because the server has no API_TOKENS configured',
  },
  404: { kind: 'not-found', detail: 'article 42 does not exist' },
  405: { kind: 'method-not-allowed', detail: 'PUT is not allowed here; use GET, DELETE' },
  406: {
    kind: 'not-acceptable',
    detail: 'this resource is available as application/json, text/markdown, text/plain, text/html',
  },
  413: { kind: 'payload-too-large', detail: 'the body is larger than 2097152 bytes' },
  415: { kind: 'unsupported-media-type', detail: 'send text/plain, text/html or application/json (UTF-8)' },
  422: { kind: 'no-story', detail: 'the page has no main story, so nothing was stored' },
  429: { kind: 'rate-limited', detail: 'too many requests; retry after 12 seconds' },
  500: { kind: 'internal', detail: 'an internal error occurred; quote request_id when reporting it' },
  503: { kind: 'overloaded', detail: 'too many pages are waiting to be parsed; retry shortly' },
  507: { kind: 'storage-full', detail: 'no space left for the database; nothing was stored' },
};

/** The example of a documented error response (added to the document by openapi.ts). */
export function problemExample(status: number) {
  const { kind, detail } = EXAMPLES[status] ?? EXAMPLES[500]!;
  return {
    type: `urn:masthead:problem:${kind}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    request_id: '1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11',
  };
}

/** Documented problem+json responses for the given statuses, for a route's `response`. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Error.',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/** A documented JSON response (without a description, OpenAPI shows "Default Response"). */
export function jsonResponse<Schema>(description: string, schema: Schema) {
  return { description, content: { 'application/json': { schema } } };
}
