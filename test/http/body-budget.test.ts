import type { ClientRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { hardeningApp, listen, send, type HardeningApp } from './hardening/harness.js';

const MiB = 1024 * 1024;
const SEED = fixtureText(SEED_ID);
/** A page of about 1 MiB: the seed, padded with lines the parser drops or keeps, it does not matter. */
const PAGE = `${SEED}\n${'Ein Absatz über Wale, der sich wiederholt.\n'.repeat(Math.floor(MiB / 44))}`;

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Parses that wait until released, so that their requests (and bodies) stay in flight. */
function heldParses(): { parse: ParseFunction; started: () => number; release: () => void } {
  const waiting: (() => void)[] = [];
  let started = 0;
  let released = false;
  const parse: ParseFunction = async (submission) => {
    started += 1;
    if (!released) await new Promise<void>((resolve) => waiting.push(resolve));
    return parseSubmission(submission);
  };
  return {
    parse,
    started: () => started,
    release: () => {
      released = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

/** Sends the headers and no body; the connection goes once the response has been read. */
function headersOnly(request: ClientRequest): void {
  request.flushHeaders();
  request.on('response', (response) => response.on('end', () => request.destroy()));
}

describe('BODY_BUDGET_BYTES: request bodies held at once', () => {
  it('past the budget, requests with a body get 503 overloaded with Retry-After; the others are served', async () => {
    const held = heldParses();
    t = await hardeningApp({ bodyLimitBytes: 2 * MiB, bodyBudgetBytes: 4 * MiB }, { dependencies: held });
    const app = t.app;
    const bodyBytes = Buffer.byteLength(PAGE);
    expect(bodyBytes).toBeGreaterThan(MiB);
    const fits = Math.floor((4 * MiB) / bodyBytes);
    expect(fits).toBe(3);

    const responses = Array.from({ length: 10 }, () =>
      app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain' },
        payload: PAGE,
      }),
    );
    // Requests without a body are never refused for it.
    const health = await app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    await expect.poll(() => held.started()).toBe(fits);
    held.release();
    const statuses = (await Promise.all(responses)).map((response) => {
      if (response.statusCode === 503) {
        expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:overloaded', status: 503 });
        expect(response.headers['retry-after']).toBe('1');
      }
      return response.statusCode;
    });
    expect(statuses.filter((status) => status === 200)).toHaveLength(fits);
    expect(statuses.filter((status) => status === 503)).toHaveLength(10 - fits);
    expect(held.started()).toBe(fits);

    // Each body's share is returned when its response is done.
    const later = await Promise.all(
      Array.from({ length: fits }, () =>
        app.inject({
          method: 'POST',
          url: '/v1/parse',
          headers: { 'content-type': 'text/plain' },
          payload: PAGE,
        }),
      ),
    );
    expect(later.map((response) => response.statusCode)).toEqual(Array.from({ length: fits }, () => 200));
  });

  it('answers 503 from the headers alone: the refused body is never waited for', async () => {
    const held = heldParses();
    t = await hardeningApp({ bodyLimitBytes: 2 * MiB, bodyBudgetBytes: 2 * MiB }, { dependencies: held });
    const port = await listen(t.app);
    const bytes = Buffer.byteLength(PAGE);
    const first = send(
      port,
      { path: '/v1/parse', headers: { 'content-type': 'text/plain', 'content-length': bytes } },
      (request) => request.end(PAGE),
    );
    await expect.poll(() => held.started()).toBe(1);
    // Headers only: a server that waited for this body would never answer.
    const refused = await send(
      port,
      { path: '/v1/parse', headers: { 'content-type': 'text/plain', 'content-length': bytes } },
      headersOnly,
    );
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ type: 'urn:masthead:problem:overloaded' });
    // A chunked body counts as large as the route allows.
    const chunked = await send(
      port,
      { path: '/v1/articles', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } },
      headersOnly,
    );
    expect(chunked.status).toBe(503);
    held.release();
    expect((await first).status).toBe(200);
  });

  it('a compressed body counts as large as the route allows: its small Content-Length is not what it decodes to', async () => {
    const held = heldParses();
    t = await hardeningApp({ bodyLimitBytes: 2 * MiB, bodyBudgetBytes: 4 * MiB }, { dependencies: held });
    const app = t.app;
    const gzipped = gzipSync(PAGE);
    expect(gzipped.length).toBeLessThan(MiB / 8);
    const responses = Array.from({ length: 4 }, () =>
      app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        payload: gzipped,
      }),
    );
    // Two limits fit the budget; counted by their compressed length, all four would have.
    await expect.poll(() => held.started()).toBe(2);
    held.release();
    const statuses = (await Promise.all(responses)).map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 200, 503, 503]);
  });

  it('every route that reads a body documents the 503', async () => {
    const held = heldParses();
    t = await hardeningApp({ bodyLimitBytes: 2 * MiB, bodyBudgetBytes: 2 * MiB }, { dependencies: held });
    const app = t.app;
    const first = app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: PAGE,
    });
    await expect.poll(() => held.started()).toBe(1);
    const batch = JSON.stringify({ text: PAGE });
    for (const [method, url, path, contentType, payload] of [
      ['POST', '/v1/parse', '/v1/parse', 'text/plain', PAGE],
      ['POST', '/v1/articles', '/v1/articles', 'application/json', batch],
      ['POST', '/v1/articles:batch', '/v1/articles:batch', 'application/x-ndjson', batch],
      [
        'POST',
        '/v1/admin/reparse',
        '/v1/admin/reparse',
        'application/json',
        `{"all":true}${' '.repeat(MiB)}`,
      ],
      ['DELETE', '/v1/articles/1', '/v1/articles/{id}', 'text/plain', PAGE],
    ] as const) {
      const response = await app.inject({ method, url, headers: { 'content-type': contentType }, payload });
      expect(response.statusCode, url).toBe(503);
      expectMatchesContract(method, path, response);
    }
    held.release();
    expect((await first).statusCode).toBe(201);
  });
});
