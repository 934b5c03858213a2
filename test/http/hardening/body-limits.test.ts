import { afterEach, describe, expect, it } from 'vitest';
import { hardeningApp, listen, send, type HardeningApp } from './harness.js';

const LIMIT = 4096;
let t: HardeningApp;

afterEach(async () => {
  await t.close();
});

async function storedArticles(): Promise<number> {
  const response = await t.app.inject('/v1/articles?limit=100');
  return response.json<{ items: unknown[] }>().items.length;
}

function expectPayloadTooLarge(response: {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}): void {
  expect(response.status).toBe(413);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(response.body)).toMatchObject({
    type: 'urn:masthead:problem:payload-too-large',
    status: 413,
    detail: `the body is larger than ${LIMIT} bytes`,
  });
}

describe(`bodies over BODY_LIMIT_BYTES get 413 before any handler runs`, () => {
  it('with Content-Length over the limit, on a listening server', async () => {
    t = await hardeningApp({ bodyLimitBytes: LIMIT });
    const port = await listen(t.app);
    const body = 'x'.repeat(LIMIT + 1);
    const response = await send(
      port,
      { path: '/v1/articles', headers: { 'content-type': 'text/plain', 'content-length': body.length } },
      (request) => request.end(body),
    );
    expectPayloadTooLarge(response);
    expect(await storedArticles()).toBe(0);
  });

  it('chunked with no Content-Length: answered while the client is still sending', async () => {
    t = await hardeningApp({ bodyLimitBytes: LIMIT });
    const port = await listen(t.app);
    let ended = false;
    const response = await send(
      port,
      { path: '/v1/articles', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } },
      (request) => {
        // Twice the limit, then nothing: the request never ends unless the server gives up on it.
        request.write('y'.repeat(LIMIT));
        request.write('y'.repeat(LIMIT));
        request.on('response', (response) => {
          ended = request.writableEnded;
          response.on('end', () => request.destroy());
        });
      },
    );
    expect(ended).toBe(false);
    expect(response.headers['content-length']).toBeDefined();
    expectPayloadTooLarge(response);
    expect(await storedArticles()).toBe(0);
  });

  it('a body of exactly the limit is read (and parsed)', async () => {
    t = await hardeningApp({ bodyLimitBytes: LIMIT });
    const port = await listen(t.app);
    const response = await send(
      port,
      { path: '/v1/parse', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } },
      (request) => request.end('z'.repeat(LIMIT)),
    );
    expect(response.status).toBe(200);
  });

  it('through inject too, for every page endpoint and for JSON', async () => {
    t = await hardeningApp({ bodyLimitBytes: LIMIT, batchBodyLimitBytes: 2 * LIMIT });
    const big = 'x'.repeat(LIMIT + 1);
    for (const [url, type, payload] of [
      ['/v1/articles', 'text/plain', big],
      ['/v1/parse', 'text/html', big],
      ['/v1/articles', 'application/json', JSON.stringify({ text: big })],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': type },
        payload,
      });
      expect(response.statusCode, `${url} ${type}`).toBe(413);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:payload-too-large' });
    }
    const batch = await t.app.inject({
      method: 'POST',
      url: '/v1/articles:batch',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ text: 'x'.repeat(2 * LIMIT) })}\n`,
    });
    expect(batch.statusCode).toBe(413);
    expect(batch.json()).toMatchObject({ detail: `the body is larger than ${2 * LIMIT} bytes` });
    expect(await storedArticles()).toBe(0);
  });
});
