import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const seedText = fixtureText(SEED_ID);
const html = readFileSync(
  new URL('../fixtures/html/magzter-de-nachtzuege/raw.html', import.meta.url),
  'utf8',
);

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const post = (url: string, contentType: string, payload: string) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

describe('a page sent with the wrong media type', () => {
  it('NDJSON to POST /v1/articles is a 415 pointing at the batch endpoint', async () => {
    const ndjson = `${JSON.stringify({ text: seedText })}\n${JSON.stringify({ text: seedText })}\n`;
    const response = await post('/v1/articles', 'application/x-ndjson', ndjson);
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem.type).toBe('urn:masthead:problem:unsupported-media-type');
    expect(problem.detail).toContain('/v1/articles:batch');
    expect(await t.repository.listArticles({ limit: 10 })).toMatchObject({ items: [] });
  });

  it('an unknown media type on POST /v1/articles names only the types that endpoint reads', async () => {
    const response = await post('/v1/articles', 'application/xml', '<page/>');
    expect(response.statusCode).toBe(415);
    const { detail } = response.json();
    expect(detail).toContain('text/plain');
    expect(detail).toContain('application/json');
    expect(detail).not.toContain('x-ndjson');
  });

  it('HTML sent as text/plain is read as HTML, stored as text/html, and says so', async () => {
    const response = await post('/v1/articles', 'text/plain; charset=utf-8', html);
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-masthead-warning']).toMatch(/read as text\/html/);
    const article = response.json();
    expect(article.paragraphs[0]).not.toMatch(/<!doctype|<html/i);
    const source = await t.app.inject({ url: `/v1/articles/${article.id}/source` });
    expect(source.headers['content-type']).toMatch(/^text\/html/);

    // The same bytes as text/html are now the same document: 200, the same article.
    const again = await post('/v1/articles', 'text/html; charset=utf-8', html);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(article.id);
    expect(again.json().paragraphs).toEqual(article.paragraphs);
  });

  it('a text/plain body shaped like JSON is only parsed as JSON when its shape is a small object', async () => {
    // 200,000 nested arrays: JSON.parse of it blocks the event loop for hundreds of ms.
    const deep = `{"text": "x", "a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const response = await post('/v1/articles', 'text/plain; charset=utf-8', deep);
      expect(response.statusCode).toBe(422); // a page of text with no story
      expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 100_000)).toBe(
        false,
      );
    } finally {
      parse.mockRestore();
    }
  });

  it('the same bytes re-sent with another media type re-read the stored document under it', async () => {
    // A fragment is not plainly HTML, so text/plain stores it as text, tags and all.
    const fragment = seedText
      .split('\n')
      .map((line) => `${line} <br>`)
      .join('\n');
    const asText = await post('/v1/articles', 'text/plain; charset=utf-8', fragment);
    expect(asText.statusCode, asText.body.slice(0, 600)).toBe(201);
    const broken = asText.json();
    expect(broken.paragraphs.join('\n')).toContain('<br>');
    const sourceAsText = await t.app.inject({ url: `/v1/articles/${broken.id}/source` });

    const asHtml = await post('/v1/articles', 'text/html; charset=utf-8', fragment);
    expect(asHtml.statusCode).toBe(200);
    const fixed = asHtml.json();
    expect(fixed.id).toBe(broken.id); // one document, one article: now read as HTML
    expect(fixed.paragraphs.join('\n')).not.toContain('<br>');
    const source = await t.app.inject({ url: `/v1/articles/${broken.id}/source` });
    expect(source.headers['content-type']).toMatch(/^text\/html/);
    expect(source.body).toBe(fragment);
    expect(source.headers.etag).not.toBe(sourceAsText.headers.etag); // another representation
    const stored = await t.app.inject({ url: `/v1/articles/${broken.id}` });
    expect(stored.json().paragraphs).toEqual(fixed.paragraphs);

    // Sent again as it is now stored: nothing to re-read.
    const same = await post('/v1/articles', 'text/html; charset=utf-8', fragment);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(fixed);
  });

  it('HTML sent as text/plain to /v1/parse is parsed as HTML with a warning', async () => {
    const asText = (await post('/v1/parse', 'text/plain', html)).json();
    const asHtml = (await post('/v1/parse', 'text/html', html)).json();
    expect(asText.story).toEqual(asHtml.story);
    expect(asText.warnings.some((warning: string) => /read as text\/html/.test(warning))).toBe(true);
  });

  it('plain text that merely mentions a tag is not taken for HTML', async () => {
    const text = `<b> is a tag.\n${seedText}`;
    const response = await post('/v1/articles', 'text/plain', text);
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-masthead-warning']).toBeUndefined();
  });

  it('JSON sent as text/plain is a 415 telling the client to send application/json', async () => {
    const response = await post('/v1/articles', 'text/plain', JSON.stringify({ text: seedText }));
    expect(response.statusCode).toBe(415);
    const problem = response.json();
    expect(problem.type).toBe('urn:masthead:problem:unsupported-media-type');
    expect(problem.detail).toMatch(/Content-Type: application\/json/);
  });
});
