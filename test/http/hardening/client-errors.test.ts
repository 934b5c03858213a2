/**
 * Requests node answers or drops on its own, before fastify sees them: each gets a
 * problem+json answer with a request id (echoed in X-Request-Id), then the connection closes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hardeningApp, listen, parseRawResponse, rawConnection, type HardeningApp } from './harness.js';

let t: HardeningApp;
let port: number;
beforeEach(async () => {
  t = await hardeningApp();
  port = await listen(t.app);
});
afterEach(async () => {
  await t.close();
});

/** Sends raw bytes on a fresh connection and returns everything received until it closes. */
async function exchange(bytes: string): Promise<string> {
  const { socket, received, closed } = await rawConnection(port);
  socket.write(bytes);
  const deadline = setTimeout(() => socket.destroy(), 10_000);
  await closed;
  clearTimeout(deadline);
  return received();
}

function expectProblem(
  raw: string,
  status: number,
  kind: string,
): Record<string, string | string[] | undefined> {
  expect(raw, 'the connection closed without an answer').not.toBe('');
  const response = parseRawResponse(raw);
  expect(response.status, raw).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['connection']).toBe('close');
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:masthead:problem:${kind}`, status });
  expect(response.headers['x-request-id']).toMatch(/^[\w.:@-]+$/);
  expect(body['request_id']).toBe(response.headers['x-request-id']);
  return response.headers;
}

describe('requests node would answer bare or drop', () => {
  it('an HTTP/1.1 request without Host gets a 400 problem with a request id', async () => {
    const raw = await exchange('GET /healthz HTTP/1.1\r\n\r\n');
    expectProblem(raw, 400, 'malformed-request');
    expect(JSON.parse(parseRawResponse(raw).body)).toMatchObject({ detail: expect.stringMatching(/Host/) });
  });

  it('an HTTP/1.0 request without Host is still served (Host is an HTTP/1.1 requirement)', async () => {
    const raw = await exchange('GET /healthz HTTP/1.0\r\n\r\n');
    expect(parseRawResponse(raw).status).toBe(200);
  });

  it('CONNECT gets a 405 problem with an empty Allow (this server is no proxy)', async () => {
    const raw = await exchange('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    const headers = expectProblem(raw, 405, 'method-not-allowed');
    expect(headers['allow']).toBe('');
  });

  it('CONNECT to a path lists the methods of that path', async () => {
    const raw = await exchange('CONNECT /v1/articles HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const headers = expectProblem(raw, 405, 'method-not-allowed');
    expect(String(headers['allow']).split(', ')).toEqual(expect.arrayContaining(['GET', 'POST']));
  });

  it('a malformed request line gets a 400 problem with a request id', async () => {
    expectProblem(
      await exchange('GET /healthz HTTP/9.9\r\nHost: localhost\r\n\r\n'),
      400,
      'malformed-request',
    );
    expectProblem(await exchange('GET\r\n\r\n'), 400, 'malformed-request');
  });

  it('an Expect other than 100-continue gets a 417 problem with a request id', async () => {
    const raw = await exchange(
      'POST /v1/parse HTTP/1.1\r\nHost: localhost\r\nExpect: teapot\r\nContent-Length: 0\r\n\r\n',
    );
    expectProblem(raw, 417, 'expectation-failed');
  });
});
