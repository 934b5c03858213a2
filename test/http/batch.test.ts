import { afterEach, describe, expect, it } from 'vitest';
import { expectMatchesContract, expectMatchesSchema, openapi } from '../helpers/contract.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { BATCH_WINDOW } from '../../src/http/routes/batch.js';
import type { ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import type { IngestHints, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const seedText = fixtureText(SEED_ID);
const otherText = fixtureText('003-ar-indiatoday-micromoguls');
const thirdText = fixtureText('008-es-globalmovie-importance-to-looks');
const seedHtml = `<html><body>${seedText
  .split('\n')
  .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
  .join('\n')}</body></html>`;

const NDJSON = 'application/x-ndjson';
const BATCH = '/v1/articles:batch';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function app(config: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp> {
  t = await buildTestApp(config);
  return t;
}

const postBatch = (test: TestApp, payload: string | Buffer, headers: Record<string, string> = {}) =>
  test.app.inject({
    method: 'POST',
    url: BATCH,
    headers: { 'content-type': NDJSON, ...headers },
    payload,
  });

interface BatchLine {
  line: number;
  status: number;
  id?: number;
  location?: string;
  problem?: { type: string; status: number; title: string; detail?: string; errors?: unknown[] };
}

/** Parses an NDJSON response, checking each line against the BatchResult contract. */
function resultsOf(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}): BatchLine[] {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe(`${NDJSON}; charset=utf-8`);
  expect(response.body.endsWith('\n')).toBe(true);
  const lines = response.body.slice(0, -1).split('\n');
  // The document types the 200 as the JSON array (generators type one media type per
  // response well); its description names BatchResult as the NDJSON line.
  expect(openapi.paths[BATCH]?.['post']?.responses['200']).toMatchObject({
    description: expect.stringMatching(
      /application\/x-ndjson.*BatchResult|BatchResult.*application\/x-ndjson/s,
    ),
  });
  for (const line of lines) expectMatchesSchema('BatchResult', line);
  return lines.map((line) => JSON.parse(line) as BatchLine);
}

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  kind: string,
): Record<string, unknown> {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:masthead:problem:${kind}`, status, instance: BATCH });
  expectMatchesContract('POST', '/v1/articles:batch', response as never);
  return body;
}

describe('POST /v1/articles:batch', () => {
  it('ingests good lines, reports bad ones, skips blank ones, all in order', async () => {
    const test = await app();
    const body = [
      JSON.stringify({ text: seedText }), // 1
      '', // 2: blank
      JSON.stringify({ text: otherText, url: 'https://www.magzter.com/stories/other' }), // 3
      '{"text": "unterminated', // 4: malformed JSON
      JSON.stringify({ html: seedHtml }), // 5
      JSON.stringify({ text: seedText }), // 6: duplicate of 1
      JSON.stringify({ text: 'some page', extra: true }), // 7: unknown field
      '   \t', // 8: blank
      JSON.stringify({ text: 'Bereits Abonnent? Anmelden' }), // 9: no story
      JSON.stringify({ text: thirdText }), // 10
      '', // trailing newline
    ].join('\n');
    const response = await postBatch(test, body);
    const results = resultsOf(response);
    expect(results.map((result) => result.line)).toEqual([1, 3, 4, 5, 6, 7, 9, 10]);
    expect(results.map((result) => result.status)).toEqual([201, 201, 400, 201, 200, 400, 422, 201]);
    const [seed, other, malformed, html, duplicate, unknownField, noStory, third] = results;

    expect(malformed?.id).toBeUndefined();
    expect(malformed?.problem).toMatchObject({ type: 'urn:masthead:problem:malformed-json', status: 400 });
    expect(malformed?.problem?.detail).toMatch(/line 4/);

    expect(unknownField?.problem).toMatchObject({ type: 'urn:masthead:problem:validation', status: 400 });
    expect(unknownField?.problem?.errors?.length).toBeGreaterThan(0);

    expect(noStory?.problem).toMatchObject({ type: 'urn:masthead:problem:no-story', status: 422 });
    expect(noStory?.id).toBeUndefined();

    expect(duplicate?.id).toBe(seed?.id);
    const ids = [seed, other, html, third].map((result) => result?.id);
    expect(new Set(ids).size).toBe(4);
    for (const result of [seed, other, html, duplicate, third]) {
      expect(result?.problem).toBeUndefined();
      expect(result?.location).toBe(`/v1/articles/${result?.id}`);
      const article = await test.app.inject(result?.location ?? '');
      expect(article.statusCode).toBe(200);
      expect(article.json().id).toBe(result?.id);
    }
    const seedArticle = (await test.app.inject(`/v1/articles/${seed?.id}`)).json();
    expect(seedArticle).toMatchObject({ dateline: 'SEOUL', edition: { publication: 'The Straits Times' } });
    const otherArticle = (await test.app.inject(`/v1/articles/${other?.id}`)).json();
    expect(otherArticle.source_url).toBe('https://www.magzter.com/stories/other');
    const htmlSource = await test.app.inject(`/v1/articles/${html?.id}/source`);
    expect(htmlSource.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(htmlSource.body).toBe(seedHtml);

    // Exactly the good lines were stored.
    const list = await test.app.inject('/v1/articles?limit=100');
    expect(
      list
        .json()
        .items.map((item: { id: number }) => item.id)
        .sort(),
    ).toEqual([...ids].sort((a = 0, b = 0) => a - b));
  });

  it("a line's problem is the one POST /v1/articles answers for the same submission: type, status and title", async () => {
    const test = await app();
    const submissions = [
      '{"text": "unterminated', // malformed-json
      JSON.stringify({ text: 'some page', extra: true }), // validation
      JSON.stringify({ text: 'nul \u0000 here' }), // invalid-text
      JSON.stringify({ text: 'Bereits Abonnent? Anmelden' }), // no-story
    ];
    const results = resultsOf(await postBatch(test, submissions.join('\n')));
    expect(results).toHaveLength(submissions.length);
    for (const [index, submission] of submissions.entries()) {
      const single = await test.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'application/json' },
        payload: submission,
      });
      const { type, status, title } = single.json<{ type: string; status: number; title: string }>();
      expect(results[index]?.status, submission).toBe(single.statusCode);
      expect(results[index]?.problem, submission).toMatchObject({ type, status, title });
    }
  });

  it('a page already ingested through POST /v1/articles is 200 with its id', async () => {
    const test = await app();
    const single = await test.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    expect(single.statusCode).toBe(201);
    const results = resultsOf(await postBatch(test, `${JSON.stringify({ text: seedText })}\n`));
    expect(results).toEqual([
      { line: 1, status: 200, id: single.json().id, location: `/v1/articles/${single.json().id}` },
    ]);
  });

  it('tolerates CRLF line ends', async () => {
    const test = await app();
    const body = [
      JSON.stringify({ text: seedText }),
      '',
      '{oops',
      JSON.stringify({ text: otherText }),
      '',
    ].join('\r\n');
    const results = resultsOf(await postBatch(test, body));
    expect(results.map((result) => [result.line, result.status])).toEqual([
      [1, 201],
      [3, 400],
      [4, 201],
    ]);
  });

  it('reports lines that are JSON but not submissions as validation problems', async () => {
    const test = await app();
    const body = ['42', '"text"', '[]', 'null', '{}', '{"text":"a","html":"<p>a</p>"}', '{"text":""}'].join(
      '\n',
    );
    const results = resultsOf(await postBatch(test, body));
    expect(results).toHaveLength(7);
    for (const [index, result] of results.entries()) {
      expect(result.line).toBe(index + 1);
      expect(result.status).toBe(400);
      expect(result.problem?.type).toBe('urn:masthead:problem:validation');
      expect(result.problem?.errors?.length).toBeGreaterThan(0);
    }
  });

  it('1,001 non-empty lines: 413 too-many-lines, nothing stored', async () => {
    const test = await app();
    const lines = [JSON.stringify({ text: seedText }), ...Array.from({ length: 1000 }, () => '{"text":"x"}')];
    const response = await postBatch(test, lines.join('\n'));
    expectProblem(response, 413, 'too-many-lines');
    expect((await test.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('1,000 non-empty lines (blank lines not counted) are accepted', async () => {
    const test = await app();
    const noStory = JSON.stringify({ text: 'Bereits Abonnent? Anmelden' });
    const lines = Array.from({ length: 1000 }, (_, index) => (index % 100 === 0 ? `\n${noStory}` : noStory));
    const results = resultsOf(await postBatch(test, lines.join('\n')));
    expect(results).toHaveLength(1000);
    expect(results.filter((result) => result.status !== 422)).toEqual([]);
    expect(results.at(-1)?.line).toBe(1010);
  });

  it('an unsupported content type is 415', async () => {
    const test = await app();
    const response = await postBatch(test, '<a/>', { 'content-type': 'application/xml' });
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it('a JSON body that is not an array is 400, not a crash', async () => {
    const test = await app();
    for (const payload of [JSON.stringify({ text: seedText }), '[]', '"text"']) {
      const response = await postBatch(test, payload, { 'content-type': 'application/json' });
      expectProblem(response, 400, 'validation');
    }
    expect((await test.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('a JSON array gets the results an NDJSON body of the same items gets, as one JSON array', async () => {
    const items = [
      { text: seedText },
      { text: otherText, url: 'https://www.magzter.com/stories/other' },
      { text: 'some page', extra: true },
      { html: seedHtml },
      { text: seedText },
      42,
      { text: 'Bereits Abonnent? Anmelden' },
      { text: 'nul \u0000 inside' },
    ];
    const viaLines = resultsOf(
      await postBatch(await app(), items.map((item) => JSON.stringify(item)).join('\n')),
    );
    await t?.close();
    const response = await postBatch(await app(), JSON.stringify(items), {
      'content-type': 'application/json',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expectMatchesContract('POST', BATCH, response);
    const viaArray = response.json<BatchLine[]>();
    expect(viaArray.map((result) => [result.line, result.status])).toEqual([
      [1, 201],
      [2, 201],
      [3, 400],
      [4, 201],
      [5, 200],
      [6, 400],
      [7, 422],
      [8, 400],
    ]);
    // Same outcome per item; problems name an item rather than a line.
    const withoutWording = (results: BatchLine[]) =>
      results.map(({ problem, ...result }) => ({ ...result, problem: problem && { type: problem.type } }));
    expect(withoutWording(viaArray)).toEqual(withoutWording(viaLines));
    expect(viaArray[2]?.problem?.detail).toBe('item 3 is not a page submission');
  });

  it('a JSON array holds up to 1,000 items; 1,001 is 413 too-many-lines', async () => {
    const test = await app();
    const noStory = { text: 'Bereits Abonnent? Anmelden', url: 'https://www.magzter.com/a' };
    const accepted = await postBatch(test, JSON.stringify(Array.from({ length: 1000 }, () => noStory)), {
      'content-type': 'application/json',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<BatchLine[]>().map((result) => result.status)).toEqual(
      Array.from({ length: 1000 }, () => 422),
    );
    const refused = await postBatch(test, JSON.stringify(Array.from({ length: 1001 }, () => noStory)), {
      'content-type': 'application/json',
    });
    expectProblem(refused, 413, 'too-many-lines');
  });

  it('a JSON array of many small items is 413 too-many-lines naming the 1,000-item limit, before the JSON size budget', async () => {
    const test = await app();
    for (const count of [20_000, 1001]) {
      const refused = await postBatch(test, `[${Array.from({ length: count }, () => '1').join(',')}]`, {
        'content-type': 'application/json',
      });
      const problem = expectProblem(refused, 413, 'too-many-lines');
      expect(problem.detail).toBe('a batch holds at most 1000 items; this one has more');
    }
    // A nested item's commas are not items: 1,000 items each holding a list are counted as 1,000.
    const nested = await postBatch(test, JSON.stringify(Array.from({ length: 1000 }, () => [1, 2])), {
      'content-type': 'application/json',
    });
    expect(nested.statusCode).toBe(200);
  });

  it('text/plain and text/html bodies are 415: the contract takes application/x-ndjson and JSON arrays only', async () => {
    const test = await app();
    for (const contentType of ['text/plain', 'text/html']) {
      const response = await postBatch(test, JSON.stringify({ text: seedText }), {
        'content-type': contentType,
      });
      expectProblem(response, 415, 'unsupported-media-type');
    }
    expect((await test.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('an empty body is 400', async () => {
    const test = await app();
    const response = await postBatch(test, '');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('needs a bearer token when API_TOKENS is set', async () => {
    const test = await app({ apiTokens: ['s3cret'] });
    const body = `${JSON.stringify({ text: seedText })}\n`;
    const missing = await postBatch(test, body);
    expectProblem(missing, 401, 'unauthorized');
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="masthead"');
    expectProblem(await postBatch(test, body, { authorization: 'Bearer wrong' }), 401, 'unauthorized');
    expect((await test.app.inject('/v1/articles/1')).statusCode).toBe(404);
    const results = resultsOf(await postBatch(test, body, { authorization: 'Bearer s3cret' }));
    expect(results[0]).toMatchObject({ line: 1, status: 201 });
  });

  it('has its own body limit: over it is 413; a body of several pages above the single-page limit is fine', async () => {
    const test = await app({ bodyLimitBytes: 8192, batchBodyLimitBytes: 64 * 1024 });
    const seedLine = `${JSON.stringify({ text: seedText })}\n`;
    const otherLine = `${JSON.stringify({ text: otherText })}\n`;
    expect(Buffer.byteLength(seedLine + otherLine + seedLine)).toBeGreaterThan(8192);
    const within = resultsOf(await postBatch(test, seedLine + otherLine + seedLine));
    expect(within.map((result) => result.status)).toEqual([201, 201, 200]);

    const over = await postBatch(test, seedLine.repeat(20));
    expect(Buffer.byteLength(seedLine.repeat(20))).toBeGreaterThan(64 * 1024);
    expectProblem(over, 413, 'payload-too-large');
  });

  it('a line over the single-page limit is 413 on its own line; the other lines are stored', async () => {
    const test = await app({ bodyLimitBytes: 8192 });
    const bigPage = `${seedText}\n${'Ein langer Absatz, der die Seite über die Grenze bringt. '.repeat(200)}`;
    const bigLine = JSON.stringify({ text: bigPage });
    expect(Buffer.byteLength(bigLine)).toBeGreaterThan(8192);
    const single = await test.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'application/json' },
      payload: bigLine,
    });
    expect(single.statusCode).toBe(413);

    const body = [JSON.stringify({ text: seedText }), bigLine, JSON.stringify({ text: otherText })].join(
      '\n',
    );
    const results = resultsOf(await postBatch(test, body));
    expect(results.map((result) => [result.line, result.status])).toEqual([
      [1, 201],
      [2, 413],
      [3, 201],
    ]);
    expect(results[1]?.id).toBeUndefined();
    expect(results[1]?.problem).toMatchObject({
      type: 'urn:masthead:problem:payload-too-large',
      status: 413,
    });
    expect(results[1]?.problem?.detail).toMatch(/line 2 .*8192/);
    const list = await test.app.inject('/v1/articles?limit=100');
    expect(list.json().items).toHaveLength(2);
  });

  it('the 413 for a batch names the batch limit, not the single-page limit', async () => {
    const test = await app({ batchBodyLimitBytes: 2048 });
    const response = await postBatch(test, `${JSON.stringify({ text: seedText })}\n`);
    const problem = expectProblem(response, 413, 'payload-too-large');
    expect(problem['detail']).toContain('2048');
  });

  it('parses lines concurrently but stores them in line order', async () => {
    const lines = [seedText, otherText, thirdText, seedText, fixtureText('004-en-womansera-hope')];
    let running = 0;
    let mostAtOnce = 0;
    // Earlier lines take longer to parse, so parses finish in reverse line order.
    const slowerEarlier: ParseFunction = async (submission) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const index = lines.indexOf(submission.body);
      await new Promise((resolve) => setTimeout(resolve, (lines.length - index) * 15));
      running -= 1;
      return parseSubmission(submission);
    };
    const repository = createSqliteRepository(':memory:');
    const server = await buildApp(
      { ...loadConfig({}), logLevel: 'silent' },
      { repository, parse: slowerEarlier },
    );
    t = { app: server, repository, close: async () => (await server.close(), await repository.close()) };
    const results = resultsOf(await postBatch(t, lines.map((text) => JSON.stringify({ text })).join('\n')));

    expect(mostAtOnce).toBe(lines.length);
    expect(results.map((result) => [result.line, result.status])).toEqual([
      [1, 201],
      [2, 201],
      [3, 201],
      [4, 200],
      [5, 201],
    ]);
    expect(results.map((result) => result.id)).toEqual([1, 2, 3, 1, 4]);
  });

  it('holds at most BATCH_WINDOW lines in flight', async () => {
    const count = BATCH_WINDOW * 3;
    let running = 0;
    let mostAtOnce = 0;
    const tracked: ParseFunction = async (submission) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      return parseSubmission(submission);
    };
    const repository = createSqliteRepository(':memory:');
    const server = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository, parse: tracked });
    t = { app: server, repository, close: async () => (await server.close(), await repository.close()) };
    const body = Array.from({ length: count }, (_, n) =>
      JSON.stringify({ text: seedText.replace('SEOUL', `SEOUL ${n}`) }),
    ).join('\n');
    const results = resultsOf(await postBatch(t, body));
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: count }, () => 201));
    expect(results.map((result) => result.id)).toEqual(Array.from({ length: count }, (_, n) => n + 1));
    expect(mostAtOnce).toBe(BATCH_WINDOW);
  });

  it('tells the storage that more lines follow, so that its group commit waits for them', async () => {
    // Through the real app, recorded where the engine receives it (a wrapper in the app once
    // dropped the hint).
    const repository = createSqliteRepository(':memory:');
    const hints: (IngestHints | undefined)[] = [];
    const recording = Object.create(repository) as Repository;
    recording.ingest = async (record, hint) => {
      hints.push(hint);
      return repository.ingest(record, hint);
    };
    const server = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository: recording });
    t = { app: server, repository, close: async () => (await server.close(), await repository.close()) };
    const lines = Array.from({ length: 8 }, (_, n) =>
      JSON.stringify({ text: seedText.replace('SEOUL', `SEOUL ${n}`) }),
    );
    const results = resultsOf(await postBatch(t, lines.join('\n')));
    expect(results.map((result) => result.status)).toEqual(lines.map(() => 201));
    expect(hints).toHaveLength(lines.length);
    // every line but the last is stored while later lines are still being prepared
    expect(hints.filter((hint) => hint?.moreFollow === true).length).toBeGreaterThan(0);
    expect(hints.at(-1)?.moreFollow).toBe(false);
  });
});
