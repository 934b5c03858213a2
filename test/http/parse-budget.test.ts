import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parsePoolProblem } from '../../src/http/parse-budget.js';
import { PROBLEM_CONTENT_TYPE, sendProblem } from '../../src/http/problem.js';
import {
  createParsePool,
  ParseBudgetExceededError,
  ParsePoolClosedError,
  ParsePoolFullError,
  ParseWorkerError,
} from '../../src/ingest/parse-pool.js';

describe('parsePoolProblem', () => {
  it('answers a page over its budget 422 parse-timeout, naming the budget', () => {
    const problem = parsePoolProblem(new ParseBudgetExceededError(2000));
    expect(problem).toMatchObject({ status: 422, kind: 'parse-timeout' });
    expect(problem?.detail).toMatch(/2000 ms parse budget/);
  });

  it('answers a full queue 503 with Retry-After, and a closing pool 503 not-ready', () => {
    expect(parsePoolProblem(new ParsePoolFullError(1024))).toMatchObject({
      status: 503,
      kind: 'overloaded',
      headers: { 'retry-after': '1' },
    });
    expect(parsePoolProblem(new ParsePoolClosedError())).toMatchObject({ status: 503, kind: 'not-ready' });
  });

  it('leaves crashes and other errors to the central handler (500)', () => {
    expect(parsePoolProblem(new ParseWorkerError('the parse worker crashed: x'))).toBeNull();
    expect(parsePoolProblem(new Error('x'))).toBeNull();
  });

  it('turns a real cut-off into a 422 problem+json over HTTP', async () => {
    const pool = createParsePool({ size: 1, budgetMs: 1 });
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => {
      const problem = parsePoolProblem(error);
      if (!problem) throw error;
      return sendProblem(request, reply, problem);
    });
    app.post('/parse', async (request) =>
      pool.parse({ body: request.body as string, contentType: 'text/plain', sourceUrl: null }),
    );
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/parse',
        headers: { 'content-type': 'text/plain' },
        payload: 'a\n'.repeat(512 * 1024),
      });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.json()).toMatchObject({
        type: 'urn:masthead:problem:parse-timeout',
        status: 422,
        detail: expect.stringMatching(/1 ms parse budget/),
      });
    } finally {
      await app.close();
      await pool.close();
    }
  });
});
