/**
 * One PROBLEMS table (src/http/problem.ts): the README table, the responses each route
 * documents and every answer sent agree with it.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/http/errors.js';
import { PROBLEM_KINDS, PROBLEMS, problemTableMarkdown, problemType } from '../../src/http/problem.js';
import { documentedKinds, problemExample, problemResponses } from '../../src/http/responses.js';
import { trackRoutes } from '../../src/http/route-table.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the PROBLEMS table', () => {
  it('is the README table of problem types, as printed', () => {
    const start = README.indexOf('| type ');
    expect(start, 'README has no problem table').toBeGreaterThan(0);
    const end = README.indexOf('\n\n', start);
    // Regenerate with: npx tsx -e "import('./src/http/problem.ts').then(m => console.log(m.problemTableMarkdown()))"
    expect(`${README.slice(start, end)}\n`).toBe(problemTableMarkdown());
  });

  it('describes each documented status with the kinds the route lists, and no other', () => {
    const listed = ['validation', 'malformed-request', 'not-found'] as const;
    const responses = problemResponses(...listed) as Record<number, { description: string }>;
    expect(Object.keys(responses)).toEqual(['400', '404']);
    expect(documentedKinds(responses[400]!.description)).toEqual(['validation', 'malformed-request']);
    expect(documentedKinds(responses[404]!.description)).toEqual(['not-found']);
    for (const kind of listed) {
      expect(responses[PROBLEMS[kind].status]?.description).toContain(`\`${kind}\`: ${PROBLEMS[kind].when}`);
    }
    expect(responses[400]!.description).not.toContain('malformed-json');
    // The example is of a listed kind: /readyz answers 503 `not-ready`, never `overloaded`.
    expect(problemExample(503, ['not-ready']).type).toBe(problemType('not-ready'));
    const shown = [400, 401, 403, 404, 405, 406, 410, 413, 415, 422, 429, 500, 503, 507];
    for (const status of shown) {
      const example = problemExample(status);
      const kind = PROBLEM_KINDS.find((k) => problemType(k) === example.type);
      expect(kind && PROBLEMS[kind].status, `example for ${status}`).toBe(status);
    }
  });
});

describe('answers agree with the table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends each problem with the status the table gives its kind', async () => {
    const answers = await Promise.all([
      t.app.inject('/v2/nothing'),
      t.app.inject({ method: 'DELETE', url: '/v1/parse' }),
      t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      }),
      t.app.inject('/v1/articles?limit=0'),
      t.app.inject('/v1/articles?cursor=nonsense'),
    ]);
    for (const answer of answers) {
      const body = answer.json<{ type: string; status: number; title: string }>();
      const kind = PROBLEM_KINDS.find((k) => problemType(k) === body.type);
      expect(kind, body.type).toBeDefined();
      expect([answer.statusCode, body.status]).toEqual([PROBLEMS[kind!].status, PROBLEMS[kind!].status]);
    }
  });

  it('answers a client error no rule names with a kind of its status', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app, trackRoutes(app));
    app.get('/conflict', () => {
      throw Object.assign(new Error('the resource changed'), { statusCode: 409 });
    });
    app.get('/gone', () => {
      throw Object.assign(new Error('gone for good'), { statusCode: 404 });
    });
    try {
      const conflict = await app.inject('/conflict');
      const gone = await app.inject('/gone');
      // 409 is no status of the table: the nearest documented answer is 400 `validation`.
      expect([conflict.statusCode, conflict.json()]).toMatchObject([
        400,
        { type: problemType('validation'), status: 400, detail: 'the resource changed' },
      ]);
      expect([gone.statusCode, gone.json()]).toMatchObject([
        404,
        { type: problemType('not-found'), status: 404, detail: 'gone for good' },
      ]);
    } finally {
      await app.close();
    }
  });
});
