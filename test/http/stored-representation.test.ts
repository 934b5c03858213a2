/**
 * GET /v1/articles/{id} serves the representation stored beside the article (migration 014):
 * the same bytes, ETag and headers as the one built from rows, and 304 to its tag.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('GET /v1/articles/{id} from the stored representation', () => {
  it('answers what the rows build, byte for byte, and 304 to its ETag', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: fixtureText(SEED_ID),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(await t.repository.getArticleRepresentation(id)).not.toBeNull();

    const stored = await get(`/v1/articles/${id}`);
    // the same route with nothing stored: built from rows and serialised per request
    const read = t.repository.getArticleRepresentation.bind(t.repository);
    t.repository.getArticleRepresentation = async () => null;
    const built = await get(`/v1/articles/${id}`);
    t.repository.getArticleRepresentation = read;

    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.equals(built.rawPayload)).toBe(true);
    for (const header of ['etag', 'content-type', 'content-length', 'vary']) {
      expect(stored.headers[header], header).toBe(built.headers[header]);
    }
    expect(stored.json()).toEqual(created.json());

    const again = await get(`/v1/articles/${id}`, { 'if-none-match': stored.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
    const head = await t.app.inject({ method: 'HEAD', url: `/v1/articles/${id}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(stored.headers.etag);
  });
});
