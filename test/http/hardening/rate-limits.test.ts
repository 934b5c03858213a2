import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, type HardeningApp } from './harness.js';

const SEED = fixtureText(SEED_ID);
let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Limits = { writesPerMinute: number; searchesPerMinute: number; parsePerMinute: number };
const OFF: Limits = { writesPerMinute: 0, searchesPerMinute: 0, parsePerMinute: 0 };

async function appWith(limits: Partial<Limits>, apiTokens: string[] = []) {
  t = await hardeningApp({ rateLimits: { ...OFF, ...limits }, apiTokens });
  return t.app;
}

type Inject = InjectOptions | string;
type Injected = Awaited<ReturnType<typeof inject>>;
const inject = (app: HardeningApp['app'], request: Inject) => app.inject(request);

function expectRateLimited(response: Injected, max: number): void {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:rate-limited', status: 429 });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.headers['ratelimit-limit']).toBe(String(max));
  expect(response.headers['ratelimit-remaining']).toBe('0');
  expect(response.headers['ratelimit-reset']).toBe(String(retryAfter));
  expect(response.headers['ratelimit-policy']).toBe(`${max};w=60`);
  expect(response.headers['x-request-id']).toBeDefined();
}

/** Sends `request` max times (all allowed, remaining counting down), then once more: 429. */
async function exhaust(app: HardeningApp['app'], request: () => Inject, max: number) {
  for (let sent = 1; sent <= max; sent += 1) {
    const response = await inject(app, request());
    expect(response.statusCode, response.body).not.toBe(429);
    expect(response.headers['ratelimit-remaining']).toBe(String(max - sent));
  }
  const limited = await inject(app, request());
  expectRateLimited(limited, max);
  return limited;
}

const parse = (): Inject => ({
  method: 'POST',
  url: '/v1/parse',
  headers: { 'content-type': 'text/plain' },
  payload: SEED,
});

describe('rate limits: 429 problem+json with Retry-After and RateLimit headers', () => {
  it('POST /v1/parse has its own limit', async () => {
    const app = await appWith({ parsePerMinute: 3 });
    await exhaust(app, parse, 3);
    // Writes and reads are not counted against it.
    expect((await app.inject('/v1/articles')).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/v1/articles/9' })).statusCode).toBe(404);
  });

  it('writes share one budget across POST and DELETE routes; the limited request never reaches the handler', async () => {
    const app = await appWith({ writesPerMinute: 3 });
    let next = 0;
    const writes: (() => Inject)[] = [
      () => ({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'text/plain' },
        payload: SEED,
      }),
      () => ({ method: 'DELETE', url: '/v1/articles/99' }),
      () => ({
        method: 'POST',
        url: '/v1/admin/reparse',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      }),
      () => ({
        method: 'POST',
        url: '/v1/articles:batch',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: JSON.stringify({ text: `${SEED}\nanother` }),
      }),
    ];
    await exhaust(app, () => (writes[next++] as () => Inject)(), 3);
    // The batch (4th write) was refused before it ran: only the first POST stored a page.
    const list = (await app.inject('/v1/articles')).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(1);
    // Parse and reads stay open.
    expect((await app.inject(parse())).statusCode).toBe(200);
    expect((await app.inject('/v1/articles/1')).statusCode).toBe(200);
  });

  it('searches: GET /v1/articles and /v1/teasers with q count; without q they do not', async () => {
    const app = await appWith({ searchesPerMinute: 2 });
    for (let index = 0; index < 5; index += 1) {
      const plain = await app.inject('/v1/articles');
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['ratelimit-limit']).toBeUndefined();
    }
    let turn = 0;
    await exhaust(app, () => (turn++ % 2 === 0 ? '/v1/articles?q=korea' : '/v1/teasers?q=korea'), 2);
    expectRateLimited(await app.inject('/v1/teasers?q=angkor'), 2);
    expect((await app.inject('/v1/teasers')).statusCode).toBe(200);
  });

  it('keys by valid bearer token, else by IP: invented tokens share the IP budget', async () => {
    const app = await appWith({ writesPerMinute: 2 }, ['alpha-token', 'beta-token']);
    const del =
      (token?: string, remoteAddress = '127.0.0.1') =>
      (): InjectOptions => ({
        method: 'DELETE',
        url: '/v1/articles/1',
        remoteAddress,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
    await exhaust(app, del('alpha-token'), 2);
    // Another valid token has its own budget, as does the bare IP.
    expect((await app.inject(del('beta-token')())).statusCode).toBe(404);
    expect((await app.inject(del()())).statusCode).toBe(401);
    // Made-up tokens are keyed by IP: they do not buy a fresh budget each.
    expect((await app.inject(del('made-up-1')())).statusCode).toBe(401);
    expectRateLimited(await app.inject(del('made-up-2')()), 2);
    // Other clients (another IP) are not affected.
    const elsewhere = await app.inject(del('made-up-3', '192.0.2.7')());
    expect(elsewhere.statusCode).toBe(401);
  });

  it('the budget comes back when the minute is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const app = await appWith({ parsePerMinute: 2 });
      const limited = await exhaust(app, parse, 2);
      vi.setSystemTime(Date.now() + Number(limited.headers['retry-after']) * 1000 + 1);
      const again = await app.inject(parse());
      expect(again.statusCode).toBe(200);
      expect(again.headers['ratelimit-remaining']).toBe('1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('0 turns a limit off; /metrics, /healthz and /docs are never limited', async () => {
    const app = await appWith({ writesPerMinute: 1, searchesPerMinute: 1, parsePerMinute: 0 });
    for (let index = 0; index < 20; index += 1) {
      const response = await app.inject(parse());
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
    for (const url of ['/metrics', '/healthz', '/openapi.json']) {
      for (let index = 0; index < 5; index += 1) expect((await app.inject(url)).statusCode).toBe(200);
    }
  });

  it('a 429 is served before the body is read or the token checked', async () => {
    const app = await appWith({ writesPerMinute: 1 }, ['alpha-token']);
    await app.inject({ method: 'DELETE', url: '/v1/articles/1' });
    // Wrong token, unsupported media type, and an oversized body: still a 429.
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'application/xml', authorization: 'Bearer nope' },
      payload: 'x'.repeat(3 * 1024 * 1024),
    });
    expectRateLimited(response, 1);
  });
});
