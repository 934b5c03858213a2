import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const seedText = fixtureText(SEED_ID);
const otherText = fixtureText('003-ar-indiatoday-micromoguls');

/** A strong entity tag: a quoted opaque string, no `W/` prefix. */
const STRONG_ETAG = /^"[\x21\x23-\x7e]+"$/;

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const ingest = (payload: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    payload,
  });

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

function etagOf(response: { headers: Record<string, unknown> }): string {
  const etag = response.headers['etag'];
  expect(typeof etag).toBe('string');
  expect(etag).toMatch(STRONG_ETAG);
  return etag as string;
}

const RESOURCES: [string, string][] = [
  ['/v1/articles/1', '/v1/articles/{id}'],
  ['/v1/articles', '/v1/articles'],
  ['/v1/articles/1/edition', '/v1/articles/{id}/edition'],
  ['/v1/articles/1/teasers', '/v1/articles/{id}/teasers'],
];

describe('ETags on reads', () => {
  beforeEach(async () => {
    expect((await ingest(seedText)).statusCode).toBe(201);
  });

  it('every successful GET carries a strong ETag, stable across requests', async () => {
    for (const [url, template] of RESOURCES) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expectMatchesContract('GET', template, first);
      const etag = etagOf(first);
      const again = await get(url);
      expect(again.headers['etag'], url).toBe(etag);
      expect(again.body).toBe(first.body);
    }
  });

  it('If-None-Match with the current tag gives 304 with an empty body and the tag', async () => {
    for (const [url] of RESOURCES) {
      const etag = etagOf(await get(url));
      const notModified = await get(url, { 'if-none-match': etag });
      expect(notModified.statusCode, url).toBe(304);
      expect(notModified.body, url).toBe('');
      expect(notModified.rawPayload.length, url).toBe(0);
      expect(notModified.headers['etag'], url).toBe(etag);
    }
  });

  it('If-None-Match matches a tag inside a list, its weak form, and *', async () => {
    const url = '/v1/articles/1';
    const etag = etagOf(await get(url));
    for (const header of [
      `"nope", ${etag}`,
      `${etag},"other"`,
      `"a" ,  ${etag} , "b"`,
      `W/${etag}`,
      `"x", W/${etag}`,
      '*',
    ]) {
      const response = await get(url, { 'if-none-match': header });
      expect(response.statusCode, header).toBe(304);
      expect(response.body, header).toBe('');
    }
  });

  it('If-None-Match with other tags gives 200 with the body', async () => {
    const url = '/v1/articles/1';
    const etag = etagOf(await get(url));
    for (const header of ['"nope"', `"${etag.slice(1, -2)}"`, `"x", "y"`, 'W/"z"']) {
      const response = await get(url, { 'if-none-match': header });
      expect(response.statusCode, header).toBe(200);
      expect(response.json().id).toBe(1);
      expect(response.headers['etag']).toBe(etag);
    }
  });

  it('the list ETag changes when the list changes, and comes back when it is undone', async () => {
    const before = etagOf(await get('/v1/articles'));
    const created = await ingest(otherText);
    expect(created.statusCode).toBe(201);
    const otherId = created.json().id as number;

    const after = await get('/v1/articles', { 'if-none-match': before });
    expect(after.statusCode).toBe(200);
    expect(after.json().items).toHaveLength(2);
    const afterTag = etagOf(after);
    expect(afterTag).not.toBe(before);

    // The single article's own tag does not move when another article arrives.
    const article = await get('/v1/articles/1');
    expect(article.statusCode).toBe(200);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/v1/articles/${otherId}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.headers['etag']).toBeUndefined();
    const restored = await get('/v1/articles', { 'if-none-match': before });
    expect(restored.statusCode).toBe(304);
    const stale = await get('/v1/articles', { 'if-none-match': afterTag });
    expect(stale.statusCode).toBe(200);
  });

  it('negotiated representations have different ETags, and each is honoured for its own type', async () => {
    const tags = new Map<string, string>();
    for (const accept of ['application/json', 'text/markdown', 'text/plain', 'text/html']) {
      const response = await get('/v1/articles/1', { accept });
      expect(response.statusCode, accept).toBe(200);
      tags.set(accept, etagOf(response));
    }
    expect(new Set(tags.values()).size).toBe(4);

    const markdownTag = tags.get('text/markdown') ?? '';
    const asMarkdown = await get('/v1/articles/1', { accept: 'text/markdown', 'if-none-match': markdownTag });
    expect(asMarkdown.statusCode).toBe(304);
    expect(asMarkdown.headers['vary']).toMatch(/\bAccept\b/i);
    // The markdown tag does not validate the JSON representation.
    const asJson = await get('/v1/articles/1', { accept: 'application/json', 'if-none-match': markdownTag });
    expect(asJson.statusCode).toBe(200);
    expect(asJson.headers['etag']).toBe(tags.get('application/json'));
  });
});

describe('no ETags on writes and errors', () => {
  it('POST responses (201, 200, 422, 400) carry none', async () => {
    const created = await ingest(seedText);
    expect(created.statusCode).toBe(201);
    expect(created.headers['etag']).toBeUndefined();
    const again = await ingest(seedText);
    expect(again.statusCode).toBe(200);
    expect(again.headers['etag']).toBeUndefined();
    const noStory = await ingest('Bereits Abonnent? Anmelden');
    expect(noStory.statusCode).toBe(422);
    expect(noStory.headers['etag']).toBeUndefined();
    const invalid = await t.app.inject({ method: 'POST', url: '/v1/articles', payload: { nope: 1 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['etag']).toBeUndefined();
    const parsed = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.headers['etag']).toBeUndefined();
  });

  it('error responses to GET carry none, and If-None-Match: * does not turn a 404 into a 304', async () => {
    for (const url of ['/v1/articles/7', '/v1/articles/7/teasers', '/v1/articles/abc', '/v2/nothing']) {
      const response = await get(url, { 'if-none-match': '*' });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.headers['etag'], url).toBeUndefined();
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });
});
