import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectMatchesContract, openapi } from '../helpers/contract.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

/**
 * Ids in paths and cursors: only the canonical decimal spelling of a positive safe integer
 * names a resource. Every other spelling of the same number is a 400 `validation` problem,
 * never a lenient read (or delete) of resource 2.
 */

/** Spellings a lenient number parser reads as 2 (as sent on the wire: `%20` is a space). */
const NON_CANONICAL_TWO = [
  '0x2',
  '0b10',
  '0o2',
  '1e0',
  '2e0',
  '+2',
  '%202',
  '2%20',
  '%092',
  '02',
  '002',
  '2.0',
  '2.',
  '%2B2',
];

/** Every route with a numeric `{id}`; `{id}` is replaced. */
const ID_ROUTES: { method: 'GET' | 'DELETE'; template: string }[] = [
  { method: 'GET', template: '/v1/articles/{id}' },
  { method: 'GET', template: '/v1/articles/{id}/source' },
  { method: 'GET', template: '/v1/articles/{id}/edition' },
  { method: 'GET', template: '/v1/articles/{id}/teasers' },
  { method: 'GET', template: '/v1/editions/{id}' },
  { method: 'GET', template: '/v1/editions/{id}/articles' },
  { method: 'GET', template: '/v1/publications/{id}' },
  { method: 'GET', template: '/v1/publications/{id}/editions' },
  { method: 'DELETE', template: '/v1/articles/{id}' },
];

const cursorOf = (...values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  // Two pages of different publications: article, edition and publication 2 all exist.
  for (const fixture of [SEED_ID, '003-ar-indiatoday-micromoguls']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: fixtureText(fixture),
    });
    expect(response.statusCode, fixture).toBe(201);
  }
  for (const url of ['/v1/articles/2', '/v1/editions/2', '/v1/publications/2']) {
    expect((await t.app.inject(url)).statusCode, url).toBe(200);
  }
});
afterEach(async () => {
  await t.close();
});

describe('numeric ids in paths', () => {
  it.each(ID_ROUTES)(
    '$method $template: only canonical decimal ids; other spellings are 400',
    async (route) => {
      for (const spelling of NON_CANONICAL_TWO) {
        const url = route.template.replace('{id}', spelling);
        const response = await t.app.inject({ method: route.method, url });
        expect(response.statusCode, `${route.method} ${url}`).toBe(400);
        expect(response.json(), url).toMatchObject({ type: 'urn:masthead:problem:validation', status: 400 });
        expect(response.json().errors[0].path, url).toBe('params/id');
        expectMatchesContract(route.method, route.template, response);
      }
      // Beyond the safe-integer range: the id could not be represented exactly.
      for (const spelling of ['9007199254740992', '99999999999999999999', '0', '-2']) {
        const response = await t.app.inject({
          method: route.method,
          url: route.template.replace('{id}', spelling),
        });
        expect(response.statusCode, spelling).toBe(400);
      }
      // The largest safe integer is a well-formed id that names nothing.
      const largest = await t.app.inject({
        method: route.method,
        url: route.template.replace('{id}', String(Number.MAX_SAFE_INTEGER)),
      });
      expect(largest.statusCode).toBe(404);
      // Nothing was deleted through a lenient spelling: resource 2 is still there.
      expect((await t.app.inject('/v1/articles/2')).statusCode).toBe(200);
      const canonical = await t.app.inject({
        method: route.method,
        url: route.template.replace('{id}', '2'),
      });
      expect(canonical.statusCode, route.template).toBe(route.method === 'DELETE' ? 204 : 200);
    },
  );

  it('edition_id in a query is held to the same spelling', async () => {
    for (const spelling of NON_CANONICAL_TWO) {
      const response = await t.app.inject(`/v1/articles?edition_id=${spelling}`);
      expect(response.statusCode, spelling).toBe(400);
      expect(response.json().errors[0].path, spelling).toBe('querystring/edition_id');
    }
    expect((await t.app.inject('/v1/articles?edition_id=2')).statusCode).toBe(200);
  });

  it('documents the rule on every id parameter', () => {
    const paths = openapi.paths as unknown as Record<
      string,
      Record<string, { parameters?: { name: string; in: string; description?: string; schema: unknown }[] }>
    >;
    for (const route of ID_ROUTES) {
      const parameter = paths[route.template]?.[route.method.toLowerCase()]?.parameters?.find(
        (p) => p.in === 'path' && p.name === 'id',
      );
      expect(parameter?.description, route.template).toMatch(/canonical decimal/);
      expect(parameter?.schema, route.template).toMatchObject({
        type: 'integer',
        maximum: Number.MAX_SAFE_INTEGER,
      });
    }
  });
});

describe('tampered cursors', () => {
  const negative: [string, string][] = [
    ['/v1/articles', cursorOf('articles', '', -1)],
    ['/v1/articles', cursorOf('articles', '2024-10-23', -5)],
    ['/v1/editions', cursorOf('editions', '', -1)],
    ['/v1/publications', cursorOf('publications', 'A', -1)],
    ['/v1/teasers', cursorOf('teasers', -1)],
    ['/v1/teasers', cursorOf('teasers', -9007199254740991)],
    ['/v1/articles/1/teasers', cursorOf('article-teasers', 1, -1)],
  ];

  it.each(negative)('%s rejects a cursor with a negative position', async (url, cursor) => {
    const response = await t.app.inject(`${url}?cursor=${cursor}`);
    expect(response.statusCode, url).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor', status: 400 });
  });

  it('rejects a search cursor with a negative offset', async () => {
    const first = await t.app.inject('/v1/articles?q=the&limit=1');
    expect(first.statusCode).toBe(200);
    const issued = first.json().next_cursor as string;
    expect(issued).not.toBeNull();
    // The same cursor with its offset (its last number) made negative.
    const values = JSON.parse(Buffer.from(issued, 'base64url').toString('utf8')) as unknown[];
    expect(typeof values.at(-1)).toBe('number');
    for (const offset of [-1, -100]) {
      const tampered = cursorOf(...values.slice(0, -1), offset);
      const response = await t.app.inject(`/v1/articles?q=the&limit=1&cursor=${tampered}`);
      expect(response.statusCode, String(offset)).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
    }
  });
});
