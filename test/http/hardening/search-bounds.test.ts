import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_QUERY_MAX_TERMS } from '../../../src/http/search-bounds.js';
import { hardeningApp, type HardeningApp } from './harness.js';

let t: HardeningApp;
beforeAll(async () => {
  t = await hardeningApp();
});
afterAll(async () => {
  await t.close();
});

const words = (count: number): string => Array.from({ length: count }, (_, index) => `w${index}`).join(' ');

describe('full-text queries are bounded: ≤ 256 characters, ≤ 32 terms (words of the grammar, see test/storage/search-query.test.ts)', () => {
  it.each(['/v1/articles', '/v1/teasers'])(
    '%s: 32 terms are searched, 33 are a 400 saying why',
    async (path) => {
      const ok = await t.app.inject(`${path}?q=${encodeURIComponent(words(SEARCH_QUERY_MAX_TERMS))}`);
      expect(ok.statusCode, ok.body).toBe(200);
      const tooMany = await t.app.inject(
        `${path}?q=${encodeURIComponent(words(SEARCH_QUERY_MAX_TERMS + 1))}`,
      );
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(tooMany.json()).toMatchObject({
        type: 'urn:masthead:problem:invalid-search',
        detail: 'the search query has 33 terms; at most 32 are allowed',
        errors: [{ path: 'querystring/q', message: 'at most 32 terms' }],
      });
    },
  );

  it.each(['/v1/articles', '/v1/teasers'])(
    '%s: a prefix term needs 2 characters: t* is a 400 saying why, th* is searched',
    async (path) => {
      // Combining marks do not count: the index strips them after any letter (ж́* is ж*).
      for (const q of [
        't*',
        'whale OR t*',
        '"blue w"*',
        'é*',
        '-t*',
        'ж\u0301*',
        'ж\u0301\u0301\u0301*',
        'e\u0301*',
      ]) {
        const response = await t.app.inject(`${path}?q=${encodeURIComponent(q)}`);
        expect(response.statusCode, q).toBe(400);
        expect(response.json(), q).toMatchObject({
          type: 'urn:masthead:problem:invalid-search',
          errors: [{ path: 'querystring/q', message: 'prefix terms need at least 2 characters' }],
        });
      }
      // A * that does not touch a word is punctuation, not a prefix.
      for (const q of ['th*', 'é1*', '"blue wh"*', '北朝*', '"blue w" *', 'C++*', 'жу\u0301*']) {
        expect((await t.app.inject(`${path}?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
      }
    },
  );

  it('operators do not count: 32 words joined by OR are fine', async () => {
    const q = Array.from({ length: 32 }, (_, index) => `w${index}`).join(' OR ');
    expect((await t.app.inject(`/v1/articles?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
  });

  it('a query over 256 characters is a 400 validation problem', async () => {
    const response = await t.app.inject(`/v1/articles?q=${'a'.repeat(257)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
  });

  it('page sizes are capped at 100', async () => {
    expect((await t.app.inject('/v1/articles?limit=100')).statusCode).toBe(200);
    const response = await t.app.inject('/v1/articles?limit=101');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
  });
});
