import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';
import { record } from '../helpers/records.js';
import type * as NodeCrypto from 'node:crypto';

/** Bytes fed to node:crypto's hash functions, to show that serving a source hashes nothing. */
const hashed = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof NodeCrypto>();
  const count = (data: unknown) => {
    hashed.bytes += typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
  };
  return {
    ...crypto,
    hash: ((algorithm: string, data: string | Buffer, encoding?: string) => {
      count(data);
      return crypto.hash(algorithm, data, encoding as never);
    }) as typeof crypto.hash,
    createHash: ((algorithm: string) => {
      const hasher = crypto.createHash(algorithm);
      const update = hasher.update.bind(hasher);
      hasher.update = (data: string, encoding?: BufferEncoding) => {
        count(data);
        return encoding === undefined ? update(data) : update(data, encoding);
      };
      return hasher;
    }) as typeof crypto.createHash,
  };
});

const seedText = fixtureText(SEED_ID);

/** The seed page as a Windows tool would save it: BOM, CRLF, and some non-ASCII of every width. */
const bomCrlfText = `\uFEFF${seedText.replace(/\r?\n/g, '\r\n')}\r\nÜberschrift — naïve café, 東京, ﷺ, 🚀 \r\n`;

/** The seed page as HTML, with entities, a comment and non-ASCII. */
const seedHtml = [
  '<!DOCTYPE html>',
  '<html lang="de"><head><meta charset="utf-8"><title>Magzter — The Straits Times</title></head>',
  '<body>',
  ...seedText
    .split('\n')
    .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`),
  '<!-- captured: Überschrift, 東京 -->',
  '</body></html>',
  '',
].join('\r\n');

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

async function sourceOf(id: number) {
  const response = await t.app.inject({ method: 'GET', url: `/v1/articles/${id}/source` });
  expect(response.statusCode).toBe(200);
  return response;
}

describe('GET /v1/articles/{id}/source', () => {
  it('returns a plain-text page byte for byte: BOM, CRLF and non-ASCII kept', async () => {
    const bytes = Buffer.from(bomCrlfText, 'utf8');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: bytes,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json().links.source).toBe(`/v1/articles/${id}/source`);

    const response = await sourceOf(id);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(Number(response.headers['content-length'])).toBe(bytes.length);
  });

  it('returns the seed page exactly as sent', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    expect(created.statusCode).toBe(201);
    const response = await sourceOf(created.json().id);
    expect(response.rawPayload.equals(Buffer.from(seedText, 'utf8'))).toBe(true);
  });

  it('returns an HTML page posted as text/html with its content type', async () => {
    const bytes = Buffer.from(seedHtml, 'utf8');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/html; charset=UTF-8' },
      payload: bytes,
    });
    expect(created.statusCode).toBe(201);
    const response = await sourceOf(created.json().id);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.rawPayload.equals(bytes)).toBe(true);
  });

  it('returns an HTML page posted as JSON {html} with content type text/html', async () => {
    const html = `\uFEFF${seedHtml}<!-- json -->`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ html, url: 'https://www.magzter.com/stories/x' }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().source_url).toBe('https://www.magzter.com/stories/x');
    const response = await sourceOf(created.json().id);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.rawPayload.equals(Buffer.from(html, 'utf8'))).toBe(true);
  });

  it('returns a page posted as JSON {text} with content type text/plain', async () => {
    const text = bomCrlfText.replace('\uFEFF', '');
    const created = await t.app.inject({ method: 'POST', url: '/v1/articles', payload: { text } });
    expect(created.statusCode).toBe(201);
    const response = await sourceOf(created.json().id);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(text);
  });

  it('answers 404 problem+json for unknown ids and 400 for malformed ones', async () => {
    for (const url of ['/v1/articles/1/source', '/v1/articles/9007199254740991/source']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:not-found', instance: url });
      expectMatchesContract('GET', '/v1/articles/{id}/source', response);
    }
    const malformed = await t.app.inject('/v1/articles/x/source');
    expect(malformed.statusCode).toBe(400);
    expectMatchesContract('GET', '/v1/articles/{id}/source', malformed);
  });

  it('a deleted article has no source any more', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    const id = created.json().id as number;
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/articles/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject(`/v1/articles/${id}/source`)).statusCode).toBe(404);
  });

  it('serves a large stored page without hashing it, with a stable ETag and 304 on If-None-Match', async () => {
    // 8 MiB, as a batch line could store before lines were held to the page limit.
    const body = `${seedText}\n${'Ein Absatz über Wale, der sich wiederholt. '.repeat(200_000)}`;
    const { article } = await t.repository.ingest(record(undefined, body));
    const url = `/v1/articles/${article.id}/source`;

    hashed.bytes = 0;
    const first = await sourceOf(article.id);
    const second = await sourceOf(article.id);
    expect(hashed.bytes).toBeLessThan(1024);
    expect(first.rawPayload.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(Number(first.headers['content-length'])).toBe(Buffer.byteLength(body));
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(second.headers['etag']).toBe(etag);

    const notModified = await t.app.inject({ url, headers: { 'if-none-match': String(etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['etag']).toBe(etag);
    const changed = await t.app.inject({ url, headers: { 'if-none-match': '"something-else"' } });
    expect(changed.statusCode).toBe(200);
    expect(hashed.bytes).toBeLessThan(1024);
  });

  it("a source's ETag is the same tag the payload hash gave before it was stored", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: bomCrlfText,
    });
    const response = await sourceOf(created.json().id);
    const { hash } = await vi.importActual<typeof NodeCrypto>('node:crypto');
    expect(response.headers['etag']).toBe(
      `"${hash('sha256', response.rawPayload, 'base64url').slice(0, 27)}"`,
    );
  });
});
