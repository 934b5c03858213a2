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
