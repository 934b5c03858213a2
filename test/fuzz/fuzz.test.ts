import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import {
  checkResponse,
  count,
  describeExchange,
  knownFinding,
  materialize,
  newFigures,
  pathSeen,
  Pools,
  send,
  type Received,
  type SentRequest,
} from './harness.js';
import { operations } from './openapi-model.js';
import { FIXTURE_TEXTS, FUZZ_BODY_LIMIT, FUZZ_TOKEN, requestArbitrary } from './requests.js';

/**
 * Generated requests over every operation in openapi.yaml and over paths outside it, against
 * the real app over a database seeded with the golden pages. 1,000 runs in `npm test`;
 * `npm run fuzz` runs 10,000. The seed is fixed and printed: FUZZ_SEED=<n> replays another
 * sequence, FUZZ_RUNS=<n> sets the count, FUZZ_COLLECT=1 lists every broken invariant
 * instead of stopping at the first, FUZZ_REPORT=<file> writes the figures as JSON,
 * FUZZ_STRICT=1 fails on the known findings too (see KNOWN_FINDINGS in harness.ts).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_130);
const COLLECT = process.env['FUZZ_COLLECT'] === '1';
const REPORT = process.env['FUZZ_REPORT'];
const STRICT = process.env['FUZZ_STRICT'] === '1';

const NO_RATE_LIMITS = {
  RATE_LIMIT_WRITES_PER_MINUTE: '0',
  RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
  RATE_LIMIT_PARSE_PER_MINUTE: '0',
};

const figures = newFigures(SEED, operations.length);
const pools = new Pools();
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    // Rate limits off (0), so requests reach the handlers; a 429 would still be checked as a problem.
    ...loadConfig(NO_RATE_LIMITS),
    // a 5xx logs its error (the cause of a failure seen once in a loaded full run, not since)
    logLevel: 'error',
    bodyLimitBytes: FUZZ_BODY_LIMIT,
    batchBodyLimitBytes: 4 * FUZZ_BODY_LIMIT,
    apiTokens: [FUZZ_TOKEN],
  });
  for (const text of FIXTURE_TEXTS) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8', authorization: `Bearer ${FUZZ_TOKEN}` },
      payload: text,
    });
    expect([201, 422], `${response.statusCode} ${response.body.slice(0, 500)}`).toContain(
      response.statusCode,
    );
    if (response.statusCode === 201) pools.harvest('/v1/articles', response);
  }
  for (const url of ['/v1/editions?limit=100', '/v1/publications?limit=100', '/v1/articles?limit=5']) {
    const response = await t.app.inject(url);
    pools.harvest(url, response);
  }
});

afterAll(async () => {
  await t.close();
});

describe('fuzz: generated requests over every route in openapi.yaml', () => {
  it(
    `${RUNS} requests: none 5xx, every error a problem, every documented response valid`,
    async () => {
      console.log(`fuzz: seed ${SEED}, ${RUNS} runs (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);
      const broken = new Map<string, string[]>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(requestArbitrary, async (spec) => {
          const request: SentRequest = materialize(spec, pools);
          let response: Received | null = null;
          try {
            response = await send(t.app, request);
            count(figures, spec, request, response);
            pools.harvest(pathSeen(request.url), response);
            checkResponse(request, response);
          } catch (error) {
            const known = STRICT ? null : knownFinding(request, response);
            if (known !== null) {
              figures.known[known] = (figures.known[known] ?? 0) + 1;
              return;
            }
            const message = (error as Error).message.split('\n')[0] ?? '';
            const exchange = describeExchange(request, response);
            if (!COLLECT) throw new Error(`${(error as Error).message}\n${exchange}`, { cause: error });
            broken.set(message, [...(broken.get(message) ?? []), exchange]);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      figures.durationMs = Math.round(performance.now() - started);
      printFigures();
      for (const [message, exchanges] of broken) {
        console.log(`\n✗ ${message} (${exchanges.length}×)\n${exchanges.slice(0, 2).join('\n---\n')}`);
      }
      expect([...broken.keys()]).toEqual([]);
      // The only 5xx allowed is the known finding F1, pinned in regressions.test.ts.
      expect(figures.serverErrors).toBe(0);
    },
    60_000 + RUNS * 100,
  );

  it('/readyz is 200 afterwards', async () => {
    const response = await t.app.inject('/readyz');
    expect(response.statusCode).toBe(200);
  });
});

function printFigures(): void {
  const hit = Object.keys(figures.operationsHit).filter((key) => !key.startsWith('('));
  const summary = {
    ...figures,
    documentedHit: `${hit.length}/${figures.operationsDocumented}`,
    documentedSucceeded: `${figures.operationsSucceeded.length}/${figures.operationsDocumented}`,
  };
  console.log(
    [
      `fuzz: ${figures.runs} requests in ${(figures.durationMs / 1000).toFixed(1)} s, seed ${figures.seed}`,
      `  documented operations hit: ${summary.documentedHit}, with a 2xx: ${summary.documentedSucceeded}`,
      `  outside the contract: ${figures.operationsHit['(outside the contract)'] ?? 0}`,
      `  statuses: ${Object.entries(figures.statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
      `  5xx: ${figures.serverErrors}`,
      ...Object.entries(figures.known).map(([id, n]) => `  known finding ${id}: ${n}×`),
    ].join('\n'),
  );
  if (COLLECT) {
    for (const [operation, statuses] of Object.entries(figures.byOperation).sort()) {
      console.log(`  ${operation}: ${JSON.stringify(statuses)}`);
    }
  }
  if (REPORT !== undefined) {
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(
      REPORT,
      `${JSON.stringify({ ...summary, measuredAt: new Date().toISOString() }, null, 2)}\n`,
    );
  }
}
