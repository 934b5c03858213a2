import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureJson, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const seedText = fixtureText(SEED_ID);
const seed = fixtureJson<{ body_paragraphs: string[] }>(SEED_ID, 'expected.json');
const firstParagraph = seed.body_paragraphs[0] ?? '';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    payload: seedText,
  });
  expect(created.statusCode).toBe(201);
  expect(created.json().id).toBe(1);
});
afterEach(async () => {
  await t.close();
});

const getArticle = (accept?: string, url = '/v1/articles/1') =>
  t.app.inject({ method: 'GET', url, headers: accept === undefined ? {} : { accept } });

describe('GET /v1/articles/{id}: content negotiation', () => {
  it('serves JSON without Accept, with */* and with application/json', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/*', 'application/json; q=0.9']) {
      const response = await getArticle(accept);
      expect(response.statusCode, String(accept)).toBe(200);
      expect(response.headers['content-type'], String(accept)).toBe('application/json; charset=utf-8');
      expect(response.headers['vary'], String(accept)).toMatch(/\bAccept\b/i);
      expectMatchesContract('GET', '/v1/articles/{id}', response);
      const article = response.json();
      expect(article).toMatchObject({
        id: 1,
        dateline: 'SEOUL',
        paragraphs: seed.body_paragraphs,
        edition: { publication: 'The Straits Times', date: '2024-10-23' },
      });
    }
  });

  it('serves text/markdown with the first paragraph and the edition line', async () => {
    const response = await getArticle('text/markdown');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['vary']).toMatch(/\bAccept\b/i);
    expect(response.body).toContain(firstParagraph);
    expect(response.body).toContain('The Straits Times');
    expect(response.body).not.toMatch(/^\s*[{[]/); // not JSON
    expect(response.body.endsWith('\n')).toBe(true);
  });

  it('serves text/plain with the first paragraph and the edition line, no markup', async () => {
    const response = await getArticle('text/plain');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['vary']).toMatch(/\bAccept\b/i);
    expect(response.body).toContain(firstParagraph);
    expect(response.body).toContain('The Straits Times');
    expect(response.body).not.toContain('<p>');
    expect(response.body).not.toMatch(/^#/m);
  });

  it('serves text/html: a script-free HTML5 page with a heading and a machine-readable date', async () => {
    const response = await getArticle('text/html');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['vary']).toMatch(/\bAccept\b/i);
    const html = response.body;
    expect(html.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1');
    expect(html).toContain('<time datetime="2024-10-23">');
    expect(html).toContain('The Straits Times');
    expect(html).toContain('<html lang="en">');
    expect(html.toLowerCase()).not.toContain('<script');
    // The first paragraph is there (HTML-escaped: apostrophes become &#39;).
    expect(html).toContain('As evidence mounts of North Korea&#39;s plans');
  });

  it('honours q-values: the highest q wins over the order written', async () => {
    const cases: [string, string][] = [
      ['text/html;q=0.5, text/markdown', 'text/markdown'],
      ['text/html;q=0.5, text/markdown;q=0.6', 'text/markdown'],
      ['text/markdown;q=0.2, text/html', 'text/html'],
      ['application/json;q=0.1, text/plain', 'text/plain'],
      ['text/*', 'text/markdown'],
      ['text/*;q=0.3, text/html', 'text/html'],
      ['*/*;q=0.1, text/plain;q=0.5', 'text/plain'],
      ['application/json;q=0, */*', 'text/markdown'],
      ['TEXT/HTML', 'text/html'],
    ];
    for (const [accept, expected] of cases) {
      const response = await getArticle(accept);
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-type'], accept).toBe(`${expected}; charset=utf-8`);
    }
  });

  it('answers 406 problem+json when nothing acceptable is offered', async () => {
    for (const accept of ['image/png', 'application/xml, image/*', 'text/html;q=0, application/json;q=0']) {
      const response = await getArticle(accept);
      expect(response.statusCode, accept).toBe(406);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        type: 'urn:masthead:problem:not-acceptable',
        status: 406,
        instance: '/v1/articles/1',
      });
      expect(response.headers['etag']).toBeUndefined();
      expectMatchesContract('GET', '/v1/articles/{id}', response);
    }
  });

  it('answers 404 problem+json for an unknown article whatever the representation', async () => {
    for (const accept of ['application/json', 'text/markdown', 'text/html']) {
      const response = await getArticle(accept, '/v1/articles/42');
      expect(response.statusCode, accept).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expectMatchesContract('GET', '/v1/articles/{id}', response);
    }
  });
});
