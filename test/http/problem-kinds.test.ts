/**
 * Each route documents the problem kinds it can answer, not every kind of a status: the
 * document lists per operation only those kinds, and every problem a route really answers
 * (over a set of bad inputs per route) is one it lists (expectMatchesContract checks the kind).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS, problemType, type ProblemKind } from '../../src/http/problem.js';
import { documentedKinds } from '../../src/http/responses.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';
import { expectMatchesContract, openapi } from '../helpers/contract.js';
import { operationFor } from '../fuzz/openapi-model.js';

interface DocumentedResponse {
  description?: string;
  content?: Record<string, { example?: { type: string; status: number; detail: string } }>;
}
interface DocumentedOperation {
  requestBody?: unknown;
  responses: Record<string, DocumentedResponse>;
}

const operations = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, DocumentedOperation>).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

const problemResponsesOf = (operation: DocumentedOperation) =>
  Object.entries(operation.responses).filter(
    ([, response]) => response.content?.['application/problem+json'],
  );

/** Kinds that need a request body to happen. */
const BODY_KINDS: ProblemKind[] = ['malformed-json', 'invalid-encoding', 'invalid-text', 'too-many-lines'];

describe('the document lists per operation the kinds it answers', () => {
  it.each(operations)(
    '$name: each problem status lists kinds of that status, with an example of one',
    ({ operation }) => {
      for (const [status, response] of problemResponsesOf(operation)) {
        const kinds = documentedKinds(response.description ?? '');
        expect(kinds.length, `${status} lists kinds`).toBeGreaterThan(0);
        for (const kind of kinds) expect(PROBLEMS[kind].status, kind).toBe(Number(status));
        const example = response.content!['application/problem+json']!.example!;
        expect(kinds.map(problemType), `${status} example`).toContain(example.type);
        expect(example.detail, `${status} example detail`).not.toBe('');
      }
    },
  );

  it('a GET lists no kind that needs a request body', () => {
    const gets = operations.filter(({ name }) => name.startsWith('GET '));
    expect(gets.length).toBeGreaterThan(10);
    for (const { name, operation } of gets) {
      const listed = problemResponsesOf(operation).flatMap(([, r]) => documentedKinds(r.description ?? ''));
      expect(
        listed.filter((kind) => BODY_KINDS.includes(kind)),
        name,
      ).toEqual([]);
    }
  });
});

describe('every problem a route answers is a kind it lists', () => {
  let t: TestApp;
  let articleId = 0;
  beforeAll(async () => {
    t = await buildTestApp({ logLevel: 'silent' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: fixtureText(SEED_ID),
    });
    expect(created.statusCode).toBe(201);
    articleId = created.json<{ id: number }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Bad inputs any route may meet: malformed ids and parameters, bodies it may not expect. */
  function badRequests(method: string, template: string) {
    const path = (id: string) => template.replace(/\{\w+\}/g, id);
    // The stored article is not deleted: later routes read it.
    const ids = ['abc', '%zz', '999999', '0', ...(method === 'DELETE' ? [] : [String(articleId)])];
    const paths = template.includes('{') ? ids.map(path) : [template];
    const queries = [
      '',
      '?limit=0',
      '?cursor=nonsense',
      '?since=nonsense',
      '?sort=relevance',
      `?q=${Array.from({ length: 33 }, (_, i) => `w${i}`).join('+')}`,
      '?q=t*',
      '?fields=nope',
    ];
    const bodies: { headers?: Record<string, string>; payload?: string }[] = [
      {},
      { headers: { 'content-type': 'application/json' }, payload: '{"text":' },
      { headers: { 'content-type': 'application/json' }, payload: '[]' },
      { headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
      { headers: { 'content-type': 'text/plain; charset=latin1' }, payload: 'x' },
      { headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, payload: 'not gzip' },
      { headers: { 'content-type': 'text/plain' }, payload: 'no story\u0000here' },
      { headers: { 'content-type': 'application/x-ndjson' }, payload: '{"text":\n' },
      { headers: { accept: 'image/png' } },
    ];
    return paths.flatMap((url) =>
      queries.flatMap((query) =>
        bodies.map(({ headers, payload }) => ({
          method,
          url: `${url}${query}`,
          headers: headers ?? {},
          ...(payload === undefined ? {} : { payload }),
        })),
      ),
    );
  }

  it.each(operations.filter(({ name }) => !name.startsWith('GET /docs')))(
    '$name',
    async ({ name }) => {
      const [method, template] = name.split(' ') as [string, string];
      const seen = new Set<string>();
      for (const request of badRequests(method, template)) {
        const response = await t.app.inject({ ...request, method: request.method as 'GET' });
        if (response.statusCode < 400) continue;
        const operation = operationFor(method, new URL(request.url, 'http://x').pathname);
        if (operation === null) continue; // answered outside this operation (e.g. another route)
        seen.add(`${response.statusCode} ${response.json<{ type: string }>().type}`);
        expectMatchesContract(method, template, response);
      }
      // The inputs reach the route's problems, not just its successes.
      if (!['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /openapi.json'].includes(name)) {
        expect([...seen].length, `${name} answered: ${[...seen].join(', ')}`).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
