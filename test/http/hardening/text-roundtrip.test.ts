import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textDefect } from '../../../src/http/clean-text.js';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, type HardeningApp } from './harness.js';

const SEED = fixtureText(SEED_ID);
const RUNS = 1000;

let t: HardeningApp;
beforeAll(async () => {
  t = await hardeningApp();
});
afterAll(async () => {
  await t.close();
});

/** Any UTF-16 code unit, lone surrogates and NUL included, with the troublemakers made likely. */
const codeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '\ud83d\ude00',
      '\ufeff',
      '\r\n',
    ),
  },
);
const noise = fc.string({ unit: codeUnit, maxLength: 40 });

/** The seed's edition and paywall lines only: platform text, no story. */
const CHROME = SEED.split('\n').slice(8, 14).join('\n');

/**
 * Pages: pure noise (mostly refused, or no story), the seed's platform lines with noise after
 * them (mostly 422, no story), or the seed page with noise spliced in at a random place
 * (mostly 201 and a round trip).
 */
const pages = fc.oneof(
  noise,
  noise.map((tail) => `${CHROME}\n${tail}`),
  fc
    .tuple(fc.nat({ max: SEED.length }), noise)
    .map(([at, inserted]) => SEED.slice(0, at) + inserted + SEED.slice(at)),
);

/** Statuses seen, to show (in the test output) that every branch is exercised. */
const statuses = new Map<number, number>();

interface Problem {
  type: string;
  status: number;
}

async function roundTrip(body: { type: string; payload: string }, sent: string): Promise<void> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { 'content-type': body.type },
    payload: body.payload,
  });
  const status = response.statusCode;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  expect(status, response.body).toBeLessThan(500);
  expect([200, 201, 400, 422]).toContain(status);

  const rejectable = textDefect(sent) !== null || sent.length === 0;
  if (status === 400) {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(rejectable, `400 for a storable text: ${response.body}`).toBe(true);
    const problem = response.json<Problem>();
    expect(['urn:masthead:problem:invalid-text', 'urn:masthead:problem:validation']).toContain(problem.type);
    return;
  }
  expect(rejectable, `accepted a text with ${textDefect(sent)}`).toBe(false);
  if (status === 422) return;
  const { id } = response.json<{ id: number }>();
  const source = await t.app.inject(`/v1/articles/${id}/source`);
  expect(source.statusCode).toBe(200);
  expect(source.body === sent, 'the stored page differs from the page sent').toBe(true);
}

describe('any text either round-trips losslessly or is a 400 problem, never a 5xx', () => {
  it(`JSON bodies {"text": …} (lone surrogates arrive as \\uXXXX escapes): ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(pages, async (text) => {
        await roundTrip({ type: 'application/json', payload: JSON.stringify({ text }) }, text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`text/plain bodies (the wire carries UTF-8, so a lone surrogate is sent as U+FFFD): ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(pages, async (text) => {
        // What the server receives: the UTF-8 encoding of the string, lone surrogates replaced.
        const sent = Buffer.from(text, 'utf8').toString('utf8');
        await roundTrip({ type: 'text/plain; charset=utf-8', payload: sent }, sent);
      }),
      { numRuns: RUNS },
    );
  });

  it('every outcome occurred: created or existing, no story, refused', () => {
    console.info('statuses over both runs:', Object.fromEntries(statuses));
    for (const status of [200, 201, 400, 422])
      expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  });

  it('the generator does reach every branch', () => {
    const sample = fc.sample(pages, { numRuns: 2000, seed: 42 });
    expect(sample.some((text) => text.includes('\u0000'))).toBe(true);
    expect(sample.some((text) => textDefect(text)?.includes('surrogate'))).toBe(true);
    expect(sample.some((text) => text.startsWith(SEED.slice(0, 50)) && textDefect(text) === null)).toBe(true);
  });
});
