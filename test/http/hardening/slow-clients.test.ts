import { afterEach, describe, expect, it } from 'vitest';
import { serverTimeouts } from '../../../src/app.js';
import { hardeningApp, listen, parseRawResponse, rawConnection, type HardeningApp } from './harness.js';

const REQUEST_TIMEOUT_MS = 1500;
/** Generous: node checks every second; this is a protocol check, not a speed figure. */
const DEADLINE_MS = REQUEST_TIMEOUT_MS + 3000;

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function expectConnectionProblem(raw: string, status: number, kind: string): void {
  const response = parseRawResponse(raw);
  expect(response.status, raw).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers['connection']).toBe('close');
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:masthead:problem:${kind}`, status });
  expect(body['request_id']).toBe(response.headers['x-request-id']);
}

describe('slow and oversized requests, on a listening server', () => {
  it('derives node timeouts that make requestTimeout work: headersTimeout below it, checks every second', () => {
    expect(serverTimeouts(30_000)).toEqual({
      requestTimeout: 30_000,
      http: { headersTimeout: 10_000, connectionsCheckingInterval: 1000 },
    });
    expect(serverTimeouts(REQUEST_TIMEOUT_MS).http.headersTimeout).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('a body trickled a byte every 100 ms gets a 408 problem and the connection closes', async () => {
    t = await hardeningApp({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const port = await listen(t.app);
    const { socket, received, closed } = await rawConnection(port);
    socket.write(
      'POST /v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n',
    );
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('a');
    }, 100);
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), DEADLINE_MS));
    const elapsed = await Promise.race([closed, deadline]);
    clearInterval(trickle);
    socket.destroy();
    expect(elapsed, 'the connection was still open at the deadline').not.toBe('deadline');
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expectConnectionProblem(received(), 408, 'request-timeout');
    console.info(`408 after ${String(elapsed)} ms (requestTimeout ${REQUEST_TIMEOUT_MS} ms)`);
  });

  it('headers that never end get a 408 too (slowloris)', async () => {
    t = await hardeningApp({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const port = await listen(t.app);
    const { socket, received, closed } = await rawConnection(port);
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    let header = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Slow-${(header += 1)}: 1\r\n`);
    }, 100);
    const deadline = new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), DEADLINE_MS));
    const elapsed = await Promise.race([closed, deadline]);
    clearInterval(trickle);
    socket.destroy();
    expect(elapsed, 'the connection was still open at the deadline').not.toBe('deadline');
    expectConnectionProblem(received(), 408, 'request-timeout');
  });

  it('a request that arrives at a normal pace is unaffected by the timeout', async () => {
    t = await hardeningApp({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const port = await listen(t.app);
    const { socket, received, closed } = await rawConnection(port);
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await closed;
    expect(parseRawResponse(received()).status).toBe(200);
  });

  it('a 20 KiB header gets a 431 problem (node maxHeaderSize is 16 KiB)', async () => {
    t = await hardeningApp();
    const port = await listen(t.app);
    const { socket, received, closed } = await rawConnection(port);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(20 * 1024)}\r\n\r\n`);
    await closed;
    expectConnectionProblem(received(), 431, 'headers-too-large');
  });

  it('bytes that are not HTTP get a 400 problem', async () => {
    t = await hardeningApp();
    const port = await listen(t.app);
    const { socket, received, closed } = await rawConnection(port);
    socket.write('HELLO THERE\r\n\r\n');
    await closed;
    expectConnectionProblem(received(), 400, 'malformed-request');
  });
});
