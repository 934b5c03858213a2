import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { expectMatchesContract } from '../helpers/contract.js';
import { document, operationFor, type Operation } from './openapi-model.js';
import { encodeBytes, type Piece, type PoolName, type RequestSpec, type UrlValue } from './requests.js';

/**
 * Sends generated requests to the app and checks every response against the invariants the
 * fuzzer stands for: no 5xx, every error an RFC 9457 problem that validates against
 * openapi.yaml (against its operation when the route is documented), every documented 2xx
 * valid too. It also keeps the pools of run-time values (ids, cursors, ETags, job ids) that
 * later requests draw from, and the figures of the run.
 */

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: Buffer;
}

export interface Received {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A response header as a string ('' when absent). */
export function headerText(response: Received, name: string): string {
  const value = response.headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
}

export class Pools {
  readonly values: Record<PoolName, string[]> = {
    article: [],
    edition: [],
    publication: [],
    job: [],
    cursor: [],
    etag: [],
  };

  add(pool: PoolName, value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    const list = this.values[pool];
    if (!list.includes(text)) list.push(text);
    if (list.length > 500) list.shift();
  }

  pick(piece: Piece): string {
    if (typeof piece === 'string') return piece;
    const list = this.values[piece.pool];
    if (list.length === 0) return piece.pool === 'job' ? '00000000-0000-4000-8000-000000000000' : '1';
    return list[piece.index % list.length] ?? '1';
  }

  /** Ids, cursors, ETags and job ids found in a response, for later requests. */
  harvest(path: string, response: Received): void {
    const etag = response.headers['etag'];
    if (typeof etag === 'string') this.add('etag', etag);
    const type = headerText(response, 'content-type');
    if (!type.startsWith('application/json')) return;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return;
    }
    if (typeof body !== 'object' || body === null) return;
    const record = body as Record<string, unknown>;
    this.add('cursor', record['next_cursor']);
    const itemPool: PoolName | null = path.startsWith('/v1/editions')
      ? 'edition'
      : path.startsWith('/v1/publications')
        ? 'publication'
        : path.startsWith('/v1/articles')
          ? 'article'
          : path.startsWith('/v1/admin')
            ? 'job'
            : null;
    const items = Array.isArray(record['items']) ? (record['items'] as Record<string, unknown>[]) : [record];
    for (const item of items) {
      if (itemPool !== null && path.split('/').length <= 4) this.add(itemPool, item['id']);
      const edition = item['edition'] as Record<string, unknown> | null | undefined;
      if (edition) this.add('edition', edition['id']);
      const publication = item['publication'] as Record<string, unknown> | null | undefined;
      if (publication && typeof publication === 'object') this.add('publication', publication['id']);
    }
  }
}

function encodeValue(pools: Pools, part: UrlValue): string {
  const value = pools.pick(part.value);
  switch (part.encoding) {
    case 'raw':
      return value;
    case 'broken': {
      const encoded = encodeBytes(value);
      return encoded.includes('%') ? encoded.replace('%', '%z') : `${encoded}%zz`;
    }
    default:
      return encodeBytes(value);
  }
}

/** The concrete request for a spec, with pool references resolved. */
export function materialize(spec: RequestSpec, pools: Pools): SentRequest {
  const path = spec.path
    .map((part) => (typeof part === 'string' ? part : encodeValue(pools, part)))
    .join('/');
  const query = spec.query
    .map((part) => (typeof part === 'string' ? part : `${part[0]}=${encodeValue(pools, part[1])}`))
    .join('&');
  const headers = Object.fromEntries(spec.headers.map(([name, value]) => [name, pools.pick(value)]));
  return {
    method: spec.method,
    url: `/${path}${query.length > 0 ? `?${query}` : ''}`,
    headers,
    ...(spec.body === undefined ? {} : { payload: Buffer.from(spec.body) }),
  };
}

/** The path the app sees: light-my-request parses the URL as a WHATWG URL does. */
export function pathSeen(url: string): string {
  try {
    return new URL(url.startsWith('//') ? `http://localhost${url}` : url, 'http://localhost').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

// ---------------------------------------------------------------- contract checks

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...document, $id: 'fuzz-openapi' });
const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const compiled = new Map<string, ValidateFunction>();
function validator(ref: string): ValidateFunction {
  let validate = compiled.get(ref);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `fuzz-openapi#/${ref}` });
    compiled.set(ref, validate);
  }
  return validate;
}

export class InvariantError extends Error {
  override name = 'InvariantError';
}

function fail(message: string): never {
  throw new InvariantError(message);
}

const mediaTypeOf = (response: Received) => headerText(response, 'content-type').split(';')[0] ?? '';

function expectProblem(request: SentRequest, response: Received): void {
  const type = mediaTypeOf(response);
  if (type !== 'application/problem+json')
    fail(`a ${response.statusCode} is ${type || 'untyped'}, not problem+json`);
  if (request.method === 'HEAD') return;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    fail(`a ${response.statusCode} problem body is not JSON`);
  }
  const validate = validator(pointer('components', 'schemas', 'Problem'));
  if (!validate(body))
    fail(`the problem does not match #/components/schemas/Problem: ${ajv.errorsText(validate.errors)}`);
  const problem = body as { status: number; request_id?: string };
  if (problem.status !== response.statusCode)
    fail(`problem.status ${problem.status} ≠ ${response.statusCode}`);
  if (problem.request_id !== response.headers['x-request-id']) fail('problem.request_id ≠ X-Request-Id');
}

/**
 * Representations an operation serves that the document describes elsewhere, so that generators
 * type each response with one media type: the article's text forms have their own operations
 * (`/v1/articles/{id}.md`…), and the batch's NDJSON answer is one BatchResult per line (its
 * 200 description says so).
 */
const DOCUMENTED_ELSEWHERE: Record<string, Record<string, string>> = {
  'GET /v1/articles/{id}': {
    'text/markdown': pointer(
      'paths',
      '/v1/articles/{id}.md',
      'get',
      'responses',
      '200',
      'content',
      'text/markdown',
      'schema',
    ),
    'text/plain': pointer(
      'paths',
      '/v1/articles/{id}.txt',
      'get',
      'responses',
      '200',
      'content',
      'text/plain',
      'schema',
    ),
    'text/html': pointer(
      'paths',
      '/v1/articles/{id}.html',
      'get',
      'responses',
      '200',
      'content',
      'text/html',
      'schema',
    ),
  },
  'POST /v1/articles:batch': { 'application/x-ndjson': pointer('components', 'schemas', 'BatchResult') },
};

/** A 2xx the contract documents: its status, media type and body. */
function expectDocumentedSuccess(operation: Operation, response: Received): void {
  const status = String(response.statusCode);
  const media = operation.responses[status];
  if (media === undefined) fail(`${operation.method} ${operation.path} does not document ${status}`);
  if (media.length === 0) {
    if (response.body !== '') fail(`${status} documents no content but has a body`);
    return;
  }
  const type = mediaTypeOf(response);
  const elsewhere = DOCUMENTED_ELSEWHERE[`${operation.method} ${operation.path}`]?.[type];
  if (type === 'application/json' && media.includes(type)) {
    expectMatchesContract(operation.method, operation.path, response);
    return;
  }
  if (!media.includes(type) && elsewhere === undefined)
    fail(`${operation.method} ${operation.path} ${status} does not document ${type}`);
  if (elsewhere !== undefined && type.startsWith('text/') && !validator(elsewhere)(response.body))
    fail(`${operation.method} ${operation.path} ${type} does not match ${elsewhere}`);
  if (type === 'application/x-ndjson') {
    const validate = validator(
      elsewhere ??
        pointer(
          'paths',
          operation.path,
          operation.method.toLowerCase(),
          'responses',
          status,
          'content',
          type,
          'schema',
        ),
    );
    for (const line of response.body.split('\n').filter((entry) => entry.length > 0)) {
      if (!validate(JSON.parse(line)))
        fail(`an NDJSON line does not match its schema: ${ajv.errorsText(validate.errors)}`);
    }
  }
}

/** Every invariant for one response; throws an InvariantError (or an assertion error) naming the first broken. */
export function checkResponse(request: SentRequest, response: Received): void {
  const { statusCode: status } = response;
  if (status >= 500) fail(`server error ${status}`);
  const operation = operationFor(request.method, pathSeen(request.url));
  if (status >= 400) {
    expectProblem(request, response);
    if (status === 405) {
      const allow = headerText(response, 'allow');
      if (allow === '') fail('a 405 without Allow');
      if (allow.split(', ').includes(request.method))
        fail(`a 405 whose Allow (${allow}) lists ${request.method}`);
    }
    // 429 comes from rate limiting, which may be on any route; HEAD has no body to check.
    if (operation !== null && request.method !== 'HEAD' && status !== 429) {
      expectMatchesContract(operation.method, operation.path, response);
    }
    return;
  }
  if (status === 304) {
    if (request.method !== 'GET' && request.method !== 'HEAD') fail(`a 304 for ${request.method}`);
    if (response.body !== '') fail('a 304 with a body');
    return;
  }
  if (operation !== null && request.method !== 'HEAD' && status >= 200 && status < 300) {
    expectDocumentedSuccess(operation, response);
  }
}

// ---------------------------------------------------------------- figures

export interface Figures {
  runs: number;
  seed: number;
  durationMs: number;
  statuses: Record<string, number>;
  serverErrors: number;
  /** Requests by the documented operation they reached (`METHOD /template`), or outside the contract. */
  operationsHit: Record<string, number>;
  /** Documented operations that answered at least one 2xx. */
  operationsSucceeded: string[];
  operationsDocumented: number;
  targets: Record<string, number>;
  /** Statuses by operation reached: `METHOD /template` → status → count. */
  byOperation: Record<string, Record<string, number>>;
  /** Responses that broke an invariant in a way already pinned by regressions.test.ts. */
  known: Record<string, number>;
}

export function newFigures(seed: number, documented: number): Figures {
  return {
    runs: 0,
    seed,
    durationMs: 0,
    statuses: {},
    serverErrors: 0,
    operationsHit: {},
    operationsSucceeded: [],
    operationsDocumented: documented,
    targets: {},
    byOperation: {},
    known: {},
  };
}

export function count(figures: Figures, spec: RequestSpec, request: SentRequest, response: Received): void {
  figures.runs += 1;
  figures.statuses[response.statusCode] = (figures.statuses[response.statusCode] ?? 0) + 1;
  if (response.statusCode >= 500) figures.serverErrors += 1;
  figures.targets[spec.target] = (figures.targets[spec.target] ?? 0) + 1;
  const operation = operationFor(request.method, pathSeen(request.url));
  const key = operation === null ? '(outside the contract)' : `${operation.method} ${operation.path}`;
  figures.operationsHit[key] = (figures.operationsHit[key] ?? 0) + 1;
  const statuses = (figures.byOperation[key] ??= {});
  statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
  if (operation !== null && response.statusCode < 300 && !figures.operationsSucceeded.includes(key)) {
    figures.operationsSucceeded.push(key);
  }
}

/** What to print when a request breaks an invariant: enough to replay it by hand. */
export function describeExchange(request: SentRequest, response: Received | null): string {
  const clip = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
  const lines = [
    `request: ${request.method} ${clip(request.url, 300)}`,
    `headers: ${clip(JSON.stringify(request.headers), 400)}`,
  ];
  if (request.payload !== undefined) {
    lines.push(
      `body (${request.payload.length} bytes): ${clip(JSON.stringify(request.payload.toString('utf8')), 400)}`,
    );
  }
  if (response !== null) {
    lines.push(
      `response: ${response.statusCode} ${headerText(response, 'content-type')}`,
      `response body: ${clip(response.body, 600)}`,
    );
  }
  return lines.join('\n');
}

export async function send(app: FastifyInstance, request: SentRequest): Promise<Received> {
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return { statusCode: response.statusCode, headers: response.headers, body: response.body };
}

// ---------------------------------------------------------------- known findings

/**
 * Broken invariants the fuzzer found whose fix belongs to the source, not to this test. Each
 * is pinned by a failing case in regressions.test.ts (`it.fails`) until the source is fixed;
 * then the case becomes a plain `it` and its entry here goes. FUZZ_STRICT=1 ignores this list.
 * Empty: F1–F4 (an empty body with no Content-Type → 500; router errors as plain JSON; a 405
 * listing the refused method; undocumented 413/415) are fixed and kept as regressions.
 */
export const KNOWN_FINDINGS: { id: string; matches(request: SentRequest, response: Received): boolean }[] =
  [];

export function knownFinding(request: SentRequest, response: Received | null): string | null {
  if (response === null) return null;
  return KNOWN_FINDINGS.find((finding) => finding.matches(request, response))?.id ?? null;
}
