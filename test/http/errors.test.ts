import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrationsDir } from '../../src/storage/migrate.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ bodyLimitBytes: 4096 });
});
afterEach(async () => {
  await t.close();
});

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  kind: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:masthead:problem:${kind}`, status });
  expect(typeof body['title']).toBe('string');
  expect(typeof body['detail']).toBe('string');
  expect(typeof body['instance']).toBe('string');
  expect(body['request_id']).toBe(response.headers['x-request-id']);
  return body;
}

describe('errors are RFC 9457 problems', () => {
  it('unknown route: 404', async () => {
    expectProblem(await t.app.inject('/v2/nothing'), 404, 'not-found');
  });

  it('wrong method on a known path: 405 with Allow', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/v1/parse' });
    expectProblem(response, 405, 'method-not-allowed');
    expect(response.headers['allow']).toBe('POST');
    const onArticle = await t.app.inject({ method: 'PUT', url: '/v1/articles/3/teasers' });
    expectProblem(onArticle, 405, 'method-not-allowed');
    expect(onArticle.headers['allow']).toBe('GET, HEAD');
  });

  it('malformed JSON: 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expectProblem(response, 400, 'malformed-json');
  });

  it('unsupported media type or charset: 415', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      }),
      415,
      'unsupported-media-type',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain; charset=latin1' },
        payload: 'abc',
      }),
      415,
      'unsupported-media-type',
    );
  });

  it('invalid UTF-8 bytes: 400, never U+FFFD', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/plain' },
      payload: Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]),
    });
    expectProblem(response, 400, 'invalid-encoding');
  });

  it('body over the limit: 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/plain' },
      payload: 'x'.repeat(5000),
    });
    expectProblem(response, 413, 'payload-too-large');
  });

  it('empty text body: 400 with the field', async () => {
    const body = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain' },
        payload: '',
      }),
      400,
      'validation',
    );
    expect(body['errors']).toEqual([{ path: 'body', message: 'the page is empty' }]);
  });
});

describe('5xx responses', () => {
  it('hide internals but carry the request id', async () => {
    const local = await buildTestApp();
    await local.repository.close();
    const response = await local.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: 'some page text',
    });
    const body = expectProblem(response, 500, 'internal');
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|stack/i);
    await local.app.close();
  });

  it('readiness turns 503 when the database is gone', async () => {
    const local = await buildTestApp();
    expect((await local.app.inject('/readyz')).json()).toEqual({
      status: 'ready',
      schema_version: loadMigrations(migrationsDir('sqlite')).length,
    });
    await local.repository.close();
    expectProblem(await local.app.inject('/readyz'), 503, 'not-ready');
    await local.app.close();
  });
});

describe('probes and docs', () => {
  it('serves /healthz, /openapi.json and /docs', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const spec = (await t.app.inject('/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    const docs = await t.app.inject('/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });
});
