import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const seedText = fixtureText(SEED_ID);
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (app: TestApp, url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  app.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'text/plain', ...headers },
    payload: seedText,
  });

describe('write access with API_TOKENS set', () => {
  it('needs a bearer token, and says so with WWW-Authenticate', async () => {
    t = await buildTestApp({ apiTokens: ['s3cret', 'other-token'] });
    const missing = await post(t, '/v1/articles');
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="masthead"');
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ type: 'urn:masthead:problem:unauthorized', status: 401 });

    for (const authorization of [
      'Bearer wrong',
      'Bearer s3cre',
      'Bearer s3cret-and-more',
      'Basic s3cret',
      'Bearer ',
    ]) {
      expect((await post(t, '/v1/articles', { authorization })).statusCode, authorization).toBe(401);
    }
  });

  it('accepts any configured token, from any address', async () => {
    t = await buildTestApp({ apiTokens: ['s3cret', 'other-token'] });
    expect(
      (await post(t, '/v1/articles', { authorization: 'Bearer other-token' }, '203.0.113.9')).statusCode,
    ).toBe(201);
    expect((await post(t, '/v1/articles', { authorization: 'bearer s3cret' })).statusCode).toBe(200);
  });

  it('leaves reads and /v1/parse open', async () => {
    t = await buildTestApp({ apiTokens: ['s3cret'] });
    expect((await post(t, '/v1/parse', {}, '203.0.113.9')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/v1/articles/1', remoteAddress: '203.0.113.9' })).statusCode).toBe(
      404,
    );
  });
});

describe('write access without API_TOKENS', () => {
  it('accepts loopback clients only', async () => {
    t = await buildTestApp({ apiTokens: [] });
    const remote = await post(t, '/v1/articles', {}, '203.0.113.9');
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ type: 'urn:masthead:problem:forbidden' });
    expect((await post(t, '/v1/articles', {}, '::1')).statusCode).toBe(201);
    expect((await post(t, '/v1/articles', {}, '::ffff:127.0.0.1')).statusCode).toBe(200);
  });
});
