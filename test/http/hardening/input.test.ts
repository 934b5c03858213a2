import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, type HardeningApp } from './harness.js';

const SEED = fixtureText(SEED_ID);
let t: HardeningApp;

beforeAll(async () => {
  t = await hardeningApp();
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, contentType: string, payload: string | Buffer) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

function expectProblem(response: Awaited<ReturnType<typeof post>>, status: number, kind: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: `urn:masthead:problem:${kind}`, status });
}

describe('content types and charsets', () => {
  it.each([
    'text/plain',
    'text/plain; charset=utf-8',
    'text/plain; charset=UTF-8',
    'text/plain;charset="utf-8"',
    'TEXT/PLAIN; Charset=Utf-8',
    'text/html; charset=utf8',
    'application/json; charset=utf-8',
  ])('accepts %s', async (type) => {
    const payload = type.startsWith('application/json') ? JSON.stringify({ text: SEED }) : SEED;
    const response = await post('/v1/parse', type, payload);
    expect(response.statusCode, response.body).toBe(200);
  });

  it.each([
    'text/plain; charset=latin1',
    'text/plain; charset=iso-8859-1',
    'text/plain; charset=utf-16',
    'text/html; charset="utf-16le"',
    'application/json; charset=us-ascii',
    'application/x-ndjson; charset=windows-1252',
  ])('refuses %s with 415', async (type) => {
    const response = await post(
      type.startsWith('application/x-ndjson') ? '/v1/articles:batch' : '/v1/parse',
      type,
      type.startsWith('application/') ? JSON.stringify({ text: 'x' }) : 'x',
    );
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it.each([
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'text/csv',
  ])('refuses %s with 415', async (type) => {
    expectProblem(await post('/v1/parse', type, 'a=b'), 415, 'unsupported-media-type');
  });

  it('refuses invalid UTF-8, including encoded surrogates and overlongs, with 400', async () => {
    for (const bytes of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const body = Buffer.concat([Buffer.from('Title\n'), Buffer.from(bytes), Buffer.from('\nbody')]);
      expectProblem(await post('/v1/parse', 'text/plain', body), 400, 'invalid-encoding');
      expectProblem(
        await post(
          '/v1/parse',
          'application/json',
          Buffer.concat([Buffer.from('{"text":"'), Buffer.from(bytes), Buffer.from('"}')]),
        ),
        400,
        'invalid-encoding',
      );
    }
  });
});

describe('NUL characters and lone surrogates: 400 invalid-text, never stored', () => {
  const seedWith = (inserted: string) => `${SEED.slice(0, 200)}${inserted}${SEED.slice(200)}`;

  it.each(['/v1/articles', '/v1/parse'])('raw NUL in text/plain and text/html (%s)', async (url) => {
    for (const type of ['text/plain', 'text/html']) {
      const response = await post(url, type, seedWith('\u0000'));
      expectProblem(response, 400, 'invalid-text');
      expect(response.json<{ detail: string }>().detail).toContain('NUL');
    }
  });

  it.each([
    ['\\u0000 in text', `{"text":${JSON.stringify(seedWith('\u0000'))}}`, '/text'],
    ['a lone high surrogate in text', `{"text":${JSON.stringify(seedWith('\ud800'))}}`, '/text'],
    ['a lone low surrogate in html', `{"html":${JSON.stringify(`<p>${seedWith('\udc00')}</p>`)}}`, '/html'],
    ['a reversed pair', `{"text":${JSON.stringify(seedWith('\udc00\ud800'))}}`, '/text'],
    ['a high surrogate at the very end', `{"text":${JSON.stringify(`${SEED}\ud83d`)}}`, '/text'],
    [
      'a lone surrogate in url',
      `{"text":${JSON.stringify(SEED)},"url":"https://example.com/\\ud800"}`,
      '/url',
    ],
    ['\\u0000 in url', `{"text":${JSON.stringify(SEED)},"url":"https://example.com/\\u0000"}`, '/url'],
    ['a lone surrogate in a key', `{"text":${JSON.stringify(SEED)},"\\ud800":1}`, 'a key'],
  ])('JSON: %s', async (_name, payload, where) => {
    for (const url of ['/v1/articles', '/v1/parse']) {
      const response = await post(url, 'application/json', payload);
      expectProblem(response, 400, 'invalid-text');
      expect(response.json<{ detail: string }>().detail).toContain(where);
    }
    expect((await t.app.inject('/v1/articles')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('keeps well-formed pairs (emoji) and every other control character', async () => {
    const text = seedWith('\ud83d\ude00 \u0001\u001f\u007f\u2028\ufeff\uffff');
    const response = await post('/v1/articles', 'application/json', JSON.stringify({ text }));
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json<{ id: number }>().id;
    expect((await t.app.inject(`/v1/articles/${id}/source`)).body).toBe(text);
    await t.app.inject({ method: 'DELETE', url: `/v1/articles/${id}` });
  });

  it('raw NUL or a \\u0000 escape in a batch line: JSON.parse refuses the raw one, the line fails alone', async () => {
    const lines = [JSON.stringify({ text: SEED }), `{"text":"bad\u0000line"}`].join('\n');
    const response = await post('/v1/articles:batch', 'application/x-ndjson', lines);
    expect(response.statusCode).toBe(200);
    const results = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; status: number });
    expect(results.map((result) => result.status)).toEqual([201, 400]);
    await t.app.inject({ method: 'DELETE', url: '/v1/articles/1' });
  });

  // The batch route parses its lines itself, so it checks each with jsonTextDefect too.
  it('escaped \\u0000 or a lone surrogate in a batch line: that line is 400 invalid-text', async () => {
    const lines = [
      JSON.stringify({ text: seedWith('\ud800') }),
      JSON.stringify({ text: `${SEED}\n` }),
      JSON.stringify({ text: seedWith('\u0000') }),
    ].join('\n');
    const response = await post('/v1/articles:batch', 'application/x-ndjson', lines);
    const results = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: number; problem?: { type: string } });
    expect(results.map((result) => result.status)).toEqual([400, 201, 400]);
    expect(results[0]?.problem?.type).toBe('urn:masthead:problem:invalid-text');
  });
});

describe('JSON without surprises', () => {
  it('duplicate keys: the last one wins, as in JSON.parse (documented)', async () => {
    const response = await post(
      '/v1/parse',
      'application/json',
      `{"text":"ignored","text":${JSON.stringify(SEED)}}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<{ story: { dateline: string } }>().story.dateline).toBe('SEOUL');
  });

  it.each([
    ['__proto__', `{"text":"x","__proto__":{"admin":true}}`],
    ['nested __proto__', `{"text":"x","url":{"__proto__":{"admin":true}}}`],
    ['constructor.prototype', `{"text":"x","constructor":{"prototype":{"admin":true}}}`],
  ])('%s keys are a 400 problem', async (_name, payload) => {
    const response = await post('/v1/articles', 'application/json', payload);
    expectProblem(response, 400, 'malformed-json');
    expect(response.json<{ detail: string }>().detail).toMatch(/"__proto__" key or a "constructor" key/);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('100,000 nested arrays, balanced or not: a 400 validation problem before JSON.parse', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const payload of [deep, `{"text":${deep}}`, `{"text":"x","extra":${deep}}`, '['.repeat(100_000)]) {
      const response = await post('/v1/articles', 'application/json', payload);
      expectProblem(response, 400, 'validation');
      expect(response.json<{ detail: string }>().detail).toMatch(/nests deeper than 8 levels/);
    }
  });

  it('a NUL at the bottom of nested arrays: found without recursion, or refused for its depth first', async () => {
    const shallow = `{"text":"x","extra":${'['.repeat(7)}"\\u0000"${']'.repeat(7)}}`;
    expectProblem(await post('/v1/parse', 'application/json', shallow), 400, 'invalid-text');
    const deep = `{"text":"x","extra":${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}}`;
    expectProblem(await post('/v1/parse', 'application/json', deep), 400, 'validation');
  });

  it.each([
    ['/v1/articles', '{"text":1e400}'],
    ['/v1/articles', '{"text":-1e400}'],
    ['/v1/articles', '{"text":"a page","url":1e400}'],
    ['/v1/admin/reparse', '{"all":1e400}'],
    ['/v1/admin/reparse', '{"all":1}'],
  ])(
    '%s %s: a number where a string or boolean belongs is a 400 validation problem',
    async (url, payload) => {
      const response = await post(url, 'application/json', payload);
      expectProblem(response, 400, 'validation');
    },
  );

  it('unknown fields are a 400 validation problem (strict schemas)', async () => {
    const response = await post(
      '/v1/articles',
      'application/json',
      JSON.stringify({ text: SEED, title: 'x' }),
    );
    expectProblem(response, 400, 'validation');
  });
});

describe('405 on a known path', () => {
  it('answers 405 with Allow for the wrong method', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/v1/articles/1' });
    expectProblem(response, 405, 'method-not-allowed');
    expect(response.headers['allow']).toBe('DELETE, GET, HEAD');
  });
});
